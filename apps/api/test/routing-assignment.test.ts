import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ConversationSeed,
  insertConversation,
  setRoutingSettings,
} from './support/concurrency/fixtures';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

/** The item at `index`, or a test failure naming it (instead of a non-null assertion). */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

describe.each(testDatabaseKinds())('route, assign and unassign on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  /** A fresh organization with one queue of ACTIVE agents and a catch-all route to it. */
  async function team(names: string[], options: { capacity?: number } = {}) {
    const org = await api.newTenant(`Team ${Math.random()}`);
    const queue = await org.caller.queues.create({ name: 'Team', isAutoAssignmentEnabled: true });
    const agents = [];
    for (const name of names) {
      agents.push(
        await org.caller.agents.create({ name, status: 'ACTIVE', capacity: options.capacity ?? 5 }),
      );
    }
    await org.caller.queues.setAgents({ queueId: queue.id, agentIds: agents.map((a) => a.id) });
    await org.caller.routing.set({
      routes: [{ name: 'Everything', queueId: queue.id, criteria: 'status!=CLOSED' }],
    });
    return { org, queue, agents };
  }
  const conversation = (org: TestTenant, seed: ConversationSeed = {}) =>
    insertConversation(api.db.prisma, org, seed);
  const route = (org: TestTenant, conversationId: string) =>
    org.caller.conversations.route({ conversationId });

  test('route over REST: first enabled matching rule wins, agent cleared then assigned, audited', async () => {
    const org = await api.newTenant('Rules org');
    const [vip, general] = [
      await org.caller.queues.create({ name: 'VIP', isAutoAssignmentEnabled: true }),
      await org.caller.queues.create({ name: 'General', isAutoAssignmentEnabled: true }),
    ];
    const ann = await org.caller.agents.create({ name: 'Ann', status: 'ACTIVE' });
    await org.caller.queues.addAgent({ queueId: general.id, agentId: ann.id });
    await org.caller.routing.set({
      routes: [
        { name: 'Off', queueId: vip.id, criteria: 'status==OPEN', enabled: false },
        { name: 'VIP', queueId: vip.id, criteria: 'tags==vip' },
        { name: 'Rest', queueId: general.id, criteria: 'priority>=LOW' },
      ],
    });
    const old = await org.caller.agents.create({ name: 'Previous' });
    const id = await conversation(org, { queueId: vip.id, agentId: old.id, tags: ['regular'] });

    const res = await org.request('POST', `/ccaas/1/conversations/${id}/route`);
    expect(res.status).toBe(200);
    // Infobip's ConversationResultPage: the routed conversation is the page's one member.
    expect(res.body.conversations).toHaveLength(1);
    expect(res.body.conversations[0]).toMatchObject({
      id,
      status: 'OPEN',
      priority: 'NORMAL',
      channel: 'NO_CHANNEL',
      queueId: general.id,
      agentId: ann.id,
      version: 2,
      routing: { routeId: expect.any(String), reason: 'ROUTE_MATCHED', assignment: { reason: 'ASSIGNED' } },
    });
    expect(
      res.body.conversations[0].routing.trace.map(
        (s: { name: string; outcome: string }) => `${s.name}:${s.outcome}`,
      ),
    ).toEqual(['Off:DISABLED', 'VIP:NOT_MATCHED', 'Rest:MATCHED']);
    const events = await api.db.prisma.auditEvent.findMany({
      where: { entityId: id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.action).sort()).toEqual(['conversation.assign', 'conversation.route']);
    const routed = events.find((e) => e.action === 'conversation.route');
    expect(routed?.before).toMatchObject({ agentId: old.id, queueId: vip.id });
    expect(routed?.after).toMatchObject({ agentId: ann.id, routing: { reason: 'ROUTE_MATCHED' } });
    expect((await org.caller.agents.get({ agentId: ann.id })).lastAssignedAt).not.toBeNull();
  });

  test('no match → default queue from settings, else no queue; autoAssign off leaves it unassigned', async () => {
    const { org, queue } = await team(['Solo']);
    await org.caller.routing.set({
      routes: [{ name: 'Never', queueId: queue.id, criteria: 'topic==nothing' }],
    });
    const id = await conversation(org);
    expect(await route(org, id)).toMatchObject({
      queueId: null,
      agentId: null,
      routing: { reason: 'NO_MATCH' },
    });

    await setRoutingSettings(api.db.prisma, org.organization.id, {
      defaultQueueId: queue.id,
      autoAssign: false,
    });
    const routed = await route(org, id);
    expect(routed).toMatchObject({ queueId: queue.id, agentId: null, routing: { reason: 'DEFAULT_QUEUE' } });
    expect(routed.routing.assignment.reason).toBe('AUTO_ASSIGN_OFF');
  });

  test('round_robin: least recently assigned first, newcomers before everyone', async () => {
    const { org, agents } = await team(['A', 'B', 'C']);
    const order = [];
    for (let i = 0; i < 4; i++) order.push((await route(org, await conversation(org))).agentId);
    const byId = agents.map((a) => a.id).sort();
    // Never-assigned agents go first in id order; the fourth goes to the one assigned longest ago.
    expect(order).toEqual([byId[0], byId[1], byId[2], byId[0]]);
  });

  test('least_busy: fewest open conversations wins; CLOSED ones do not count', async () => {
    const { org, agents } = await team(['Busy', 'Calm']);
    const [busy, calm] = [at(agents, 0), at(agents, 1)];
    await setRoutingSettings(api.db.prisma, org.organization.id, { strategy: 'least_busy' });
    await conversation(org, { agentId: busy.id });
    for (let i = 0; i < 3; i++) await conversation(org, { agentId: calm.id, status: 'CLOSED' });
    expect((await route(org, await conversation(org))).agentId).toBe(calm.id);
    // One open each now: the tie goes to the one assigned longest ago (Busy, never by routing).
    expect((await route(org, await conversation(org))).agentId).toBe(busy.id);
  });

  test('AWAY, INVISIBLE and full agents are skipped; when nobody is free the queue is still set', async () => {
    const { org, queue, agents } = await team(['Away', 'Off', 'Full'], { capacity: 1 });
    const [away, off, full] = [at(agents, 0), at(agents, 1), at(agents, 2)];
    await org.caller.agents.setStatus({ agentId: away.id, status: 'AWAY' });
    await org.caller.agents.setStatus({ agentId: off.id, status: 'INVISIBLE' });
    await conversation(org, { agentId: full.id, status: 'OPEN' });
    const routed = await route(org, await conversation(org));
    expect(routed).toMatchObject({ queueId: queue.id, agentId: null });
    expect(routed.routing.assignment).toMatchObject({ reason: 'ALL_AT_CAPACITY' });
  });

  test('load counts the statuses settings name: WAITING only when routing.capacityStatuses has it', async () => {
    const { org, agents } = await team(['Waiting on a customer'], { capacity: 1 });
    const agent = at(agents, 0);
    await conversation(org, { agentId: agent.id, status: 'WAITING' });
    const capacityStatuses = (value: string[]) =>
      org.caller.settings.patch({ patch: [{ op: 'replace', path: '/routing/capacityStatuses', value }] });
    await capacityStatuses(['OPEN', 'WAITING']);
    const id = await conversation(org);
    expect((await route(org, id)).routing.assignment).toMatchObject({ reason: 'ALL_AT_CAPACITY' });
    // Counting OPEN only frees the slot: the settings change drains the queue, so it is assigned.
    await capacityStatuses(['OPEN']);
    expect((await org.caller.conversations.get({ conversationId: id })).agentId).toBe(agent.id);
  });

  test('re-routing does not count the conversation against its own agent', async () => {
    const { org, agents } = await team(['Only'], { capacity: 1 });
    const id = await conversation(org);
    expect((await route(org, id)).agentId).toBe(agents[0]?.id);
    expect((await route(org, id)).agentId).toBe(agents[0]?.id);
  });

  test('CLOSED conversations refuse route, assign and unassign with 409; nothing changes', async () => {
    const { org, agents } = await team(['Z']);
    const id = await conversation(org, { status: 'CLOSED', agentId: agents[0]?.id });
    const before = await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } });
    for (const res of [
      await org.request('POST', `/ccaas/1/conversations/${id}/route`),
      await org.request('PUT', `/ccaas/1/conversations/${id}/assignee`, { agentId: agents[0]?.id }),
      await org.request('DELETE', `/ccaas/1/conversations/${id}/assignee`),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.requestError.serviceException).toMatchObject({
        messageId: 'CONFLICT',
        details: { rule: 'CLOSED_IS_TERMINAL' },
      });
      expect(res.body.requestError.serviceException.text).toMatch(/CLOSED/);
    }
    expect(await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: id } })).toBe(0);
  });

  test('manual assignment: at capacity is 409, AWAY is allowed, same agent is a no-op; unassign', async () => {
    const { org, agents } = await team(['Full', 'Away'], { capacity: 1 });
    const [full, away] = [at(agents, 0), at(agents, 1)];
    await conversation(org, { agentId: full.id });
    await org.caller.agents.setStatus({ agentId: away.id, status: 'AWAY' });
    const id = await conversation(org);

    const refused = await org.request('PUT', `/ccaas/1/conversations/${id}/assignee`, { agentId: full.id });
    expect(refused.status).toBe(409);
    expect(refused.body.requestError.serviceException.details).toMatchObject({
      rule: 'AGENT_AT_CAPACITY',
      capacity: 1,
      openCount: 1,
    });
    expect(await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      agentId: null,
      version: 1,
    });

    const assigned = await org.request('PUT', `/ccaas/1/conversations/${id}/assignee`, { agentId: away.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ id, agentId: away.id, version: 2 });
    const again = await org.client.conversations.assign.mutate({
      conversationId: id,
      agentId: away.id,
    });
    expect(again.version).toBe(2);

    const unassigned = await org.request('DELETE', `/ccaas/1/conversations/${id}/assignee`);
    expect(unassigned.body).toMatchObject({ agentId: null, version: 3 });
    const actions = await api.db.prisma.auditEvent.findMany({
      where: { entityId: id },
      orderBy: { createdAt: 'asc' },
    });
    expect(actions.map((e) => e.action)).toEqual(['conversation.assign', 'conversation.unassign']);
  });

  test('stale version → 409; unknown agent and foreign ids → 404', async () => {
    const { org, agents } = await team(['V']);
    const id = await conversation(org);
    const stale = await org.request('POST', `/ccaas/1/conversations/${id}/route`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.requestError.serviceException.details).toMatchObject({ rule: 'VERSION_MISMATCH' });

    const foreignAgent = await api.b.caller.agents.create({ name: 'Elsewhere', status: 'ACTIVE' });
    const unknown = await org.request('PUT', `/ccaas/1/conversations/${id}/assignee`, {
      agentId: foreignAgent.id,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.requestError.serviceException.details).toEqual({ field: 'agentId' });

    for (const res of [
      await api.b.request('POST', `/ccaas/1/conversations/${id}/route`),
      await api.b.request('PUT', `/ccaas/1/conversations/${id}/assignee`, { agentId: foreignAgent.id }),
      await api.b.request('DELETE', `/ccaas/1/conversations/${id}/assignee`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.requestError.serviceException.details).toEqual({ field: 'conversationId' });
    }
    expect(await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 1,
    });
    expect(agents).toHaveLength(1);
  });
});
