import type { Prisma } from '@switchboard/db';
import { cursorArgs, toPage } from '../../routers/shared/pagination';
import type { ReadContext } from '../service-context';
import { findConversation } from './find-conversation';

export interface HistoryEventView {
  id: string;
  action: string;
  actor: { type: string; id: string };
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  requestId: string | null;
  createdAt: string;
}

/**
 * A conversation's audit events in the order they were written — oldest first by default
 * (newest last), or newest first with `order: 'desc'` — in keyset pages.
 */
export async function conversationHistory(
  ctx: ReadContext,
  input: { conversationId: string; limit: number; cursor?: string | undefined; order?: 'asc' | 'desc' },
): Promise<{ events: HistoryEventView[]; nextCursor: string | null }> {
  await findConversation(ctx.reads, ctx.organizationId, input.conversationId);
  const rows = await ctx.prisma.auditEvent.findMany({
    where: { organizationId: ctx.organizationId, entityType: 'conversation', entityId: input.conversationId },
    take: input.limit + 1,
    ...cursorArgs(input.cursor, { organizationId: ctx.organizationId }),
    orderBy: { sequence: input.order ?? 'asc' },
  });
  const page = toPage(rows, input.limit);
  return {
    events: page.items.map((row) => ({
      id: row.id,
      action: row.action,
      actor: { type: row.actorType, id: row.actorId },
      before: row.before,
      after: row.after,
      requestId: row.requestId,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
