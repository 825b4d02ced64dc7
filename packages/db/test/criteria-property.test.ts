import { type ConversationFacts, type CriteriaAst, compilePredicate, printCriteria } from '@switchboard/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  conversationFactsArbitrary,
  criteriaAstArbitrary,
  criteriaPools,
  fastCheckRuns,
} from '../../core/src/criteria/testing';
import { compileCriteriaToSql, findConversationIdsMatching } from '../src/criteria';
import {
  deleteConversations,
  insertConversationFacts,
  insertOrganization,
  insertReferencedRows,
  loadConversationFacts,
} from '../src/criteria/testing/seed';
import { Prisma } from '../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../src/testing';

/**
 * THE property: for random conversations stored as rows and random criteria, the SQL compiled
 * from the AST selects exactly the conversations for which core's compilePredicate is true.
 * Each run stores one batch and checks several criteria against it in one query (every
 * criteria as a boolean column, which also proves the expression is never NULL), plus the first
 * criteria through findConversationIdsMatching, the WHERE path the API uses.
 */
const organizationId = 'org-property';
const criteriaPerRun = 8;
const runs = fastCheckRuns();

/** The pools repeat ids; a row needs a unique one, so repeats get a suffix (still a pool-like id). */
const withUniqueIds = (facts: ConversationFacts[]): ConversationFacts[] => {
  const seen = new Set<string>();
  return facts.map((fact, index) => {
    const id = seen.has(fact.id) ? `${fact.id}#${index}` : fact.id;
    seen.add(id);
    return { ...fact, id };
  });
};

const batchArbitrary = fc.array(conversationFactsArbitrary, { minLength: 30, maxLength: 60 }).map(withUniqueIds);

/** PostgreSQL text cannot hold NUL; core's pools promise never to produce it, and this keeps them honest. */
const hasNul = (facts: ConversationFacts[]): boolean => JSON.stringify(facts).includes('\\u0000');

async function matchesPerCriteria(db: TestDatabase, criteria: CriteriaAst[]): Promise<Map<string, unknown[]>> {
  const columns = criteria.map((ast, i) => Prisma.sql`(${compileCriteriaToSql(ast)}) AS ${Prisma.raw(`"m${i}"`)}`);
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT c."id", ${Prisma.join(columns)} FROM "Conversation" c WHERE c."organizationId" = ${organizationId}`;
  return new Map(rows.map((row) => [String(row.id), criteria.map((_, i) => row[`m${i}`])]));
}

const sorted = (ids: string[]) => [...ids].sort();

describe.each(testDatabaseKinds())('SQL criteria agree with compilePredicate on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await insertOrganization(db.prisma, organizationId);
    await insertReferencedRows(db.prisma, organizationId, criteriaPools);
  });
  afterAll(() => db?.dispose());

  test(`random conversations × random criteria (${runs} runs × ${criteriaPerRun} criteria)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        batchArbitrary,
        fc.array(criteriaAstArbitrary(), { minLength: criteriaPerRun, maxLength: criteriaPerRun }),
        async (facts, criteria) => {
          expect(hasNul(facts)).toBe(false);
          await deleteConversations(db.prisma, organizationId);
          await insertConversationFacts(db.prisma, organizationId, facts);
          const sql = await matchesPerCriteria(db, criteria);
          criteria.forEach((ast, i) => {
            const predicate = compilePredicate(ast);
            const disagreements = facts.filter((fact) => sql.get(fact.id)?.[i] !== predicate(fact));
            expect(disagreements, `${printCriteria(ast)} on ${JSON.stringify(disagreements)}`).toEqual([]);
          });
          const [first] = criteria as [CriteriaAst];
          const ids = await findConversationIdsMatching(db.prisma, {
            organizationId,
            criteria: first,
            orderBy: 'createdAt',
            direction: 'desc',
            limit: 1000,
          });
          const predicate = compilePredicate(first);
          expect(sorted(ids), printCriteria(first)).toEqual(sorted(facts.filter(predicate).map((f) => f.id)));
        },
      ),
      { numRuns: runs },
    );
  }, 60_000 + runs * 200);

  test('storing conversation facts loses nothing (the property above relies on it)', async () => {
    await fc.assert(
      fc.asyncProperty(batchArbitrary, async (facts) => {
        await deleteConversations(db.prisma, organizationId);
        await insertConversationFacts(db.prisma, organizationId, facts);
        const stored = await loadConversationFacts(db.prisma, organizationId);
        const canonical = (list: ConversationFacts[]) =>
          list
            .map((fact) => ({
              ...fact,
              metadata: { ...fact.metadata },
              tags: [...fact.tags].sort(),
              trackers: [...fact.trackers].sort(),
              entities: [...fact.entities].sort(),
            }))
            .sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(canonical(stored)).toEqual(canonical(facts));
      }),
      { numRuns: Math.max(20, Math.floor(runs / 25)) },
    );
  });
});
