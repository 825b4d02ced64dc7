import { hasWildcard, wildcardToLike } from '@switchboard/core';
import { Prisma } from '../generated/prisma/client';
import { firstValue, type OperatorMap, withNegations } from './operators';
import { like, oneOf } from './sql';

type NameTest = (name: Prisma.Sql) => Prisma.Sql;

/**
 * "Some element of the set passes the test", as a correlated EXISTS. EXISTS rather than
 * `c.id IN (…)`: PostgreSQL plans both as a semi-join when they stand alone, but only EXISTS
 * turns into an anti-join under NOT (`tags!=x`), and it is never NULL. The semi-join can be
 * driven from the set side (Tag by (organizationId, name) → ConversationTag by
 * (tagId, conversationId) → Conversation by id), which is what a selective tag needs.
 * Tags and detections are scoped to the conversation's organization.
 */
const sets: Readonly<Record<string, (test: NameTest) => Prisma.Sql>> = {
  tags: (test) => Prisma.sql`EXISTS (SELECT 1 FROM "ConversationTag" ct JOIN "Tag" t ON t."id" = ct."tagId"
    WHERE ct."conversationId" = c."id" AND t."organizationId" = c."organizationId" AND ${test(Prisma.raw('t."name"'))})`,
  trackers: detected('TRACKER'),
  entities: detected('ENTITY'),
};

/** Trackers and entities by name, from the (organizationId, kind, name, conversationId) index. */
function detected(kind: 'TRACKER' | 'ENTITY'): (test: NameTest) => Prisma.Sql {
  return (test) => Prisma.sql`EXISTS (SELECT 1 FROM "Detection" d
    WHERE d."organizationId" = c."organizationId" AND d."kind" = ${kind}::"DetectionKind"
      AND d."conversationId" = c."id" AND ${test(Prisma.raw('d."name"'))})`;
}

const someElement = (field: string, test: NameTest): Prisma.Sql => {
  const set = sets[field];
  if (!set) throw new Error(`No table for the set field ${field}`);
  return set(test);
};

/** README rule 5: `==p` some element matches p (wildcards as text), `=in=` has any; negations are NOT EXISTS. */
export const setOperators: OperatorMap = withNegations({
  '==': (comparison) => {
    const value = firstValue(comparison);
    return someElement(comparison.field, (name) =>
      hasWildcard(value) ? like(name, wildcardToLike(value)) : Prisma.sql`${name} = ${value}`,
    );
  },
  '=in=': ({ field, values }) => someElement(field, (name) => oneOf(name, values, 'text')),
});
