import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setRoutingSettings } from './support/concurrency/fixtures';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

// A create answers from the row its insert returned and the routing it wrote in one statement,
// without reading the conversation back: these tests hold that answer to what a read returns.
describe.each(testDatabaseKinds())('create with auto-routing on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  async function floor(name: string) {
    const tenant = await api.newTenant(name);
    const queue = await tenant.caller.queues.create({ name: 'VIP', isAutoAssignmentEnabled: true });
    const agent = await tenant.caller.agents.create({ name: 'Ann', status: 'ACTIVE', capacity: 5 });
    await tenant.caller.queues.addAgent({ queueId: queue.id, agentId: agent.id });
    await tenant.caller.routing.set({ routes: [{ name: 'VIP', queueId: queue.id, criteria: 'tags==vip' }] });
    return { tenant, queue, agent };
  }

  const readBack = (tenant: TestTenant, id: string) => tenant.request('GET', `/ccaas/1/conversations/${id}`);

  test('the answer to a create equals a read of the conversation: routed and assigned, routed nowhere, not routed', async () => {
    const { tenant, queue, agent } = await floor('Answer');
    const body = {
      topic: 'Refund',
      priority: 'HIGH',
      channel: 'EMAIL',
      tags: ['vip', 'billing', 'refund'],
      // Keys out of jsonb's order: the answer must come back as the database stores them.
      metadata: { zeta: 'last', a: 'first', customerId: '42' },
    };

    const routed = await tenant.request('POST', '/ccaas/1/conversations', body);
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({
      queueId: queue.id,
      agentId: agent.id,
      version: 2,
      tags: ['vip', 'billing', 'refund'],
    });
    expect((await readBack(tenant, routed.body.id)).body).toEqual(routed.body);

    const nowhere = await tenant.request('POST', '/ccaas/1/conversations', { ...body, tags: ['billing'] });
    expect(nowhere.body).toMatchObject({ queueId: null, agentId: null, version: 2 });
    expect((await readBack(tenant, nowhere.body.id)).body).toEqual(nowhere.body);

    await setRoutingSettings(api.db.prisma, tenant.organization.id, { autoRouteOnCreate: false });
    const plain = await tenant.request('POST', '/ccaas/1/conversations', body);
    expect(plain.body).toMatchObject({ queueId: null, agentId: null, version: 1 });
    expect((await readBack(tenant, plain.body.id)).body).toEqual(plain.body);
  });

  test('a routed create records create, route and assign in that order, and stamps the agent', async () => {
    const { tenant, queue, agent } = await floor('History');
    const created = await tenant.caller.conversations.create({ topic: 'Hi', tags: ['vip'] });

    const { events } = await tenant.caller.conversations.history({ conversationId: created.id });
    expect(events.map((event) => event.action)).toEqual([
      'conversation.create',
      'conversation.route',
      'conversation.assign',
    ]);
    const [create, route, assign] = events;
    expect(create?.after).toMatchObject({ id: created.id, queueId: null, agentId: null, version: 1 });
    expect(route?.before).toEqual(create?.after);
    const { routing, ...routedView } = (route?.after ?? {}) as Record<string, unknown>;
    expect(routedView).toEqual(created);
    expect(routing).toMatchObject({ queueId: queue.id, reason: 'ROUTE_MATCHED' });
    expect(assign?.after).toMatchObject({ agentId: agent.id, queueId: queue.id, strategy: 'round_robin' });
    expect(new Set(events.map((event) => event.actor.id))).toEqual(new Set([tenant.apiKey.id]));

    const stamped = await api.db.prisma.agent.findUniqueOrThrow({ where: { id: agent.id } });
    const row = await api.db.prisma.conversation.findUniqueOrThrow({ where: { id: created.id } });
    expect(stamped.lastAssignedAt).toEqual(row.assignedAt);
    expect(row.updatedAt).toEqual(row.assignedAt);
  });

  test('a full queue leaves the created conversation waiting in it, and only the route is recorded', async () => {
    const { tenant, queue, agent } = await floor('Full');
    await tenant.caller.agents.update({ agentId: agent.id, capacity: 1 });
    const first = await tenant.caller.conversations.create({ tags: ['vip'] });
    const second = await tenant.caller.conversations.create({ tags: ['vip'] });
    expect(first).toMatchObject({ queueId: queue.id, agentId: agent.id });
    expect(second).toMatchObject({ queueId: queue.id, agentId: null });
    const { events } = await tenant.caller.conversations.history({ conversationId: second.id });
    expect(events.map((event) => event.action)).toEqual(['conversation.create', 'conversation.route']);
    expect(events[1]?.after).toMatchObject({ routing: { assignment: { reason: 'ALL_AT_CAPACITY' } } });
  });

  // On PostgreSQL each statement of a routed create is parsed and planned once per connection and
  // then sent by name (prepared-statements.ts): planned anew, the writes cost the server more than
  // running them. (PGlite prepares every statement of a transaction by itself.)
  if (kind === 'postgresql') {
    test("a routed create's statements are prepared on the connections that ran them", async () => {
      const { tenant } = await floor('Prepared');
      for (let i = 0; i < 3; i++) {
        const created = await tenant.request('POST', '/ccaas/1/conversations', {
          topic: `p${i}`,
          tags: ['vip'],
        });
        expect(created.body).toMatchObject({ agentId: expect.any(String) });
      }
      // Four transactions at once hold the pool's four connections: each reads its own session's list.
      const lists = await Promise.all(
        Array.from({ length: 4 }, () =>
          api.db.prisma.$transaction(async (tx) => {
            await tx.$executeRaw`SELECT pg_sleep(0.1)`;
            return tx.$queryRaw<{ name: string; statement: string }[]>`
              SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'sb_%'`;
          }),
        ),
      );
      const statements = lists.flat().map((row) => row.statement);
      for (const part of [
        'INSERT INTO "Conversation"',
        'FROM "Route" r',
        'FROM "Queue" q',
        'FROM lock_queue_member_loads',
        'UPDATE "Conversation"',
        'INSERT INTO "Event"',
      ])
        expect(
          statements.some((statement) => statement.includes(part)),
          part,
        ).toBe(true);
    });
  }
});
