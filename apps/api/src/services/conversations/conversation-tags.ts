import { DomainError, validateTagName } from '@switchboard/core';
import type { ReadContext, ServiceContext } from '../service-context';
import { applyConversationChange } from './apply-change';
import { findConversation } from './find-conversation';

export interface ConversationTagView {
  name: string;
  /** When the tag was put on this conversation. */
  createdAt: string;
}

type Ctx = Pick<ServiceContext, 'prisma' | 'organizationId' | 'actor' | 'requestId'>;

/**
 * Puts a tag on a conversation, creating the organization's tag when new. Adding a tag the
 * conversation already has changes nothing. Allowed on CLOSED conversations (reporting).
 */
export function addConversationTag(
  ctx: Ctx,
  input: { conversationId: string; tagName: string },
): Promise<ConversationTagView> {
  const name = validateTagName(input.tagName);
  return ctx.prisma.$transaction(async (tx) => {
    await applyConversationChange(tx, ctx, {
      conversationId: input.conversationId,
      action: 'conversation.tag.add',
      patch: (current) => ({ tags: [...current.tags, name] }),
    });
    const link = await tx.conversationTag.findFirstOrThrow({
      where: { organizationId: ctx.organizationId, conversationId: input.conversationId, tag: { name } },
      select: { createdAt: true },
    });
    return { name, createdAt: link.createdAt.toISOString() };
  });
}

/** Takes a tag off a conversation; the tag itself stays. 404 when the conversation does not carry it. */
export function removeConversationTag(
  ctx: Ctx,
  input: { conversationId: string; tagName: string },
): Promise<{ name: string; deleted: true }> {
  const name = validateTagName(input.tagName);
  return ctx.prisma.$transaction(async (tx) => {
    await applyConversationChange(tx, ctx, {
      conversationId: input.conversationId,
      action: 'conversation.tag.remove',
      patch: (current) => {
        if (!current.tags.includes(name)) {
          throw new DomainError('NOT_FOUND', `Conversation ${current.id} has no tag "${name}".`, {
            field: 'tagName',
          });
        }
        return { tags: current.tags.filter((tag) => tag !== name) };
      },
    });
    return { name, deleted: true as const };
  });
}

/** A conversation's tags, in the order they were added. */
export async function listConversationTags(
  ctx: ReadContext,
  conversationId: string,
): Promise<ConversationTagView[]> {
  await findConversation(ctx.reads, ctx.organizationId, conversationId);
  const links = await ctx.prisma.conversationTag.findMany({
    where: { organizationId: ctx.organizationId, conversationId },
    select: { createdAt: true, tag: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return links.map((link) => ({ name: link.tag.name, createdAt: link.createdAt.toISOString() }));
}
