import { type CriteriaComparison, hasWildcard, listOperators, wildcardToLike } from '@switchboard/core';
import { Prisma } from '../generated/prisma/client';
import { type CompileContext, type OperatorMap, withNegations } from './operators';
import { like, oneOf, sqlFalse } from './sql';
import { tagPattern } from './tag-ids';

type NameTest = (name: Prisma.Sql) => Prisma.Sql;

/**
 * "Some element of the set passes the test", as a correlated EXISTS. EXISTS rather than
 * `c.id IN (…)`: both become a semi-join when they stand alone, but only EXISTS becomes an
 * anti-join under NOT (`tags!=x`), and it is never NULL. Tags and detections are scoped to the
 * conversation's organization.
 */
const sets: Readonly<Record<string, (test: NameTest) => Prisma.Sql>> = {
  tags: (test) => Prisma.sql`EXISTS (SELECT 1 FROM "ConversationTag" ct JOIN "Tag" t ON t."id" = ct."tagId"
    WHERE ct."conversationId" = c."id" AND t."organizationId" = c."organizationId" AND ${test(Prisma.raw('t."name"'))})`,
  trackers: detected('TRACKER'),
  entities: detected('ENTITY'),
};

/** Trackers and entities by name: the (organizationId, kind, name, conversationId) index. */
function detected(kind: 'TRACKER' | 'ENTITY'): (test: NameTest) => Prisma.Sql {
  return (test) => Prisma.sql`EXISTS (SELECT 1 FROM "Detection" d
    WHERE d."organizationId" = c."organizationId" AND d."kind" = ${kind}::"DetectionKind"
      AND d."conversationId" = c."id" AND ${test(Prisma.raw('d."name"'))})`;
}

/** Above this many ids (`tags==*` in a large organization) the join by name is the better query. */
const maxResolvedTagIds = 200;

/**
 * The organization's tag ids a positive tag test (`==`, `=in=`) stands for, when they were
 * resolved up front (tag-ids.ts): empty when no tag matches; undefined when they were not resolved
 * or are too many to list (then the test joins Tag by name).
 */
export const resolvedTagIds = (
  { field, operator, values }: CriteriaComparison,
  context: CompileContext,
): string[] | undefined => {
  if (field !== 'tags' || !context.tagIds) return undefined;
  const wildcards = !listOperators.includes(operator);
  const ids = new Set<string>();
  for (const value of values) {
    const found = context.tagIds.get(tagPattern(value, wildcards));
    if (!found) return undefined;
    for (const id of found) ids.add(id);
  }
  return ids.size > maxResolvedTagIds ? undefined : [...ids];
};

/**
 * With the ids resolved, a tag test is a lookup of those ids in ConversationTag:
 * `(conversationId, tagId)` per row, or `(tagId, …)` when PostgreSQL drives the semi-join from a
 * rare tag. No matching tag at all → FALSE.
 */
const resolvedTags = (comparison: CriteriaComparison, context: CompileContext) => {
  const ids = resolvedTagIds(comparison, context);
  if (!ids) return undefined;
  if (ids.length === 0) return sqlFalse;
  return Prisma.sql`EXISTS (SELECT 1 FROM "ConversationTag" ct
    WHERE ct."conversationId" = c."id" AND ${oneOf(Prisma.raw('ct."tagId"'), ids, 'text')})`;
};

const someElement = (field: string, test: NameTest): Prisma.Sql => {
  const set = sets[field];
  if (!set) throw new Error(`No table for the set field ${field}`);
  return set(test);
};

/** README rule 5: `==p` some element matches p (wildcards as text), `=in=` has any; negations are NOT EXISTS. */
export const setOperators: OperatorMap = withNegations({
  '==': (comparison, _spec, context) => {
    const value = comparison.values[0] ?? '';
    return (
      resolvedTags(comparison, context) ??
      someElement(comparison.field, (name) =>
        hasWildcard(value) ? like(name, wildcardToLike(value)) : Prisma.sql`${name} = ${value}`,
      )
    );
  },
  '=in=': (comparison, _spec, context) =>
    resolvedTags(comparison, context) ??
    someElement(comparison.field, (name) => oneOf(name, comparison.values, 'text')),
});
