import { closedRefusal } from '@switchboard/core';
import type { MessageAuthorType, MessageDirection, MessageModel, Prisma } from '@switchboard/db';
import { searchableText } from '../../shared/message-content';
import {
  type SocialContext,
  type SocialContextInput,
  socialColumns,
  socialContextOf,
} from '../../shared/social-context';
import { detectInMessage } from '../detections/detect-in-message';
import { findAgent } from '../routing/find-routing-objects';
import { lockConversation } from '../routing/lock-conversation';
import type { ServiceContext } from '../service-context';
import { recordConversationAudit } from './conversation-audit';
import { presentConversation } from './conversation-view';

export interface MessageView {
  id: string;
  conversationId: string;
  from: string;
  to: string | null;
  channel: string | null;
  direction: MessageDirection;
  contentType: string;
  content: Record<string, unknown>;
  /** The searchable text of the content. */
  text: string;
  authorType: MessageAuthorType;
  authorId: string | null;
  /** An internal note: seen by the team, never sent to the customer. */
  internal: boolean;
  /** A social comment's place on the network (post, parent comment); null on other messages. */
  socialContext: SocialContext | null;
  createdAt: string;
  /** Messages are not edited: the time it was stored. */
  updatedAt: string;
}

export const presentMessage = (row: MessageModel): MessageView => {
  const createdAt = row.createdAt.toISOString();
  return {
    id: row.id,
    conversationId: row.conversationId,
    from: row.from,
    to: row.to,
    channel: row.channel,
    direction: row.direction,
    contentType: row.contentType,
    content: row.content as Record<string, unknown>,
    text: row.text,
    authorType: row.authorType,
    authorId: row.authorId,
    internal: row.internal,
    socialContext: socialContextOf(row),
    createdAt,
    updatedAt: createdAt,
  };
};

export interface NewMessage {
  conversationId: string;
  from: string;
  to?: string | undefined;
  channel?: string | undefined;
  contentType?: string | undefined;
  content?: Record<string, unknown> | undefined;
  /** Shorthand for TEXT content. */
  text?: string | undefined;
  direction?: MessageDirection | undefined;
  authorType?: MessageAuthorType | undefined;
  authorId?: string | undefined;
  internal?: boolean | undefined;
  /** A social comment's context (FACEBOOK_POST, INSTAGRAM_POST; checked by the input schema). */
  socialContext?: SocialContextInput | undefined;
}

/**
 * Adds a message and detects the organization's trackers and custom entities in it, in one
 * transaction. A CLOSED conversation takes no messages (409): closed is terminal, and a customer
 * writing again starts a new conversation. The conversation row is locked, so messages of one
 * conversation are written one at a time, and each is stamped no earlier than a millisecond
 * after the previous one: listing by time is listing in the order they were added.
 */
export function addMessage(ctx: ServiceContext, input: NewMessage): Promise<MessageView> {
  const { organizationId } = ctx;
  const content = input.content ?? { text: input.text ?? '' };
  const direction = input.direction ?? 'INBOUND';
  return ctx.prisma.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, organizationId, input.conversationId);
    if (input.authorId !== undefined) await findAgent(tx, organizationId, input.authorId, 'authorId');
    if (conversation.status === 'CLOSED')
      throw closedRefusal(conversation.id, 'given messages', ['messages']);
    const previous = await tx.message.findFirst({
      where: { conversationId: conversation.id },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    });
    const now = Date.now();
    const createdAt = new Date(Math.max(now, (previous?.createdAt.getTime() ?? 0) + 1));
    const row = await tx.message.create({
      data: {
        organizationId,
        conversationId: conversation.id,
        from: input.from,
        to: input.to ?? null,
        channel: input.channel ?? null,
        contentType: input.contentType ?? 'TEXT',
        content: content as Prisma.InputJsonObject,
        text: searchableText(content),
        direction,
        authorType: input.authorType ?? (direction === 'INBOUND' ? 'CUSTOMER' : 'AGENT'),
        authorId: input.authorId ?? null,
        internal: input.internal ?? false,
        ...socialColumns(input.socialContext),
        createdAt,
      },
    });
    await detectInMessage(tx, { organizationId, conversationId: conversation.id, message: row });
    const message = presentMessage(row);
    await recordConversationAudit(tx, ctx, {
      action: 'conversation.message.add',
      conversationId: conversation.id,
      after: message,
      subject: presentConversation(conversation),
    });
    return message;
  });
}
