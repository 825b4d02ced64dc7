import { compilePredicate, parseCriteria } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { criteriaPools, sampleFacts } from '../../core/src/criteria/testing';
import { openDatabase } from '../src/client';
import {
  type ConversationPageQuery,
  countConversationsMatching,
  explainConversationQuery,
  findConversationIdsMatching,
} from '../src/criteria';
import {
  insertConversationFacts,
  insertOrganization,
  insertReferencedRows,
} from '../src/criteria/testing/seed';
import { Prisma } from '../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../src/testing';

/** The query module: order, ties, paging, cursors, counts, extra filters, and index use at a few thousand rows. */
const organizationId = 'org-query';
const explainOrganizationId = 'org-explain';

// Twelve conversations; createdAt repeats so ties must be broken by id, updatedAt runs the other way.
const facts = Array.from({ length: 12 }, (_, i) => ({
  ...sampleFacts[i % sampleFacts.length],
  id: `q${String(i).padStart(2, '0')}`,
  createdAt: new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 3))),
  updatedAt: new Date(Date.UTC(2024, 6, 30 - i)),
})) as typeof sampleFacts;

const byKey = (key: 'createdAt' | 'updatedAt', direction: 'asc' | 'desc') => {
  const sign = direction === 'asc' ? 1 : -1;
  return [...facts]
    .sort((a, b) => sign * (a[key].getTime() - b[key].getTime() || (a.id < b.id ? -1 : 1)))
    .map((fact) => fact.id);
};

/** A few thousand conversations with rare and common values, so the planner has a real choice. */
async function seedForExplain(db: TestDatabase, count: number) {
  const org = explainOrganizationId;
  await db.prisma.$executeRaw`
    INSERT INTO "Conversation" ("id", "organizationId", "workspaceId", "topic", "status", "priority", "channel",
      "metadata", "createdAt", "updatedAt")
    SELECT 'x' || i, ${org}, 'ws1', 'topic ' || i,
      (CASE WHEN i % 100 = 0 THEN 'WAITING' WHEN i % 3 = 0 THEN 'OPEN' ELSE 'CLOSED' END)::"ConversationStatus",
      (CASE WHEN i % 100 = 0 THEN 'LOW' WHEN i % 5 = 0 THEN 'HIGH' ELSE 'NORMAL' END)::"Priority",
      (ARRAY['EMAIL', 'SMS', 'WHATSAPP'])[1 + i % 3],
      jsonb_build_object('customerId', (i % 5000)::text, 'type', CASE WHEN i % 7 = 0 THEN 'Internal' ELSE 'External' END),
      timestamp '2024-01-01' + i * interval '17 minutes', timestamp '2024-01-01' + i * interval '17 minutes'
    FROM generate_series(1, ${count}::int) AS i`;
  await db.prisma.$executeRaw`
    INSERT INTO "Tag" ("id", "organizationId", "name") VALUES ('tag-common', ${org}, 'common'), ('tag-rare', ${org}, 'rare')`;
  await db.prisma.$executeRaw`
    INSERT INTO "ConversationTag" ("conversationId", "tagId", "organizationId", "conversationCreatedAt")
    SELECT 'x' || i, CASE WHEN i % 1000 = 0 THEN 'tag-rare' ELSE 'tag-common' END, ${org},
      timestamp '2024-01-01' + i * interval '17 minutes'
    FROM generate_series(1, ${count}::int) AS i WHERE i % 3 = 0 OR i % 1000 = 0`;
  await db.prisma.$executeRaw`
    INSERT INTO "Message" ("id", "organizationId", "conversationId", "from", "text", "content")
    SELECT 'm' || i, ${org}, 'x' || i, 'seed', 'text', '{"text":"text"}'::jsonb FROM generate_series(1, ${count}::int) AS i WHERE i % 4 = 0 OR i % 1000 = 7`;
  await db.prisma.$executeRaw`
    INSERT INTO "Detection" ("id", "organizationId", "conversationId", "messageId", "kind", "refId", "name", "value", "start", "end")
    SELECT 'd' || i, ${org}, 'x' || i, 'm' || i, 'TRACKER', 'seed', CASE WHEN i % 1000 = 7 THEN 'rare tracker' ELSE 'pricing' END,
      'v', 0, 0
    FROM generate_series(1, ${count}::int) AS i WHERE i % 4 = 0 OR i % 1000 = 7`;
  // VACUUM also empties the GIN index's pending list, which a bulk insert fills (see the report).
  await db.prisma.$executeRaw`VACUUM ANALYZE`;
}

const explainCases: [criteria: string, index: RegExp][] = [
  ['metadata.customerId==1234', /Conversation_metadata_idx/],
  ['metadata.customerId=in=(1234,99)', /BitmapOr[\s\S]*Conversation_metadata_idx/],
  ['tags==rare', /ConversationTag_tagId_conversationCreatedAt_conversationId_idx/],
  ['trackers=="rare tracker"', /Detection_organizationId_kind_name_conversationId_idx/],
  ['status==WAITING;priority==LOW', /Conversation_organizationId_status_priority_createdAt_idx/],
  [
    'createdAt>=2024-02-01T00:00:00Z;createdAt<2024-02-02T00:00:00Z',
    /Conversation_organizationId_createdAt_id_idx/,
  ],
];

const freeParallelism = [
  'parallel_setup_cost',
  'parallel_tuple_cost',
  'min_parallel_table_scan_size',
  'min_parallel_index_scan_size',
];

/**
 * Runs `work` on a new client of the database with parallel plans costed as free. The pool does
 * not promise which connection a statement gets, so the settings go on the database, where a new
 * connection picks them up; they are reset afterwards.
 */
async function withFreeParallelism(
  db: TestDatabase,
  work: (prisma: TestDatabase['prisma']) => Promise<void>,
) {
  const name = new URL(db.url ?? '').pathname.slice(1);
  const alter = async (clause: (setting: string) => string) => {
    for (const setting of freeParallelism)
      await db.prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" ${clause(setting)}`);
  };
  await alter((setting) => `SET ${setting} = 0`);
  const eager = await openDatabase({ databaseUrl: db.url ?? '', poolSize: 1 });
  try {
    await work(eager.prisma);
  } finally {
    await eager.close();
    await alter((setting) => `RESET ${setting}`);
  }
}

describe.each(testDatabaseKinds())('conversation queries on %s', (kind) => {
  let db: TestDatabase;
  const page = (query: Partial<ConversationPageQuery>) =>
    findConversationIdsMatching(db.prisma, {
      organizationId,
      orderBy: 'createdAt',
      direction: 'desc',
      limit: 100,
      ...query,
    });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await insertOrganization(db.prisma, organizationId);
    await insertOrganization(db.prisma, explainOrganizationId);
    await insertReferencedRows(db.prisma, organizationId, criteriaPools);
    await insertConversationFacts(db.prisma, organizationId, facts);
    await seedForExplain(db, 6000);
  });
  afterAll(() => db?.dispose());

  test.each([
    ['createdAt', 'desc'],
    ['createdAt', 'asc'],
    ['updatedAt', 'desc'],
    ['updatedAt', 'asc'],
  ] as const)('orders by %s %s, ties broken by id', async (orderBy, direction) => {
    expect(await page({ orderBy, direction })).toEqual(byKey(orderBy, direction));
  });

  test('limit and offset page through the same order', async () => {
    const all = byKey('createdAt', 'desc');
    expect(await page({ limit: 5 })).toEqual(all.slice(0, 5));
    expect(await page({ limit: 5, offset: 5 })).toEqual(all.slice(5, 10));
    expect(await page({ limit: 5, offset: 10 })).toEqual(all.slice(10));
    expect(await page({ limit: 0 })).toEqual([]);
  });

  test.each(['asc', 'desc'] as const)(
    'a cursor continues after the last row (%s), ties included',
    async (direction) => {
      const all = byKey('createdAt', direction);
      const seen: string[] = [];
      let cursor: ConversationPageQuery['cursor'];
      for (;;) {
        const ids = await page({ direction, limit: 4, cursor });
        if (ids.length === 0) break;
        seen.push(...ids);
        const last = facts.find((fact) => fact.id === ids[ids.length - 1]);
        cursor = last && { id: last.id, at: last.createdAt };
      }
      expect(seen).toEqual(all);
    },
  );

  test('criteria and extra filters are ANDed; the count agrees with the list', async () => {
    const criteria = parseCriteria('tags=in=(vip,billing),priority>=HIGH');
    const extraFilters = [Prisma.sql`c."status" <> 'CLOSED'`];
    const ids = await page({ criteria, extraFilters });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(facts.length);
    expect(await countConversationsMatching(db.prisma, { organizationId, criteria, extraFilters })).toBe(
      ids.length,
    );
    expect(await countConversationsMatching(db.prisma, { organizationId })).toBe(facts.length);
  });

  // `tags==billing` pages come off the tag link's index (tag-driver.ts), alone, with more criteria,
  // and as a branch of a UNION; `status==OPEN` off Conversation's.
  test.each(
    [
      'tags==vip*,priority==URGENT',
      'status==OPEN',
      'tags==billing',
      'tags==billing;id!=q05',
      'tags==billing,id==q00',
    ].flatMap((text) => [
      [text, 'desc'],
      [text, 'asc'],
    ]) as [string, 'asc' | 'desc'][],
  )('%s (%s): offset and cursor pages add up to the ordered matches', async (text, direction) => {
    const criteria = parseCriteria(text);
    const matching = facts.filter(compilePredicate(criteria)).map((fact) => fact.id);
    const expected = byKey('createdAt', direction).filter((id) => matching.includes(id));
    expect(expected.length).toBeGreaterThan(2);
    const byOffset: string[] = [];
    for (let offset = 0; offset < facts.length; offset += 2) {
      byOffset.push(...(await page({ criteria, direction, limit: 2, offset })));
    }
    expect(byOffset).toEqual(expected);
    const byCursor: string[] = [];
    let cursor: ConversationPageQuery['cursor'];
    for (
      let ids = await page({ criteria, direction, limit: 2 });
      ids.length > 0;
      ids = await page({ criteria, direction, limit: 2, cursor })
    ) {
      byCursor.push(...ids);
      const last = facts.find((fact) => fact.id === ids[ids.length - 1]);
      cursor = last && { id: last.id, at: last.createdAt };
    }
    expect(byCursor).toEqual(expected);
    expect(await countConversationsMatching(db.prisma, { organizationId, criteria })).toBe(expected.length);
  });

  test("a page inside the caller's transaction is the same page", async () => {
    const criteria = parseCriteria('tags==vip*,priority==URGENT');
    const inTransaction = await db.prisma.$transaction((tx) =>
      findConversationIdsMatching(tx, {
        organizationId,
        criteria,
        orderBy: 'createdAt',
        direction: 'desc',
        limit: 5,
      }),
    );
    expect(inTransaction).toEqual(await page({ criteria, limit: 5 }));
  });

  // createdAt repeats in threes and updatedAt runs the other way, so a second key reorders each three.
  test.each(['tags==billing,id==q00', 'status==OPEN'])(
    '%s: more sort keys (thenBy) order ties, in one query and as a UNION of branches',
    async (text) => {
      const criteria = parseCriteria(text);
      const matching = facts.filter(compilePredicate(criteria));
      for (const direction of ['asc', 'desc'] as const) {
        const sign = direction === 'asc' ? 1 : -1;
        const expected = [...matching]
          .sort(
            (a, b) =>
              sign *
              (a.createdAt.getTime() - b.createdAt.getTime() ||
                a.updatedAt.getTime() - b.updatedAt.getTime()),
          )
          .map((fact) => fact.id);
        expect(await page({ criteria, direction, thenBy: ['updatedAt'] })).toEqual(expected);
        expect(await page({ criteria, direction, thenBy: ['updatedAt'], limit: 2, offset: 1 })).toEqual(
          expected.slice(1, 3),
        );
      }
    },
  );

  test('a cursor continues createdAt or updatedAt pages only', async () => {
    const cursor = { id: 'q00', at: new Date() };
    await expect(page({ orderBy: 'name', cursor })).rejects.toThrow(RangeError);
    await expect(page({ thenBy: ['name'], cursor })).rejects.toThrow(RangeError);
    expect(await page({ orderBy: 'name', limit: 3 })).toHaveLength(3);
    expect(await page({ orderBy: 'endTime', limit: 3 })).toHaveLength(3);
  });

  test('refuses a negative or fractional limit', async () => {
    await expect(page({ limit: -1 })).rejects.toThrow(RangeError);
    await expect(page({ limit: 1.5 })).rejects.toThrow(RangeError);
  });

  test.each(explainCases)('EXPLAIN %s uses %s', async (criteria, index) => {
    const filter = { organizationId: explainOrganizationId, criteria: parseCriteria(criteria) };
    const pagePlan = await explainConversationQuery(db.prisma, {
      ...filter,
      orderBy: 'createdAt',
      direction: 'desc',
      limit: 50,
    });
    const countPlan = await explainConversationQuery(db.prisma, filter);
    for (const plan of [pagePlan, countPlan]) {
      expect(plan).toMatch(index);
      expect(plan).not.toMatch(/Seq Scan on "Conversation"/);
    }
  });

  test('a tag alone: the page is read in order off the link index, the count from the links alone', async () => {
    const filter = { organizationId: explainOrganizationId, criteria: parseCriteria('tags==common') };
    const pagePlan = await explainConversationQuery(db.prisma, {
      ...filter,
      orderBy: 'createdAt',
      direction: 'desc',
      limit: 50,
    });
    expect(pagePlan).toMatch(
      /Index Only Scan using "ConversationTag_tagId_conversationCreatedAt_conversationId_idx"/,
    );
    expect(pagePlan).not.toMatch(/Sort|Conversation_organizationId_createdAt_id_idx/);
    const countPlan = await explainConversationQuery(db.prisma, filter);
    expect(countPlan).not.toMatch(/on "Conversation"/);
  });

  test('EXPLAIN ANALYZE runs the query and reports timings', async () => {
    const plan = await explainConversationQuery(
      db.prisma,
      { organizationId: explainOrganizationId, criteria: parseCriteria('tags==rare') },
      { analyze: true },
    );
    expect(plan).toMatch(/actual time=/);
  });
});

// PGlite never plans parallel workers; on PostgreSQL the planner would, and the page must not
// get them. Parallel workers cost more to start than a page saves (see conversation-query.ts).
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))('parallel plans on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await insertOrganization(db.prisma, organizationId);
    await insertOrganization(db.prisma, explainOrganizationId);
    await insertReferencedRows(db.prisma, organizationId, criteriaPools);
    await seedForExplain(db, 6000);
  });
  afterAll(() => db?.dispose());

  test('with parallelism made free, the count goes parallel and the page query does not', async () => {
    await withFreeParallelism(db, async (prisma) => {
      const filter = { organizationId: explainOrganizationId, criteria: parseCriteria('tags==common') };
      expect(await explainConversationQuery(prisma, filter)).toMatch(/Gather/);
      const query = { ...filter, orderBy: 'createdAt', direction: 'desc', limit: 50 } as const;
      expect(await explainConversationQuery(prisma, query)).not.toMatch(/Gather|Parallel/);
      expect(await findConversationIdsMatching(prisma, query)).toEqual(
        await findConversationIdsMatching(db.prisma, query),
      );
    });
  });
});
