import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memberLoads } from '../src/services/routing/member-loads';
import { insertConversation } from './support/concurrency/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

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
      const queue = await tenant.caller.queues.create({ name: 'Shared' });
      const agent = await tenant.caller.agents.create({ name: 'Ann', status: 'ONLINE', capacity: 1 });
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
        const loads = await memberLoads(tx, organizationId, queue.id, { lock: true });
        holding();
        await tx.conversation.update({ where: { id: conversationId }, data: { agentId: agent.id } });
        await released;
        return loads;
      });
      await held;
      const waiter = api.db.prisma.$transaction((tx) =>
        memberLoads(tx, organizationId, queue.id, { lock: true }),
      );
      await someoneWaitsForMembers();
      release();

      expect((await holder).map((member) => member.openCount)).toEqual([0]);
      // Counted after the locks were granted: the slot the holder took is no longer free.
      expect((await waiter).map((member) => member.openCount)).toEqual([1]);
    });
  },
);
