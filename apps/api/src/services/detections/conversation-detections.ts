import type { DetectionKind, Prisma } from '@switchboard/db';
import { z } from 'zod';
import { isoDateSchema, toIso } from '../../routers/shared/schemas';
import { findConversation } from '../conversations/find-conversation';

/** One mention: the message it is in, the text as written and its UTF-16 offsets in the message. */
export const detectionMatchSchema = z.object({
  messageId: z.string(),
  /** The whole message and when it was written (Symbl's messageRefs quote them). */
  messageText: z.string(),
  messageAt: isoDateSchema,
  value: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type DetectionMatch = z.infer<typeof detectionMatchSchema>;

export interface DetectionsByRef {
  refId: string;
  name: string;
  matches: DetectionMatch[];
}

/**
 * A conversation's detections of one kind, grouped by tracker / entity in order of first
 * mention (messages by time, then offset). 404 for another tenant's conversation.
 */
export async function conversationDetections(
  tx: Prisma.TransactionClient,
  organizationId: string,
  conversationId: string,
  kind: DetectionKind,
): Promise<DetectionsByRef[]> {
  await findConversation(tx, organizationId, conversationId);
  const rows = await tx.detection.findMany({
    where: { organizationId, conversationId, kind },
    orderBy: [{ message: { createdAt: 'asc' } }, { messageId: 'asc' }, { start: 'asc' }],
    include: { message: { select: { text: true, createdAt: true } } },
  });
  const groups = new Map<string, DetectionsByRef>();
  for (const row of rows) {
    const group = groups.get(row.refId) ?? { refId: row.refId, name: row.name, matches: [] };
    group.matches.push({
      messageId: row.messageId,
      messageText: row.message.text,
      messageAt: toIso(row.message.createdAt),
      value: row.value,
      start: row.start,
      end: row.end,
    });
    groups.set(row.refId, group);
  }
  return [...groups.values()];
}
