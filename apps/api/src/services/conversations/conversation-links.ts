import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import type { ServiceContext } from '../service-context';
import { type ConversationView, presentConversation } from './conversation-view';
import { findConversationsInOrder } from './find-conversation';

/**
 * Infobip links a follow-up conversation (child) to the conversation it came from (parent). The
 * reference has no operation that makes a link, so Switchboard makes it when the child is created
 * (`parentConversationId`, an extension of create): the child is new, so it cannot be its own
 * parent, has no parent yet and no conversation points at it — a chain of links never loops.
 * The parent is checked before the child is written; another organization's is a missing one.
 */
export async function findParentConversation(
  tx: Prisma.TransactionClient,
  organizationId: string,
  parentId: string,
): Promise<string> {
  const parent = await tx.conversation.findFirst({
    where: { id: parentId, organizationId },
    select: { id: true },
  });
  if (!parent) {
    throw new DomainError(
      'NOT_FOUND',
      `Parent conversation ${parentId} not found: parentConversationId must be one of your conversations.`,
      { field: 'parentConversationId' },
    );
  }
  return parent.id;
}

/** Writes the link, in the child's creating transaction (a parent deleted meanwhile fails its foreign key). */
export async function linkToParent(
  tx: Prisma.TransactionClient,
  organizationId: string,
  link: { parentId: string; childId: string },
): Promise<void> {
  await tx.conversationLink.create({ data: { organizationId, ...link } });
}

export interface ConversationLinkView {
  parent: ConversationView;
  child: ConversationView;
  /** When the link was made: the child's creation. */
  linkedAt: string;
}

/**
 * The links a conversation has with others: its parent (at most one) and its children, oldest
 * first. The answer is bounded: a parent's first children only, past this many.
 */
export const maxLinks = 1000;

/** Infobip's "no such entity" text, which its clients show (the reference's example). */
const noSuchConversation = (id: string) =>
  new DomainError('NOT_FOUND', `Invalid id '${id}' given! No such entity exists.`, {
    field: 'conversationId',
  });

export async function listConversationLinks(
  ctx: Pick<ServiceContext, 'prisma' | 'organizationId'>,
  conversationId: string,
): Promise<{ links: ConversationLinkView[] }> {
  const { prisma, organizationId } = ctx;
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, organizationId },
    select: { id: true },
  });
  if (!conversation) throw noSuchConversation(conversationId);
  // Two index reads: the primary key (its parent) and the parent index (its children).
  const asChild = await prisma.conversationLink.findMany({
    where: { organizationId, childId: conversation.id },
  });
  const asParent = await prisma.conversationLink.findMany({
    where: { organizationId, parentId: conversation.id },
    orderBy: [{ createdAt: 'asc' }, { childId: 'asc' }],
    take: maxLinks,
  });
  const links = [...asChild, ...asParent];
  const ids = [...new Set(links.flatMap((link) => [link.parentId, link.childId]))];
  const rows = await findConversationsInOrder(prisma, organizationId, ids);
  const views = new Map(rows.map((row) => [row.id, presentConversation(row)]));
  // A conversation deleted between the reads leaves its link out.
  return {
    links: links.flatMap((link) => {
      const parent = views.get(link.parentId);
      const child = views.get(link.childId);
      return parent && child ? [{ parent, child, linkedAt: link.createdAt.toISOString() }] : [];
    }),
  };
}
