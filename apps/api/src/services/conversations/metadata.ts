import { assertCanChangeMetadata } from '@switchboard/core';
import type { ReadContext, ServiceContext } from '../service-context';
import { applyConversationChange } from './apply-change';
import { metadataOf } from './conversation-row';
import { findConversation } from './find-conversation';

/** Infobip's conversation metadata: a flat string → string map. */
export async function getConversationMetadata(
  ctx: ReadContext,
  conversationId: string,
): Promise<Record<string, string>> {
  return metadataOf(await findConversation(ctx.reads, ctx.organizationId, conversationId));
}

/**
 * Replaces the whole map (core validates it: at most 100 keys, key and value lengths). Refused on
 * a CLOSED conversation even when the map would not change, so the rule reads the same always.
 */
export function replaceConversationMetadata(
  ctx: ServiceContext,
  input: { conversationId: string; metadata: Record<string, string>; expectedVersion?: number | undefined },
): Promise<Record<string, string>> {
  return ctx.prisma.$transaction(async (tx) => {
    const view = await applyConversationChange(tx, ctx, {
      conversationId: input.conversationId,
      action: 'conversation.metadata.replace',
      expectedVersions: [input.expectedVersion],
      patch: (current) => {
        assertCanChangeMetadata(current);
        return { metadata: input.metadata };
      },
    });
    return view.metadata;
  });
}
