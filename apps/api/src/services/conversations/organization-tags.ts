import { DomainError, validateTagName } from '@switchboard/core';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceContext } from '../service-context';
import { recordConversationAudit } from './conversation-audit';
import { conversationInclude } from './conversation-row';
import { presentConversation } from './conversation-view';

export interface OrganizationTagView {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** How many conversations carry the tag now. */
  conversationCount: number;
}

const orderings = {
  'id:asc': { id: 'asc' },
  'id:desc': { id: 'desc' },
  'name:asc': { name: 'asc' },
  'name:desc': { name: 'desc' },
  'createdAt:asc': { createdAt: 'asc' },
  'createdAt:desc': { createdAt: 'desc' },
} as const;
type TagOrder = keyof typeof orderings;

/** The organization's tags, Infobip-paged (`limit`, 0-based `page`), by name unless told otherwise. */
export async function listOrganizationTags(
  ctx: Pick<ServiceContext, 'prisma' | 'organizationId'>,
  query: {
    limit: number;
    page: number;
    orderBy?: string | undefined;
    /** Only the tags this conversation carries (none for another organization's conversation). */
    conversationId?: string | undefined;
    name?: string | undefined;
  },
) {
  const orderBy = tagOrder(query.orderBy);
  const where = {
    organizationId: ctx.organizationId,
    ...(query.name !== undefined ? { name: query.name.trim() } : {}),
    ...(query.conversationId !== undefined
      ? { conversations: { some: { conversationId: query.conversationId } } }
      : {}),
  };
  const [tags, totalItems] = await Promise.all([
    ctx.prisma.tag.findMany({
      where,
      orderBy: [orderings[orderBy], { id: 'asc' }],
      skip: query.page * query.limit,
      take: query.limit,
      select: { id: true, name: true, createdAt: true, _count: { select: { conversations: true } } },
    }),
    ctx.prisma.tag.count({ where }),
  ]);
  const views: OrganizationTagView[] = tags.map((tag) => ({
    id: tag.id,
    name: tag.name,
    createdAt: tag.createdAt.toISOString(),
    updatedAt: tag.createdAt.toISOString(),
    conversationCount: tag._count.conversations,
  }));
  return { tags: views, pagination: { totalItems, page: query.page, limit: query.limit, orderBy } };
}

function tagOrder(text: string | undefined): TagOrder {
  if (text === undefined || text.trim() === '') return 'name:asc';
  const [field = '', direction = 'asc', ...rest] = text.trim().split(':');
  const key = `${field}:${direction.toLowerCase()}`;
  if (rest.length > 0)
    throw new DomainError('VALIDATION', 'orderBy must be <field>:<direction>, e.g. "id:ASC".', {
      field: 'orderBy',
    });
  if (Object.hasOwn(orderings, key)) return key as TagOrder;
  throw new DomainError('VALIDATION', `orderBy must be one of ${Object.keys(orderings).join(', ')}.`, {
    field: 'orderBy',
    allowed: Object.keys(orderings),
  });
}

/**
 * Deletes a tag of the organization and unlinks it from every conversation (Infobip: cannot be
 * undone). Each conversation that carried it gets version + 1 and an audit event with its tags
 * before and after; the tag's own deletion is audited too. One transaction: all or nothing.
 */
export function deleteOrganizationTag(ctx: ServiceContext, tagName: string) {
  const name = validateTagName(tagName);
  const { organizationId } = ctx;
  return ctx.prisma.$transaction(async (tx) => {
    const tag = await tx.tag.findFirst({ where: { organizationId, name } });
    if (!tag) throw new DomainError('NOT_FOUND', `Tag "${name}" not found`, { field: 'tagName' });
    // Bump first: the update locks every carrier, so the versions read next are the final ones.
    const carrying = { organizationId, tags: { some: { tagId: tag.id } } };
    await tx.conversation.updateMany({
      where: carrying,
      data: { version: { increment: 1 }, updatedAt: new Date() },
    });
    const carriers = await tx.conversation.findMany({
      where: carrying,
      select: {
        id: true,
        version: true,
        tags: { select: { tag: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
      },
    });
    await tx.tag.delete({ where: { id: tag.id } });
    // The carriers as they are now, for their events (each carries the conversation after).
    const untagged = await tx.conversation.findMany({
      where: { organizationId, id: { in: carriers.map((carrier) => carrier.id) } },
      include: conversationInclude,
    });
    const views = new Map(untagged.map((row) => [row.id, presentConversation(row)]));
    for (const carrier of carriers) {
      const tags = carrier.tags.map((link) => link.tag.name);
      await recordConversationAudit(tx, ctx, {
        action: 'conversation.tag.remove',
        conversationId: carrier.id,
        before: { id: carrier.id, tags, version: carrier.version - 1 },
        after: { id: carrier.id, tags: tags.filter((t) => t !== name), version: carrier.version },
        subject: views.get(carrier.id),
      });
    }
    const view = { name, createdAt: tag.createdAt.toISOString(), conversationCount: carriers.length };
    await recordAudit(tx, {
      organizationId,
      actor: ctx.actor,
      action: 'tag.delete',
      entityType: 'tag',
      entityId: tag.id,
      before: view,
      requestId: ctx.requestId,
    });
    return { name, deleted: true as const, unlinkedConversations: carriers.length };
  });
}
