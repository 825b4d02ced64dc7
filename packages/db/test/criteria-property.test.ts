import { type ConversationFacts, type CriteriaAst, compilePredicate, printCriteria } from '@switchboard/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  clockArbitrary,
  conversationFactsArbitrary,
  criteriaAstArbitrary,
  criteriaPools,
  fastCheckRuns,
} from '../../core/src/criteria/testing';
import {
  compileCriteriaToSql,
  countConversationsMatching,
  findConversationIdsMatching,
  resolveTagIds,
} from '../src/criteria';
import {
  deleteConversationsAndTags,
  insertConversationFacts,
  insertOrganization,
  insertReferencedRows,
  loadConversationFacts,
  vacuum,
} from '../src/criteria/testing/seed';
import { Prisma } from '../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../src/testing';

/**
 * THE property: for random conversations stored as rows and random criteria, the SQL compiled
 * from the AST selects exactly the conversations for which core's compilePredicate is true.
 *
 * Storing a batch costs far more than querying it, so each run stores one batch of 30–60
 * conversations and checks `criteriaPerRun` criteria against it in one query: each criteria is
 * a boolean column, compiled both ways (tags joined by name, and tags resolved to ids first),
 * which also proves the expression is never NULL. The first criteria also goes through
 * findConversationIdsMatching and countConversationsMatching, the WHERE (or UNION) path the API uses. fastCheckRuns() counts criteria
 * checked: the default 500 are 50 stored batches, FAST_CHECK_RUNS=20000 are 2 000.
 */
const organizationId = 'org-property';
const criteriaPerRun = 10;
const criteriaChecked = fastCheckRuns();
const runs = Math.ceil(criteriaChecked / criteriaPerRun);

/** The pools repeat ids; a row needs a unique one, so repeats get a suffix (still a pool-like id). */
const withUniqueIds = (facts: ConversationFacts[]): ConversationFacts[] => {
  const seen = new Set<string>();
  return facts.map((fact, index) => {
    const id = seen.has(fact.id) ? `${fact.id}#${index}` : fact.id;
    seen.add(id);
    return { ...fact, id };
  });
};

const batchArbitrary = fc
  .array(conversationFactsArbitrary, { minLength: 30, maxLength: 60 })
  .map(withUniqueIds);
const criteriaArbitrary = fc.array(criteriaAstArbitrary(), {
  minLength: criteriaPerRun,
  maxLength: criteriaPerRun,
});

/** PostgreSQL text cannot hold NUL; core's pools promise never to produce it, and this keeps them honest. */
const hasNul = (facts: ConversationFacts[]): boolean => JSON.stringify(facts).includes('\\u0000');

/** Per conversation id, per criteria: [value compiled without context, value with the tag ids resolved]. */
async function valuesPerCriteria(
  db: TestDatabase,
  criteria: CriteriaAst[],
  now: Date,
): Promise<Map<string, unknown[][]>> {
  const tagIds = await resolveTagIds(db.prisma, organizationId, { type: 'or', children: criteria });
  const columns = criteria.flatMap((ast, i) => [
    Prisma.sql`(${compileCriteriaToSql(ast, { now })}) AS ${Prisma.raw(`"m${i}"`)}`,
    Prisma.sql`(${compileCriteriaToSql(ast, { tagIds, now })}) AS ${Prisma.raw(`"r${i}"`)}`,
  ]);
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT c."id", ${Prisma.join(columns)} FROM "Conversation" c WHERE c."organizationId" = ${organizationId}`;
  return new Map(rows.map((row) => [String(row.id), criteria.map((_, i) => [row[`m${i}`], row[`r${i}`]])]));
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

  test(
    `${criteriaChecked} random criteria over ${runs} stored batches of random conversations`,
    async () => {
      let batches = 0;
      await fc.assert(
        // The clock is an input of both evaluations: relative instants (now-PT4H) resolve against it.
        fc.asyncProperty(
          batchArbitrary,
          criteriaArbitrary,
          clockArbitrary,
          async (facts, criteria, nowMs) => {
            const now = new Date(nowMs);
            const clock = () => nowMs;
            expect(hasNul(facts)).toBe(false);
            if (++batches % 25 === 0) await vacuum(db.prisma);
            await deleteConversationsAndTags(db.prisma, organizationId);
            await insertConversationFacts(db.prisma, organizationId, facts);
            const values = await valuesPerCriteria(db, criteria, now);
            criteria.forEach((ast, i) => {
              const predicate = compilePredicate(ast, { clock });
              const disagreeing = facts.filter((fact) => {
                const expected = predicate(fact);
                return values.get(fact.id)?.[i]?.some((value) => value !== expected) ?? true;
              });
              expect(disagreeing, `${printCriteria(ast)} on ${JSON.stringify(disagreeing)}`).toEqual([]);
            });

            const [first] = criteria as [CriteriaAst];
            const ids = await findConversationIdsMatching(db.prisma, {
              organizationId,
              criteria: first,
              orderBy: 'createdAt',
              direction: 'desc',
              limit: 1000,
              now,
            });
            const expected = facts.filter(compilePredicate(first, { clock })).map((fact) => fact.id);
            expect(sorted(ids), printCriteria(first)).toEqual(sorted(expected));
            const count = await countConversationsMatching(db.prisma, {
              organizationId,
              criteria: first,
              now,
            });
            expect(count, printCriteria(first)).toBe(expected.length);
          },
        ),
        { numRuns: runs },
      );
    },
    60_000 + runs * 1_000,
  );

  test('storing conversation facts loses nothing (the property above relies on it)', async () => {
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
    await fc.assert(
      fc.asyncProperty(batchArbitrary, async (facts) => {
        await deleteConversationsAndTags(db.prisma, organizationId);
        await insertConversationFacts(db.prisma, organizationId, facts);
        expect(canonical(await loadConversationFacts(db.prisma, organizationId))).toEqual(canonical(facts));
      }),
      { numRuns: 20 },
    );
  });
});
