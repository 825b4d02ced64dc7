import { type Database, openDatabase } from '@switchboard/db';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memberLoads } from '../src/services/routing/member-loads';
import { type ApiProcess, startApiProcess } from './support/api-process';
import { insertConversation } from './support/concurrency/fixtures';
import { expectRoutingInvariants } from './support/concurrency/invariants';
import {
  type Call,
  factsFor,
  routeAndAssignWork,
  runConcurrently,
  setUpTeam,
  type Work,
} from './support/concurrency/workload';
import { send, startTestApi, type TestApi } from './support/test-api';

// Mostly 1: two transactions that both saw an agent free would put it over capacity at once.
const capacities = [1, 1, 2, 1, 1, 2];

describe.each(testDatabaseKinds())('concurrent routing through one API process on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('routes and manual assignments racing on the same conversations keep every invariant', async () => {
    const call: Call = (method, path, body) => api.a.request(method, path, body);
    const { agents } = await setUpTeam(call, capacities);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push(await insertConversation(api.db.prisma, api.a, factsFor(i)));

    // Every conversation routed twice at once (two "clients"), half also assigned by hand.
    expect(
      await runConcurrently(
        routeAndAssignWork(
          [call, call],
          ids,
          agents.map((a) => a.id),
        ),
      ),
    ).toEqual([]);
    const conversations = await expectRoutingInvariants(api.db.prisma, api.a.organization.id, agents);
    expect(conversations.filter((c) => c.agentId !== null).length).toBeGreaterThan(0);
  });
});

const KEY = 'concurrency-bootstrap-key-0123456789abcdef';

// Row locks across processes need a server: PostgreSQL only (no tests without TEST_DATABASE_URL).
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'two API processes routing concurrently on one %s',
  () => {
    let databaseUrl: string | undefined;
    let db: Database | undefined;
    const processes: ApiProcess[] = [];

    beforeAll(async () => {
      databaseUrl = await createPostgresDatabase();
      const env = {
        DATABASE_URL: databaseUrl,
        BOOTSTRAP_API_KEY: KEY,
        RATE_LIMIT_PER_MINUTE: '1000000',
        DATABASE_POOL_SIZE: '10',
      };
      // Both start at once on an empty database: migration and bootstrap must serialise themselves.
      const started = await Promise.allSettled([startApiProcess(env), startApiProcess(env)]);
      for (const result of started) if (result.status === 'fulfilled') processes.push(result.value);
      const failure = started.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
      db = await openDatabase({ databaseUrl, poolSize: 4 });
    }, 240_000);

    afterAll(async () => {
      await Promise.all(processes.map((api) => api.stop()));
      await db?.close();
      if (databaseUrl) await dropPostgresDatabase(databaseUrl);
    }, 60_000);

    const via =
      (api: ApiProcess): Call =>
      (method, path, body) =>
        send(`${api.url}${path}`, {
          method,
          headers: {
            'x-api-key': KEY,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });

    test('~200 creates, routes and assignments split across both: no agent over capacity, no lost write', async () => {
      const prisma = (db as Database).prisma;
      const calls = processes.map(via);
      const [one] = calls;
      if (!one || calls.length !== 2) throw new Error('two API processes expected');
      const { agents, members } = await setUpTeam(one, capacities);
      const organization = await prisma.organization.findFirstOrThrow();
      const workspace = await prisma.workspace.findFirstOrThrow({ where: { isDefault: true } });
      const existing: string[] = [];
      for (let i = 0; i < 40; i++) {
        existing.push(await insertConversation(prisma, { organization, workspace }, factsFor(i)));
      }

      // 120 creates (routed and assigned inside their creating transaction), every existing
      // conversation routed by both processes at the same moment, and manual assignments racing them.
      const creates: Work[] = Array.from({ length: 120 }, (_, i) => ({
        kind: 'create',
        run: () =>
          (calls[i % 2] ?? one)('POST', '/ccaas/1/conversations', { topic: `c${i}`, ...factsFor(i) }),
      }));
      const work = [
        ...creates,
        ...routeAndAssignWork(
          calls,
          existing,
          agents.map((a) => a.id),
        ),
      ];
      expect(work).toHaveLength(220);
      const startedAt = Date.now();
      const unexpected = await runConcurrently(work);
      console.info(`${work.length} concurrent requests took ${Date.now() - startedAt} ms`);
      expect(
        unexpected,
        `errors logged:\n${processes.map((api) => loggedErrors(api.output())).join('\n')}`,
      ).toEqual([]);

      const conversations = await expectRoutingInvariants(prisma, organization.id, agents);
      expect(conversations).toHaveLength(160);
      const open = (agentId: string) => conversations.filter((c) => c.agentId === agentId).length;
      expect(agents.some((agent) => open(agent.id) === agent.capacity)).toBe(true);
      // Automatic assignment only picks members of the conversation's queue.
      for (const c of conversations.filter((row) => !existing.includes(row.id) && row.agentId)) {
        expect(members.get(c.queueId ?? '')).toContain(c.agentId);
      }
    }, 240_000);
  },
);

/** The first error-level lines (pino level ≥ 50) of a process's log, shortened, for a failure message. */
function loggedErrors(output: string): string {
  return output
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line) && line.includes('"path"'))
    .slice(0, 3)
    .map((line) => line.slice(0, 600))
    .join('\n');
}

// Two transactions at once need a server (PGlite has one connection): PostgreSQL only.
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  "a queue's member locks on %s",
  (kind) => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(kind);
    });
    afterAll(() => api.close());

    /** Resolves once some transaction waits for a row lock inside lock_queue_member_loads. */
    async function someoneWaitsForMembers(): Promise<void> {
      for (let attempt = 0; attempt < 500; attempt++) {
        const waiting = await api.db.prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS "n" FROM pg_stat_activity
          WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'
            AND "query" LIKE '%lock_queue_member_loads%'`;
        if ((waiting[0]?.n ?? 0) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the second transaction never waited for the members');
    }

    test('a transaction that waited for the members counts the assignment the holder committed', async () => {
      const tenant = api.a;
      const organizationId = tenant.organization.id;
      const queue = await tenant.caller.queues.create({ name: 'Shared', isAutoAssignmentEnabled: true });
      const agent = await tenant.caller.agents.create({ name: 'Ann', status: 'ACTIVE', capacity: 1 });
      await tenant.caller.queues.addAgent({ queueId: queue.id, agentId: agent.id });
      const conversationId = await insertConversation(api.db.prisma, tenant, { queueId: queue.id });

      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding = () => {};
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const holder = api.db.prisma.$transaction(async (tx) => {
        const loads = await memberLoads(tx, organizationId, queue.id, {
          lock: true,
          counted: ['OPEN'],
          heartbeat: { now: new Date(), lapseMinutes: 5 },
        });
        holding();
        await tx.conversation.update({ where: { id: conversationId }, data: { agentId: agent.id } });
        await released;
        return loads;
      });
      await held;
      const waiter = api.db.prisma.$transaction((tx) =>
        memberLoads(tx, organizationId, queue.id, {
          lock: true,
          counted: ['OPEN'],
          heartbeat: { now: new Date(), lapseMinutes: 5 },
        }),
      );
      await someoneWaitsForMembers();
      release();

      expect((await holder).map((member) => member.openCount)).toEqual([0]);
      // Counted after the locks were granted: the slot the holder took is no longer free.
      expect((await waiter).map((member) => member.openCount)).toEqual([1]);
    });
  },
);
