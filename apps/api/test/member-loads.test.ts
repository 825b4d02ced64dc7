import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memberLoads, openConversationCounts } from '../src/services/routing/member-loads';
import { startTestApi, type TestApi } from './support/test-api';

// Routing counts each queue member's load on every assignment. Agents keep their closed
// conversations for ever: the count must read the index entries of the counted statuses only,
// never the agent's whole history (index entries read are taken from the transaction's own
// statistics, which PostgreSQL and PGlite both keep).
describe.each(testDatabaseKinds())('member loads on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('a load reads the counted conversations of each member, not its closed history', async () => {
    const tenant = await api.newTenant('history');
    const queue = await tenant.caller.queues.create({ name: 'Support', isAutoAssignmentEnabled: true });
    const agent = await tenant.caller.agents.create({ name: 'Ann', status: 'ACTIVE', capacity: 10 });
    await tenant.caller.queues.addAgent({ queueId: queue.id, agentId: agent.id });
    const rows = (status: 'OPEN' | 'CLOSED', count: number) =>
      Array.from({ length: count }, () => ({
        organizationId: tenant.organization.id,
        workspaceId: tenant.workspace.id,
        agentId: agent.id,
        status,
      }));
    await api.db.prisma.conversation.createMany({ data: [...rows('CLOSED', 300), ...rows('OPEN', 3)] });
    const { organization } = tenant;
    const heartbeat = { now: new Date(), lapseMinutes: 5 };

    const read = await api.db.prisma.$transaction(async (tx) => {
      const entriesRead = async () => {
        const [row] = await tx.$queryRaw<{ read: bigint }[]>`
          SELECT pg_stat_get_xact_tuples_returned('"Conversation_organizationId_agentId_status_idx"'::regclass) AS "read"`;
        return Number(row?.read ?? 0);
      };
      const loads: [string, number, number][] = [];
      for (const lock of [true, false]) {
        const before = await entriesRead();
        const [member] = await memberLoads(tx, organization.id, queue.id, {
          lock,
          counted: ['OPEN'],
          heartbeat,
        });
        loads.push([`memberLoads lock=${lock}`, member?.openCount ?? -1, (await entriesRead()) - before]);
      }
      const before = await entriesRead();
      const counts = await openConversationCounts(tx, organization.id, [agent.id], ['OPEN']);
      loads.push(['openConversationCounts', counts.get(agent.id) ?? -1, (await entriesRead()) - before]);
      return loads;
    });
    for (const [what, open, entries] of read) {
      expect(open, what).toBe(3);
      expect(entries, what).toBeLessThan(20);
    }
  });
});
