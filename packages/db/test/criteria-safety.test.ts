import { type ConversationFacts, type CriteriaAst, compilePredicate, parseCriteria } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { criteriaPools, sampleFacts } from '../../core/src/criteria/testing';
import {
  compileCriteriaToSql,
  countConversationsMatching,
  findConversationIdsMatching,
} from '../src/criteria';
import {
  insertConversationFacts,
  insertOrganization,
  insertReferencedRows,
} from '../src/criteria/testing/seed';
import { Prisma } from '../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../src/testing';

/** Tenancy (another organization's rows never match) and hostile values (always literals). */
const ours = 'org-ours';
const theirs = 'org-theirs';

const [first] = sampleFacts as [ConversationFacts];
const hostile = [
  `'; DROP TABLE "Conversation"; --`,
  `" OR 1=1 --`,
  `\\'; SELECT pg_sleep(10); --`,
  '%',
  '_',
  '\\',
  '\\%',
  '$1',
  '?',
  `x') OR ('1'='1`,
];
const ourFacts: ConversationFacts[] = hostile.map((text, i) => ({
  ...first,
  id: `h${i}`,
  topic: text,
  summary: `${text}${text}`,
  metadata: { [text]: text, note: text },
  tags: [text],
  trackers: [text],
  entities: [text],
}));
const theirFacts: ConversationFacts[] = [...sampleFacts, ...ourFacts].map((fact) => ({
  ...fact,
  id: `t-${fact.id}`,
}));

async function ids(db: TestDatabase, organizationId: string, criteria: CriteriaAst): Promise<string[]> {
  const found = await findConversationIdsMatching(db.prisma, {
    organizationId,
    criteria,
    orderBy: 'createdAt',
    direction: 'asc',
    limit: 1000,
  });
  return found.sort();
}

const quote = (value: string) => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;
const hostileCriteria = hostile.flatMap((text) => [
  `topic==${quote(text)}`,
  `topic==${quote(`*${text}*`)}`,
  `summary!=${quote(`${text}*`)}`,
  `tags==${quote(text)}`,
  `tags=in=(${quote(text)},vip)`,
  `trackers==${quote(`*${text}`)}`,
  `entities=out=(${quote(text)})`,
  `metadata.note==${quote(text)}`,
  `metadata.note==${quote(`${text}*`)}`,
]);

describe.each(testDatabaseKinds())('criteria safety on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await insertOrganization(db.prisma, ours);
    await insertOrganization(db.prisma, theirs);
    await insertReferencedRows(db.prisma, ours, criteriaPools);
    await insertConversationFacts(db.prisma, ours, [...sampleFacts, ...ourFacts]);
    await insertConversationFacts(db.prisma, theirs, theirFacts);
    // Their tag "secret", which the database will not let our conversations carry (test below),
    // and a row that breaks the tenant boundary on purpose: our conversation c4 carrying their
    // detection. Criteria in our organization must not see either.
    await db.prisma
      .$executeRaw`INSERT INTO "Tag" ("id", "organizationId", "name") VALUES ('their-secret', ${theirs}, 'secret')`;
    await db.prisma.$executeRaw`
      INSERT INTO "Message" ("id", "organizationId", "conversationId", "from", "text", "content")
        VALUES ('their-m', ${theirs}, 'c4', 'x', 'y', '{"text":"y"}'::jsonb)`;
    await db.prisma.$executeRaw`
      INSERT INTO "Detection" ("id", "organizationId", "conversationId", "messageId", "kind", "refId", "name", "value", "start", "end")
      VALUES ('their-d', ${theirs}, 'c4', 'their-m', 'TRACKER', 'x', 'secret', 'v', 0, 0)`;
  });
  afterAll(() => db?.dispose());

  test.each([
    'id==*',
    'id!=nothing',
    'tags==*',
    'tags!=nothing',
    'topic!=nothing',
    'metadata.agentId!=nobody',
    'status=out=(WAITING)',
    'priority>=LOW',
    'createdAt>=0001-01-01T00:00:00Z',
  ])('%s selects only our conversations', async (criteria) => {
    const ast = parseCriteria(criteria);
    const expected = [...sampleFacts, ...ourFacts].filter(compilePredicate(ast)).map((fact) => fact.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids(db, ours, ast)).toEqual(expected.sort());
    expect(await countConversationsMatching(db.prisma, { organizationId: ours, criteria: ast })).toBe(
      expected.length,
    );
  });

  test.each(['tags==secret', 'tags==secr*', 'tags=in=(secret)', 'trackers==secret', 'trackers==*cret'])(
    '%s: links to another organization’s tags or detections do not count',
    async (criteria) => {
      const ast = parseCriteria(criteria);
      expect(await ids(db, ours, ast)).toEqual([]);
      // Compiled without resolved tag ids (the join form), the answer is the same.
      const rows = await db.prisma.$queryRaw<{ id: string }[]>`
        SELECT c."id" FROM "Conversation" c WHERE c."organizationId" = ${ours} AND ${compileCriteriaToSql(ast)}`;
      expect(rows).toEqual([]);
    },
  );

  // Tag criteria read the link's organization and createdAt as the conversation's (tag-driver.ts):
  // composite foreign keys are what make that true.
  test.each([
    ['their tag under their organization', 'their-secret', theirs, 0],
    ['their tag under our organization', 'their-secret', ours, 0],
    ['our tag with a createdAt that is not the conversation’s', 'our-tag', ours, 1],
  ])('the database refuses a link of our conversation to %s', async (_, tagId, organizationId, shiftMs) => {
    await db.prisma
      .$executeRaw`INSERT INTO "Tag" ("id", "organizationId", "name") VALUES ('our-tag', ${ours}, 'ours')
      ON CONFLICT DO NOTHING`;
    await expect(
      db.prisma.$executeRaw`
        INSERT INTO "ConversationTag" ("conversationId", "tagId", "organizationId", "conversationCreatedAt")
        SELECT c."id", ${tagId}, ${organizationId}, c."createdAt" + ${shiftMs} * interval '1 millisecond'
        FROM "Conversation" c WHERE c."id" = 'c4'`,
    ).rejects.toThrow(/foreign key/i);
  });

  test('an unknown organization sees nothing', async () => {
    expect(await ids(db, 'no-such-org', parseCriteria('id==*'))).toEqual([]);
    expect(await ids(db, `${ours}' OR '1'='1`, parseCriteria('id==*'))).toEqual([]);
  });

  test.each(hostileCriteria)('%s is a literal', async (criteria) => {
    const ast = parseCriteria(criteria);
    const expected = [...sampleFacts, ...ourFacts].filter(compilePredicate(ast)).map((fact) => fact.id);
    expect(await ids(db, ours, ast)).toEqual(expected.sort());
  });

  test.each(hostile)('metadata key %s is a literal too (hand-built AST)', async (key) => {
    const ast: CriteriaAst = { type: 'comparison', field: `metadata.${key}`, operator: '==', values: [key] };
    const wildcard: CriteriaAst = { ...ast, values: [`${key}*`] };
    const expected = ourFacts.filter((fact) => fact.metadata[key] === key).map((fact) => fact.id);
    expect(expected).toHaveLength(1);
    expect(await ids(db, ours, ast)).toEqual(expected);
    expect(await ids(db, ours, wildcard)).toEqual(expected);
  });

  test('the tables are all still there', async () => {
    const [row] = await db.prisma.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*) AS "count" FROM "Conversation"`;
    expect(Number(row?.count)).toBe(sampleFacts.length * 2 + ourFacts.length * 2);
  });

  test('a value PostgreSQL cannot hold is refused, not sent', () => {
    const nul: CriteriaAst = { type: 'comparison', field: 'topic', operator: '==', values: ['a\0b'] };
    const surrogate: CriteriaAst = { type: 'comparison', field: 'tags', operator: '==', values: ['\uD800*'] };
    expect(() => compileCriteriaToSql(nul)).toThrow(/cannot hold/);
    expect(() => compileCriteriaToSql(surrogate)).toThrow(/cannot hold/);
  });

  test('an operator a field does not take is refused', () => {
    const ast: CriteriaAst = { type: 'comparison', field: 'topic', operator: '<', values: ['a'] };
    expect(() => compileCriteriaToSql(ast)).toThrow(/Cannot compile topic</);
    expect(() => compileCriteriaToSql({ ...ast, field: 'nope', operator: '==' })).toThrow(/Unknown field/);
  });

  test('extra filters are SQL fragments with their own parameters', async () => {
    const extraFilters = [Prisma.sql`c."topic" = ${hostile[0]}`];
    const found = await findConversationIdsMatching(db.prisma, {
      organizationId: ours,
      extraFilters,
      orderBy: 'createdAt',
      direction: 'asc',
      limit: 10,
    });
    expect(found).toEqual(['h0']);
  });
});
