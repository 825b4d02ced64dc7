import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { socialChannels } from '../../shared/social-context';
import type { ServiceContext } from '../service-context';
import { type MessageView, presentMessage } from './messages';

/** Infobip's bound on each side of the comment. */
export const relatedCommentsPerSide = 50;

export interface RelatedComments {
  /** The conversation's inbound comment: its latest INBOUND message with a social context. */
  comment: MessageView;
  /** Up to 50 comments on the same level just before it, oldest first. */
  olderComments: MessageView[];
  /** Up to 50 comments on the same level just after it, oldest first. */
  newerComments: MessageView[];
}

/**
 * The comments around a conversation's inbound comment on the same post and level (the same
 * parent comment, or the post itself), in any of the organization's conversations and in either
 * direction. Both sides are read along the social comments index (organization, post, parent,
 * channel, time), at most 50 rows each.
 */
export async function findRelatedComments(
  ctx: Pick<ServiceContext, 'prisma' | 'organizationId'>,
  conversationId: string,
): Promise<RelatedComments> {
  const { prisma, organizationId } = ctx;
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, organizationId },
    select: { id: true },
  });
  if (!conversation) {
    // Infobip's text for it (the reference's example), which its clients show.
    throw new DomainError(
      'NOT_FOUND',
      `Invalid conversationId '${conversationId}' given! No such entity exists.`,
      {
        field: 'conversationId',
      },
    );
  }
  const comment = await prisma.message.findFirst({
    where: {
      organizationId,
      conversationId: conversation.id,
      direction: 'INBOUND',
      socialPostId: { not: null },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  if (!comment) {
    throw new DomainError(
      'NOT_FOUND',
      `Conversation '${conversation.id}' has no inbound comment: related comments are read around an INBOUND message of channel ${socialChannels.join(' or ')} sent with socialContext.`,
      { field: 'conversationId' },
    );
  }
  const level: Prisma.MessageWhereInput = {
    organizationId,
    socialPostId: comment.socialPostId,
    socialParentId: comment.socialParentId,
    channel: comment.channel,
  };
  const at = comment.createdAt;
  const older = await prisma.message.findMany({
    where: { ...level, OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: comment.id } }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: relatedCommentsPerSide,
  });
  const newer = await prisma.message.findMany({
    where: { ...level, OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: comment.id } }] },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: relatedCommentsPerSide,
  });
  return {
    comment: presentMessage(comment),
    olderComments: older.reverse().map(presentMessage),
    newerComments: newer.map(presentMessage),
  };
}
