import type { CriteriaAst, CriteriaComparison } from '@switchboard/core';
import type { CompileContext } from './operators';
import { resolvedTagIds } from './sets';

/**
 * A tag test that a query can start from: the conversations carrying one of `tagIds` are read from
 * ConversationTag, and only the `rest` of the criteria is checked on their rows.
 *
 * That is exact because the tag link carries its conversation's organization and createdAt, held
 * equal to the conversation's by a composite foreign key, and its organization to the tag's by
 * another (schema.prisma). So for ids resolved in one organization, the links with those ids are
 * exactly that organization's tagged conversations, and `(conversationCreatedAt, conversationId)`
 * orders them exactly as `(c."createdAt", c."id")` does. The index
 * `(tagId, conversationCreatedAt DESC, conversationId DESC)` then gives a tag's conversations
 * newest first: the first page of `tags==vip` is its first 51 entries (< 1 ms at 1 000 000 rows)
 * instead of a walk over the organization's conversations probing each one (~3 600 probes, 9 ms).
 */
export interface TagDriver {
  tagIds: readonly string[];
  /** What else the criteria ask; undefined when the tag test is all of it. */
  rest: CriteriaAst | undefined;
}

/**
 * The criteria's tag test to start from: the criteria itself when it is a positive tag test
 * (`tags==x`, `tags=in=(x,y)`), else the child of a top-level `and` that is one, the one with the
 * fewest tag ids. Needs the tag ids resolved (context.tagIds); none when no tag matches (the test
 * is FALSE and costs nothing as it is).
 */
export function findTagDriver(
  criteria: CriteriaAst | undefined,
  context: CompileContext,
): TagDriver | undefined {
  if (!criteria) return undefined;
  const children = criteria.type === 'and' ? criteria.children : [criteria];
  let best: { index: number; tagIds: string[] } | undefined;
  children.forEach((child, index) => {
    const tagIds = child.type === 'comparison' ? drivingTagIds(child, context) : undefined;
    if (tagIds && (!best || tagIds.length < best.tagIds.length)) best = { index, tagIds };
  });
  if (!best) return undefined;
  const others = children.filter((_, index) => index !== best?.index);
  const rest =
    others.length === 0
      ? undefined
      : others.length === 1
        ? others[0]
        : { type: 'and' as const, children: others };
  return { tagIds: best.tagIds, rest };
}

const drivingTagIds = (comparison: CriteriaComparison, context: CompileContext): string[] | undefined => {
  if (comparison.operator !== '==' && comparison.operator !== '=in=') return undefined;
  const tagIds = resolvedTagIds(comparison, context);
  return tagIds && tagIds.length > 0 ? tagIds : undefined;
};
