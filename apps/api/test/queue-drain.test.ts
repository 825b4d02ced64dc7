import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimRun } from '../src/jobs/claim-run';
import { queueDrainSweep } from '../src/jobs/queue-drain-sweep';
import { createLogger } from '../src/logger';
import { type ConversationSeed, insertConversation } from './support/concurrency/fixtures';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

describe.each(testDatabaseKinds())('queue drain on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  /** A fresh organization with one queue and ONLINE agents of the given capacities in it. */
  async function team(capacities: number[]) {
    const org = await api.newTenant(`Drain ${Math.random()}`);
    const queue = await org.caller.queues.create({ name: 'Team', isAutoAssignmentEnabled: true });
    const agents = [];
    for (const [i, capacity] of capacities.entries()) {
      agents.push(await org.caller.agents.create({ name: `Agent ${i}`, status: 'ONLINE', capacity }));
    }
    await org.caller.queues.setAgents({ queueId: queue.id, agentIds: agents.map((a) => a.id) });
    return { org, queue, agents };
  }
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  /** A conversation waiting in the queue (no agent), created `minutes` ago. */
  async function waiting(org: TestTenant, queueId: string, seed: ConversationSeed & { minutes: number }) {
    const { minutes, ...rest } = seed;
    const id = await insertConversation(api.db.prisma, org, { queueId, ...rest });
    await api.db.prisma.conversation.update({ where: { id }, data: { createdAt: minutesAgo(minutes) } });
    return id;
  }
  const agentOf = async (id: string) =>
    (await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } })).agentId;

  test('closing a conversation assigns the most urgent, oldest waiting one in the same request, audited and evented by Switchboard', async () => {
    const { org, queue, agents } = await team([1]);
    const agentId = agents[0]?.id ?? '';
    const busy = await insertConversation(api.db.prisma, org, { queueId: queue.id, agentId });
    const oldNormal = await waiting(org, queue.id, { minutes: 90, priority: 'NORMAL' });
    const newUrgent = await waiting(org, queue.id, { minutes: 5, priority: 'URGENT' });
    const oldUrgent = await waiting(org, queue.id, { minutes: 30, priority: 'URGENT' });

    const res = await org.request('PATCH', `/ccaas/1/conversations/${busy}`, { status: 'CLOSED' });
    expect(res.status).toBe(200);
    expect(await agentOf(oldUrgent)).toBe(agentId);
    expect(await agentOf(newUrgent)).toBeNull();
    expect(await agentOf(oldNormal)).toBeNull();

    const [event] = await api.db.prisma.event.findMany({
      where: {
        organizationId: org.organization.id,
        conversationId: oldUrgent,
        type: 'conversation.assigned',
      },
    });
    expect(event?.actorType).toBe('SYSTEM');
    expect(event?.actorId).toBe('switchboard');
    const audit = await api.db.prisma.auditEvent.findFirst({
      where: { entityId: oldUrgent, action: 'conversation.assign' },
    });
    expect(audit).toMatchObject({ actorType: 'SYSTEM', actorId: 'switchboard' });
    expect(audit?.after).toMatchObject({ agentId, version: 2 });
  });

  test('a change sent with an Idempotency-Key drains once its transaction committed; its replay drains nothing again', async () => {
    const { org, queue, agents } = await team([1]);
    const agentId = agents[0]?.id ?? '';
    const busy = await insertConversation(api.db.prisma, org, { queueId: queue.id, agentId });
    const next = await waiting(org, queue.id, { minutes: 10 });
    const later = await waiting(org, queue.id, { minutes: 5 });
    const close = () =>
      org.request(
        'PATCH',
        `/ccaas/1/conversations/${busy}`,
        { status: 'CLOSED' },
        { 'idempotency-key': 'close-1' },
      );

    // Drained inside the request's own transaction, the drain could not see the freed slot (and
    // on the embedded database waited for that transaction until its 30 s limit: a 503).
    expect((await close()).status).toBe(200);
    expect(await agentOf(next)).toBe(agentId);

    await org.caller.conversations.setStatus({ conversationId: next, status: 'CLOSED' });
    expect(await agentOf(later)).toBe(agentId);
    const replayed = await close();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    const assigned = await api.db.prisma.auditEvent.count({
      where: { organizationId: org.organization.id, action: 'conversation.assign' },
    });
    expect(assigned).toBe(2);
  });

  test('solving frees capacity by default (only OPEN counts), not when SOLVED is counted', async () => {
    const { org, queue, agents } = await team([1]);
    const agentId = agents[0]?.id ?? '';
    const first = await insertConversation(api.db.prisma, org, { queueId: queue.id, agentId });
    const next = await waiting(org, queue.id, { minutes: 10 });
    await org.caller.settings.patch({
      patch: [{ op: 'replace', path: '/routing/capacityStatuses', value: ['OPEN', 'SOLVED'] }],
    });
    await org.caller.conversations.setStatus({ conversationId: first, status: 'SOLVED' });
    expect(await agentOf(next)).toBeNull();
    // Counting OPEN only again frees the slot the SOLVED one held: the settings change drains.
    await org.caller.settings.patch({
      patch: [{ op: 'replace', path: '/routing/capacityStatuses', value: ['OPEN'] }],
    });
    expect(await agentOf(next)).toBe(agentId);
  });

  test.each([
    ['capacity raised', 'capacity'],
    ['agent made available', 'status'],
    ['agent added to the queue', 'member'],
  ])('%s: the queue drains in order, up to the new room', async (_title, change) => {
    const { org, queue, agents } = await team([change === 'capacity' ? 0 : 3]);
    const agent = agents[0];
    if (!agent) throw new Error('no agent');
    if (change === 'status') await org.caller.agents.update({ agentId: agent.id, status: 'AWAY' });
    if (change === 'member') await org.caller.queues.setAgents({ queueId: queue.id, agentIds: [] });
    const ids = [
      await waiting(org, queue.id, { minutes: 50, priority: 'LOW' }),
      await waiting(org, queue.id, { minutes: 40, priority: 'HIGH' }),
      await waiting(org, queue.id, { minutes: 30, priority: 'NORMAL' }),
      await waiting(org, queue.id, { minutes: 20, priority: 'HIGH' }),
    ];
    if (change === 'capacity') await org.caller.agents.update({ agentId: agent.id, capacity: 3 });
    if (change === 'status') await org.caller.agents.update({ agentId: agent.id, status: 'ONLINE' });
    if (change === 'member') await org.caller.queues.addAgent({ queueId: queue.id, agentId: agent.id });
    const assigned = await Promise.all(ids.map(agentOf));
    expect(assigned).toEqual([null, agent.id, agent.id, agent.id]);
  });

  test('unassigning and moving to another queue drain the queue the agent was working', async () => {
    const { org, queue, agents } = await team([1]);
    const other = await org.caller.queues.create({ name: 'Elsewhere', isAutoAssignmentEnabled: true });
    const agentId = agents[0]?.id ?? '';
    const moved = await insertConversation(api.db.prisma, org, { queueId: queue.id, agentId });
    const next = await waiting(org, queue.id, { minutes: 10 });
    const res = await org.request('PATCH', `/ccaas/1/conversations/${moved}`, {
      queueId: other.id,
      agentId: null,
    });
    expect(res.status).toBe(200);
    expect(await agentOf(next)).toBe(agentId);
    await org.caller.conversations.unassign({ conversationId: next });
    // Its agent has room again and it is the one waiting: it is assigned again, by Switchboard.
    expect(await agentOf(next)).toBe(agentId);
  });

  test('nothing is assigned with autoAssign off, and the sweep drains what no request did', async () => {
    const { org, queue, agents } = await team([2]);
    await org.caller.settings.patch({
      patch: [{ op: 'replace', path: '/routing/autoAssign', value: false }],
    });
    const ids = [await waiting(org, queue.id, { minutes: 3 }), await waiting(org, queue.id, { minutes: 2 })];
    await org.caller.agents.update({ agentId: agents[0]?.id ?? '', capacity: 3 });
    expect(await Promise.all(ids.map(agentOf))).toEqual([null, null]);
    // Switched on straight in the database (as a crash between commit and drain would leave it).
    await api.db.prisma.settings.update({
      where: { organizationId: org.organization.id },
      data: { document: { routing: { autoAssign: true } } },
    });
    await queueDrainSweep(60_000, createLogger('silent')).run(api.db.prisma, new Date());
    expect(await Promise.all(ids.map(agentOf))).toEqual([agents[0]?.id, agents[0]?.id]);
  });

  test('a scheduled run is claimed once however often it is asked, and again when due', async () => {
    const job = { name: `test-job-${Math.random()}`, everyMs: 60_000 };
    const now = new Date();
    const claims = await Promise.all([1, 2, 3].map(() => claimRun(api.db.prisma, job, now)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimRun(api.db.prisma, job, new Date(now.getTime() + 30_000))).toBe(false);
    expect(await claimRun(api.db.prisma, job, new Date(now.getTime() + 60_000))).toBe(true);
  });

  test('capacity statuses: CLOSED and a list without OPEN answer 400 naming the path, nothing applied', async () => {
    const { org } = await team([]);
    const closed = await org.request('PATCH', '/v1/manage/settings', [
      { op: 'replace', path: '/routing/capacityStatuses', value: ['OPEN', 'CLOSED'] },
    ]);
    expect(closed.status).toBe(400);
    expect(JSON.stringify(closed.body)).toContain('/routing/capacityStatuses/1');
    expect(JSON.stringify(closed.body)).toContain('CLOSED');
    const withoutOpen = await org.request('PATCH', '/v1/manage/settings', [
      { op: 'replace', path: '/routing/capacityStatuses', value: ['WAITING'] },
    ]);
    expect(withoutOpen.status).toBe(400);
    expect(JSON.stringify(withoutOpen.body)).toContain('/routing/capacityStatuses');
    const settings = await org.request('GET', '/v1/manage/settings');
    expect(settings.body.routing.capacityStatuses).toEqual(['OPEN']);
  });
});
