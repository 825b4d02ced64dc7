import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

describe.each(testDatabaseKinds())('conversation history and auto-routing on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const setRouting = (tenant: TestTenant, routing: { autoRouteOnCreate: boolean }) =>
    api.db.prisma.settings.update({
      where: { organizationId: tenant.organization.id },
      data: { document: { routing } },
    });

  test('history lists every change with actor, before and after, newest last', async () => {
    const tenant = await api.newTenant('History');
    await setRouting(tenant, { autoRouteOnCreate: false });
    const created = await tenant.caller.conversations.create({ topic: 'First' });
    await tenant.request('PATCH', `/ccaas/1/conversations/${created.id}`, { priority: 'HIGH' });
    await tenant.request('POST', `/ccaas/1/conversations/${created.id}/tags`, { tagName: 'vip' });
    await tenant.request('PUT', `/ccaas/1/conversations/${created.id}/metadata`, { customerId: '42' });
    await tenant.request('POST', `/ccaas/1/conversations/${created.id}/messages`, { from: 'c', text: 'hi' });
    await tenant.caller.conversations.setStatus({ conversationId: created.id, status: 'CLOSED' });

    const res = await tenant.request('GET', `/ccaas/1/conversations/${created.id}/history`);
    expect(res.status).toBe(200);
    const events = res.body.events;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'conversation.create',
      'conversation.patch',
      'conversation.tag.add',
      'conversation.metadata.replace',
      'conversation.message.add',
      'conversation.status',
    ]);
    expect(events[0]).toMatchObject({
      actor: { type: 'API_KEY', id: tenant.apiKey.id },
      before: null,
      after: { id: created.id, topic: 'First', status: 'OPEN' },
    });
    expect(events[1]).toMatchObject({ before: { priority: 'NORMAL' }, after: { priority: 'HIGH' } });
    expect(events[2].after.tags).toEqual(['vip']);
    expect(events[3].after.metadata).toEqual({ customerId: '42' });
    expect(events[4].after).toMatchObject({ from: 'c', text: 'hi', direction: 'OUTBOUND' }); // Infobip's create is outbound
    expect(events[5]).toMatchObject({ before: { status: 'OPEN' }, after: { status: 'CLOSED' } });
    expect(res.body.nextCursor).toBeNull();
  });

  test('events written in one transaction keep their write order; order=desc gives newest first', async () => {
    const tenant = await api.newTenant('Same millisecond');
    const queue = await tenant.caller.queues.create({ name: 'Only', isAutoAssignmentEnabled: true });
    await tenant.caller.routing.set({
      routes: [{ name: 'All', queueId: queue.id, criteria: 'status==OPEN' }],
    });
    const agent = await tenant.caller.agents.create({ name: 'Ann', status: 'ACTIVE', capacity: 5 });
    await tenant.caller.queues.addAgent({ queueId: queue.id, agentId: agent.id });
    // create + auto-route + assign are written in one transaction, usually within one millisecond.
    const created = await tenant.caller.conversations.create({ topic: 'Routed on create' });
    const oldestFirst = await tenant.caller.conversations.history({ conversationId: created.id });
    expect(oldestFirst.events.map((e) => e.action)).toEqual([
      'conversation.create',
      'conversation.route',
      'conversation.assign',
    ]);
    const newestFirst = await tenant.caller.conversations.history({
      conversationId: created.id,
      order: 'desc',
    });
    expect(newestFirst.events.map((e) => e.action)).toEqual([
      'conversation.assign',
      'conversation.route',
      'conversation.create',
    ]);
  });

  test('history pages with a cursor; another tenant gets 404', async () => {
    const created = await api.a.caller.conversations.create({ topic: 'paged' });
    for (const topic of ['b', 'c', 'd']) {
      await api.a.caller.conversations.patch({ conversationId: created.id, topic });
    }
    const first = await api.a.caller.conversations.history({ conversationId: created.id, limit: 2 });
    expect(first.events).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const rest = await api.a.caller.conversations.history({
      conversationId: created.id,
      limit: 100,
      cursor: first.nextCursor ?? undefined,
    });
    const all = [...first.events, ...rest.events];
    expect(
      all.filter((e) => e.action === 'conversation.patch').map((e) => (e.after as { topic: string }).topic),
    ).toEqual(['b', 'c', 'd']);
    const other = await api.b.request('GET', `/ccaas/1/conversations/${created.id}/history`);
    expect(other.status).toBe(404);
  });

  test('refused changes leave no audit event', async () => {
    const created = await api.a.caller.conversations.create({ topic: 'x', status: 'CLOSED' });
    const count = () => api.db.prisma.auditEvent.count({ where: { entityId: created.id } });
    const before = await count();
    await api.a.request('PATCH', `/ccaas/1/conversations/${created.id}`, { topic: 'y' });
    await api.a.request('PATCH', `/ccaas/1/conversations/${created.id}`, { topic: 'y', version: 99 });
    expect(await count()).toBe(before);
  });

  test('create routes automatically when settings say so and no queue was given', async () => {
    const tenant = await api.newTenant('Routing');
    const orgId = tenant.organization.id;
    const queue = await api.db.prisma.queue.create({ data: { organizationId: orgId, name: 'Urgent' } });
    await api.db.prisma.route.create({
      data: {
        organizationId: orgId,
        name: 'urgent',
        queueId: queue.id,
        priority: 1,
        criteria: 'priority==URGENT',
      },
    });

    const routed = await tenant.caller.conversations.create({ priority: 'URGENT' });
    expect(routed.queueId).toBe(queue.id);
    const actions = await api.db.prisma.auditEvent.findMany({
      where: { entityId: routed.id },
      orderBy: { createdAt: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toContain('conversation.route');

    const other = await tenant.caller.conversations.create({ priority: 'LOW' });
    expect(other.queueId).toBeNull();

    const explicit = await api.db.prisma.queue.create({ data: { organizationId: orgId, name: 'Manual' } });
    const placed = await tenant.caller.conversations.create({ priority: 'URGENT', queueId: explicit.id });
    expect(placed.queueId).toBe(explicit.id);

    await setRouting(tenant, { autoRouteOnCreate: false });
    const unrouted = await tenant.caller.conversations.create({ priority: 'URGENT' });
    expect(unrouted.queueId).toBeNull();
  });
});
