import { type Database, openDatabase, type PrismaClient } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rerouteUnavailableAgents } from '../src/jobs/reroute-unavailable';
import { createLogger } from '../src/logger';
import { insertConversation } from './support/concurrency/fixtures';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

const t0 = new Date('2026-03-29T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const switchboard = { actorType: 'SYSTEM', actorId: 'switchboard' };

describe.each(testDatabaseKinds())('unavailable agents on %s', (kind) => {
  let api: TestApi;
  let clock = t0;
  beforeAll(async () => {
    api = await startTestApi(kind, { now: () => clock });
  });
  afterAll(() => api.close());
  const job = rerouteUnavailableAgents(60_000, createLogger('silent'));

  /** A queue with Ann (who holds the conversation) and Bob; Bob was assigned last, so round robin alone would pick Ann. */
  async function team(name: string) {
    clock = t0;
    const org = await api.newTenant(name);
    const queue = await org.caller.queues.create({ name: 'Support', isAutoAssignmentEnabled: true });
    const ann = await org.caller.agents.create({ name: 'Ann', status: 'ACTIVE' });
    const bob = await org.caller.agents.create({ name: 'Bob', status: 'ACTIVE' });
    for (const agent of [ann, bob])
      await org.caller.queues.addAgent({ queueId: queue.id, agentId: agent.id });
    await api.db.prisma.agent.update({ where: { id: bob.id }, data: { lastAssignedAt: t0 } });
    // Routing (no rules) sends conversations to the default queue.
    await org.caller.settings.patch({
      patch: [{ op: 'replace', path: '/routing/defaultQueueId', value: queue.id }],
    });
    const held = () => insertConversation(api.db.prisma, org, { queueId: queue.id, agentId: ann.id });
    return { org, queue, ann, bob, held };
  }
  const agentOf = async (id: string) =>
    (await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } })).agentId;
  const eventsOf = (id: string) =>
    api.db.prisma.event.findMany({
      where: { conversationId: id },
      orderBy: { sequence: 'asc' },
      select: { type: true, actorType: true, actorId: true },
    });
  const ok = async (org: TestTenant, method: string, path: string, body?: unknown) => {
    const res = await org.request(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  test('settings: defaults are documented; a negative grace or a bad action answers 400 naming the path', async () => {
    const org = await api.newTenant('Settings');
    expect((await ok(org, 'GET', '/v1/manage/settings')).routing.unavailableAgent).toEqual({
      action: 'reroute',
      graceMinutes: 15,
      heartbeatLapseMinutes: 5,
    });
    for (const [path, value] of [
      ['/routing/unavailableAgent/graceMinutes', -5],
      ['/routing/unavailableAgent/graceMinutes', 2.5],
      ['/routing/unavailableAgent/heartbeatLapseMinutes', 0],
      ['/routing/unavailableAgent/action', 'close'],
    ] as const) {
      const res = await org.request('PATCH', '/v1/manage/settings', [
        { op: 'replace', path: '/routing/unavailableAgent/action', value: 'keep' },
        { op: 'replace', path, value },
      ]);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(path);
    }
    // Nothing of a refused patch is applied (not even its valid first operation).
    expect((await ok(org, 'GET', '/v1/manage/settings')).routing.unavailableAgent.action).toBe('reroute');
    const changed = await ok(org, 'PATCH', '/v1/manage/settings', [
      { op: 'replace', path: '/routing/unavailableAgent/graceMinutes', value: 0 },
    ]);
    expect(changed.routing.unavailableAgent).toEqual({
      action: 'reroute',
      graceMinutes: 0,
      heartbeatLapseMinutes: 5,
    });
  });

  test('a heartbeat lapse reroutes after the grace period, not before; a heartbeat back within grace keeps', async () => {
    const { org, ann, bob, held } = await team('Heartbeat');
    await org.caller.settings.patch({
      patch: [{ op: 'replace', path: '/routing/unavailableAgent/graceMinutes', value: 10 }],
    });
    const id = await held();
    const kept = await held();
    const beat = await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/heartbeat`);
    expect(beat).toBeDefined();
    expect((await api.db.prisma.agent.findUniqueOrThrow({ where: { id: ann.id } })).lastHeartbeatAt).toEqual(
      t0,
    );

    // Silent since t0: unavailable from t0+5 (lapse), moved from t0+15 (grace 10).
    await job.run(api.db.prisma, minutes(14));
    expect(await agentOf(id)).toBe(ann.id);
    expect(await eventsOf(id)).toEqual([]);

    await job.run(api.db.prisma, minutes(15));
    // Bob, although round robin would pick Ann: an agent whose heartbeat lapsed takes nothing.
    expect(await agentOf(id)).toBe(bob.id);
    expect(await eventsOf(id)).toEqual([
      { type: 'conversation.unassigned', ...switchboard },
      { type: 'conversation.routed', ...switchboard },
      { type: 'conversation.assigned', ...switchboard },
    ]);
    const audits = await api.db.prisma.auditEvent.findMany({
      where: { entityId: id },
      orderBy: { sequence: 'asc' },
      select: { action: true, actorType: true },
    });
    expect(audits.map((audit) => audit.action)).toEqual([
      'conversation.unassign',
      'conversation.route',
      'conversation.assign',
    ]);
    expect(new Set(audits.map((audit) => audit.actorType))).toEqual(new Set(['SYSTEM']));
    // Both of Ann's conversations moved in that run; a later run finds nothing more.
    expect(await agentOf(kept)).toBe(bob.id);
    const count = await api.db.prisma.event.count({ where: { organizationId: org.organization.id } });
    await job.run(api.db.prisma, minutes(30));
    expect(await api.db.prisma.event.count({ where: { organizationId: org.organization.id } })).toBe(count);

    // Ann beats again and takes a conversation; silent from t0+30, she is back at t0+40 (within
    // grace): at t0+48 nothing of hers moves.
    clock = minutes(30);
    await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/heartbeat`);
    const again = await held();
    clock = minutes(40);
    await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/heartbeat`);
    await job.run(api.db.prisma, minutes(48));
    expect(await agentOf(again)).toBe(ann.id);
  });

  test('AWAY then ACTIVE within the grace period keeps the conversation; AWAY past it reroutes', async () => {
    const { org, ann, bob, held } = await team('Away');
    const id = await held();
    clock = minutes(1);
    const away = await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/status`, { status: 'AWAY' });
    expect(away.status).toBe('AWAY');
    const stored = await api.db.prisma.agent.findUniqueOrThrow({ where: { id: ann.id } });
    expect(stored.unavailableSince).toEqual(minutes(1));
    // INVISIBLE after AWAY: still unavailable since she left.
    clock = minutes(3);
    await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/status`, { status: 'INVISIBLE' });
    expect((await api.db.prisma.agent.findUniqueOrThrow({ where: { id: ann.id } })).unavailableSince).toEqual(
      minutes(1),
    );
    clock = minutes(10);
    const back = await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/status`, { status: 'ACTIVE' });
    expect(back.unavailableSince).toBeNull();

    await job.run(api.db.prisma, minutes(120));
    expect(await agentOf(id)).toBe(ann.id);
    expect(await eventsOf(id)).toEqual([]);

    // BUSY is busy but present: kept however long.
    clock = minutes(120);
    await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/status`, { status: 'BUSY' });
    await job.run(api.db.prisma, minutes(600));
    expect(await agentOf(id)).toBe(ann.id);

    // Away for good (the default grace is 15 minutes): kept at +14, rerouted at +15.
    clock = minutes(600);
    await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/status`, { status: 'AWAY' });
    await job.run(api.db.prisma, minutes(614));
    expect(await agentOf(id)).toBe(ann.id);
    await job.run(api.db.prisma, minutes(615));
    expect(await agentOf(id)).toBe(bob.id);
  });

  test('a disabled agent is unavailable; action "keep" moves nothing', async () => {
    const { org, ann, bob, held } = await team('Disabled');
    const id = await held();
    clock = minutes(1);
    await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}`, { enabled: false });
    await org.caller.settings.patch({
      patch: [{ op: 'replace', path: '/routing/unavailableAgent/action', value: 'keep' }],
    });
    await job.run(api.db.prisma, minutes(10_000));
    expect(await agentOf(id)).toBe(ann.id);
    await org.caller.settings.patch({
      patch: [{ op: 'replace', path: '/routing/unavailableAgent/action', value: 'reroute' }],
    });
    await job.run(api.db.prisma, minutes(10_000));
    expect(await agentOf(id)).toBe(bob.id);
  });

  test('a conversation reopened while its agent is away is rerouted in the same request', async () => {
    const { org, ann, bob, queue, held } = await team('Reopen');
    const id = await held();
    await ok(org, 'PATCH', `/ccaas/1/conversations/${id}`, { status: 'SOLVED' });
    clock = minutes(1);
    await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/status`, { status: 'AWAY' });

    // One minute away, well inside the grace period: the customer is back, so it moves now.
    clock = minutes(2);
    const reopened = await ok(org, 'PATCH', `/ccaas/1/conversations/${id}`, { status: 'OPEN' });
    expect(reopened).toMatchObject({ status: 'OPEN', agentId: bob.id, queueId: queue.id });
    expect((await eventsOf(id)).map((event) => [event.type, event.actorId])).toEqual([
      ['conversation.status_changed', expect.not.stringMatching(/^switchboard$/)],
      ['conversation.status_changed', expect.not.stringMatching(/^switchboard$/)],
      ['conversation.unassigned', 'switchboard'],
      ['conversation.routed', 'switchboard'],
      ['conversation.assigned', 'switchboard'],
    ]);

    // Reopened with its agent present, or naming the agent itself: kept.
    const present = await insertConversation(api.db.prisma, org, {
      queueId: queue.id,
      agentId: bob.id,
      status: 'WAITING',
    });
    expect((await ok(org, 'PATCH', `/ccaas/1/conversations/${present}`, { status: 'OPEN' })).agentId).toBe(
      bob.id,
    );
    const named = await insertConversation(api.db.prisma, org, {
      queueId: queue.id,
      agentId: ann.id,
      status: 'SOLVED',
    });
    const kept = await ok(org, 'PATCH', `/ccaas/1/conversations/${named}`, {
      status: 'OPEN',
      agentId: ann.id,
    });
    expect(kept.agentId).toBe(ann.id);

    // With nobody available it waits in its queue, unassigned.
    await ok(org, 'PUT', `/ccaas/1/agents/${bob.id}/status`, { status: 'INVISIBLE' });
    const alone = await insertConversation(api.db.prisma, org, {
      queueId: queue.id,
      agentId: ann.id,
      status: 'SOLVED',
    });
    const waiting = await ok(org, 'PATCH', `/ccaas/1/conversations/${alone}`, { status: 'OPEN' });
    expect(waiting).toMatchObject({ status: 'OPEN', agentId: null, queueId: queue.id });
  });

  test('two runs at once reroute each conversation once', async () => {
    const { org, ann, bob, queue, held } = await team('Twice');
    const carol = await org.caller.agents.create({ name: 'Carol', status: 'ACTIVE', capacity: 4 });
    await org.caller.queues.addAgent({ queueId: queue.id, agentId: carol.id });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await held());
    await ok(org, 'PUT', `/ccaas/1/agents/${ann.id}/status`, { status: 'AWAY' });
    // A second connection pool plays the second process (PGlite belongs to one process: the same one).
    const other: Database | null = api.db.url
      ? await openDatabase({ databaseUrl: api.db.url, poolSize: 4 })
      : null;
    try {
      const second: PrismaClient = other?.prisma ?? api.db.prisma;
      await Promise.all([job.run(api.db.prisma, minutes(20)), job.run(second, minutes(20))]);
    } finally {
      await other?.close();
    }
    for (const id of ids) {
      expect(await agentOf(id)).not.toBe(ann.id);
      const types = (await eventsOf(id)).map((event) => event.type);
      expect(types.filter((type) => type === 'conversation.unassigned')).toHaveLength(1);
      expect(types.filter((type) => type === 'conversation.routed')).toHaveLength(1);
    }
    // Bob (capacity 5) and Carol (4) take 9; the other 3 wait in the queue. Nobody is over capacity.
    const load = (agentId: string) =>
      api.db.prisma.conversation.count({ where: { agentId, status: 'OPEN' } });
    expect([await load(bob.id), await load(carol.id)]).toEqual([5, 4]);
    expect(
      await api.db.prisma.conversation.count({
        where: { id: { in: ids }, agentId: null, queueId: queue.id },
      }),
    ).toBe(3);
  });
});
