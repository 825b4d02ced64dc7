import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertConversation, setRoutingSettings } from './support/concurrency/fixtures';
import { serviceException } from './support/infobip';
import { startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('routing rules and simulate on %s', (kind) => {
  let api: TestApi;
  let vip: { id: string };
  let sales: { id: string };
  beforeAll(async () => {
    api = await startTestApi(kind);
    vip = await api.a.caller.queues.create({ name: 'VIP', isAutoAssignmentEnabled: true });
    sales = await api.a.caller.queues.create({ name: 'Sales', isAutoAssignmentEnabled: true });
  });
  afterAll(() => api.close());

  const rules = () => [
    { name: 'Urgent VIPs', queueId: vip.id, criteria: 'priority>=HIGH;tags==vip' },
    { name: 'Retired', queueId: vip.id, criteria: 'channel==SMS', enabled: false },
    { name: 'Sales leads', queueId: sales.id, criteria: 'conversation.metadata.intent==buy*' },
  ];

  test('PUT (Switchboard form) replaces the whole ordered list; GET answers it in Infobip shape, in order', async () => {
    const put = await api.a.request('PUT', '/ccaas/1/routing', { routes: rules() });
    expect(put.status).toBe(200);
    expect(put.body.routes.map((r: { name: string; priority: number }) => [r.name, r.priority])).toEqual([
      ['Urgent VIPs', 1],
      ['Retired', 2],
      ['Sales leads', 3],
    ]);
    const got = await api.a.request('GET', '/ccaas/1/routing');
    expect(got.body.pagination).toEqual({ totalItems: 3, page: 0, limit: 999, orderBy: 'order:ASC' });
    expect(got.body.routes.map((r: { name: string; order: number }) => [r.name, r.order])).toEqual([
      ['Urgent VIPs', 1],
      ['Retired', 2],
      ['Sales leads', 3],
    ]);
    // A rule written in RSQL: `criteria` as stored, `expression` its JSON equivalent.
    expect(got.body.routes[0]).toEqual({
      id: put.body.routes[0].id,
      name: 'Urgent VIPs',
      queueId: vip.id,
      queueName: 'VIP',
      order: 1,
      enabled: true,
      criteria: 'priority>=HIGH;tags==vip',
      expression: { $and: [{ $gte: { priority: 'HIGH' } }, { $eq: { tags: 'vip' } }] },
      routeOnlyDuringWorkingHours: false,
      isPrivate: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const enabledOnly = await api.a.request('GET', '/ccaas/1/routing?enabled=false');
    expect(enabledOnly.body.routes.map((r: { name: string }) => r.name)).toEqual(['Retired']);

    const reordered = await api.a.caller.routing.set({
      routes: [rules()[2], rules()[0]].flatMap((r) => (r ? [r] : [])),
    });
    expect(reordered.routes.map((r) => r.name)).toEqual(['Sales leads', 'Urgent VIPs']);
    expect(await api.db.prisma.route.count({ where: { organizationId: api.a.organization.id } })).toBe(2);
    const audit = await api.db.prisma.auditEvent.findMany({ where: { action: 'routing.replace' } });
    expect(audit).toHaveLength(2);
  });

  test('invalid criteria: 400 INVALID_CRITERIA naming routes.<index>.criteria; nothing changes', async () => {
    await api.a.caller.routing.set({ routes: rules() });
    const before = (await api.a.caller.routing.get({})).routes;
    const broken = [...rules(), { name: 'Typo', queueId: sales.id, criteria: 'agnetId==x' }];
    const res = await api.a.request('PUT', '/ccaas/1/routing', { routes: broken });
    expect(res.status).toBe(400);
    expect(serviceException(res.body).messageId).toBe('BAD_REQUEST');
    expect(serviceException(res.body).text).toMatch(/^routes\.3\.criteria: /);
    expect(serviceException(res.body).details).toMatchObject({
      field: 'routes.3.criteria',
      index: 3,
      criteria: { code: 'UNKNOWN_FIELD', offset: 0, suggestion: 'agentId' },
    });
    expect((await api.a.caller.routing.get({})).routes).toEqual(before);

    const syntax = await api.a.request('PUT', '/ccaas/1/routing', {
      routes: [{ name: 'x', queueId: sales.id, criteria: 'priority==' }],
    });
    expect(syntax.status).toBe(400);
    expect(serviceException(syntax.body).details.field).toBe('routes.0.criteria');
    expect((await api.a.caller.routing.get({})).routes).toEqual(before);
  });

  test("unknown or another tenant's queue: 404 naming routes.<index>.queueId; nothing changes", async () => {
    await api.a.caller.routing.set({ routes: rules() });
    const before = (await api.a.caller.routing.get({})).routes;
    const theirs = await api.b.caller.queues.create({ name: 'Theirs' });
    const res = await api.a.request('PUT', '/ccaas/1/routing', {
      routes: [rules()[0], { name: 'Foreign', queueId: theirs.id, criteria: 'status==OPEN' }],
    });
    expect(res.status).toBe(404);
    expect(serviceException(res.body).details).toEqual({ field: 'routes.1.queueId', index: 1 });
    expect((await api.a.caller.routing.get({})).routes).toEqual(before);
    expect((await api.b.caller.routing.get({})).routes).toEqual([]);

    const missingName = await api.a.request('PUT', '/ccaas/1/routing', {
      routes: [{ queueId: sales.id, criteria: 'status==OPEN' }],
    });
    expect(missingName.status).toBe(400);
    expect(serviceException(missingName.body).details.field).toBe('routes.0.name');
  });

  test('simulate an existing conversation: the trace says why, the agent who would get it, no writes', async () => {
    await api.a.caller.routing.set({ routes: rules() });
    const agent = await api.a.caller.agents.create({ name: 'Vi', status: 'ACTIVE' });
    await api.a.caller.queues.addAgent({ queueId: vip.id, agentId: agent.id });
    const id = await insertConversation(api.db.prisma, api.a, { priority: 'URGENT', tags: ['vip'] });
    const auditBefore = await api.db.prisma.auditEvent.count();

    const res = await api.a.request('POST', '/ccaas/1/routing/simulate', { conversationId: id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      conversationId: id,
      queueId: vip.id,
      reason: 'ROUTE_MATCHED',
      assignment: { agentId: agent.id, reason: 'ASSIGNED' },
    });
    expect(res.body.trace.map((step: { outcome: string }) => step.outcome)).toEqual([
      'MATCHED',
      'DISABLED',
      'SKIPPED_AFTER_MATCH',
    ]);
    const row = await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ queueId: null, agentId: null, version: 1 });
    expect(await api.db.prisma.auditEvent.count()).toBe(auditBefore);

    const infobip = await api.a.request('GET', `/ccaas/1/conversations/${id}/simulate-routing`);
    expect(infobip.body).toMatchObject({ id, queueId: vip.id, priority: 'URGENT' });
    expect((await api.b.request('POST', '/ccaas/1/routing/simulate', { conversationId: id })).status).toBe(
      404,
    );
  });

  test('simulate a hypothetical conversation; default queue and no-match are explained', async () => {
    await api.a.caller.routing.set({ routes: rules() });
    const lead = await api.a.client.routing.simulate.query({
      conversation: { metadata: { intent: 'buying' } },
    });
    expect(lead).toMatchObject({ conversationId: null, queueId: sales.id, reason: 'ROUTE_MATCHED' });

    const nothing = await api.a.caller.routing.simulate({ conversation: { priority: 'LOW' } });
    expect(nothing).toMatchObject({ queueId: null, reason: 'NO_MATCH', assignment: { reason: 'NO_QUEUE' } });

    await setRoutingSettings(api.db.prisma, api.a.organization.id, { defaultQueueId: sales.id });
    const fallback = await api.a.caller.routing.simulate({ conversation: { priority: 'LOW' } });
    expect(fallback).toMatchObject({ queueId: sales.id, reason: 'DEFAULT_QUEUE' });
    expect(fallback.assignment).toMatchObject({ agentId: null, reason: 'NO_MEMBERS' });
    await setRoutingSettings(api.db.prisma, api.a.organization.id, {});

    const both = await api.a.request('POST', '/ccaas/1/routing/simulate', {
      conversationId: 'x',
      conversation: {},
    });
    expect(both.status).toBe(400);
    const closed = await api.a.request('POST', '/ccaas/1/routing/simulate', {
      conversation: { status: 'CLOSED' },
    });
    expect(closed.status).toBe(409);
  });
});
