import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queueDrainSweep } from '../src/jobs/queue-drain-sweep';
import { routeWhenHoursOpen } from '../src/jobs/route-when-hours-open';
import { createLogger } from '../src/logger';
import { insertConversation } from './support/concurrency/fixtures';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
/** Calendars that do not depend on the clock: open all week, or never open. */
const week = (hours: object) => Object.fromEntries(weekdays.map((day) => [day, hours]));
const alwaysOpen = week({ startTime: 0, endTime: 1440, enabled: true });
const neverOpen = week({ startTime: 0, endTime: 0, enabled: false });

interface QueueFields {
  isAutoAssignmentEnabled?: boolean;
  isAutoAssignmentOutsideOfWorkingHoursEnabled?: boolean;
  autoAssignmentAlgorithm?: 'LOAD_BALANCING' | 'ROUND_ROBIN' | 'PERFORMANCE_BASED';
  workingHoursId?: string;
}

/** How Infobip's queue fields change what routing and the queue drain do. */
describe.each(testDatabaseKinds())('queue auto-assignment on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());
  const logger = createLogger('silent');

  const ok = async (org: TestTenant, method: string, path: string, body?: unknown) => {
    const res = await org.request(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const calendar = async (org: TestTenant, workWeek: object, isDefault = false) =>
    (
      await ok(org, 'POST', '/ccaas/1/working-hours', {
        name: `Hours ${Math.random()}`,
        timezone: 'Europe/Zagreb',
        message: 'Closed',
        workWeek,
        isDefault,
      })
    ).id as string;

  /** An organization whose one queue (with these fields) has an ACTIVE agent, and a rule into it. */
  async function desk(fields: QueueFields, agents = ['Ann']) {
    const org = await api.newTenant(`Desk ${Math.random()}`);
    const queue = await org.caller.queues.create({ name: 'Desk', ...fields });
    const members = [];
    for (const name of agents) members.push(await org.caller.agents.create({ name, status: 'ACTIVE' }));
    await org.caller.queues.setAgents({ queueId: queue.id, agentIds: members.map((agent) => agent.id) });
    await org.caller.routing.set({
      routes: [{ name: 'All', queueId: queue.id, criteria: 'status!=CLOSED' }],
    });
    return { org, queue, agents: members };
  }
  /** Routes a stored conversation over REST; answers the routed conversation with its routing summary. */
  const route = async (org: TestTenant, conversationId: string) =>
    (await ok(org, 'POST', `/ccaas/1/conversations/${conversationId}/route`)).conversations[0];
  const waitingIn = (org: TestTenant, queueId: string) => insertConversation(api.db.prisma, org, { queueId });
  const agentOf = async (id: string) =>
    (await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } })).agentId;
  const sweep = () => queueDrainSweep(60_000, logger).run(api.db.prisma, new Date());

  test('auto-assignment off: routing leaves the conversation in the queue, the drain too; switched on, it is assigned', async () => {
    const { org, queue, agents } = await desk({});
    const id = await insertConversation(api.db.prisma, org);
    const routed = await route(org, id);
    expect(routed).toMatchObject({ queueId: queue.id, agentId: null });
    expect(routed.routing.assignment).toMatchObject({
      reason: 'QUEUE_AUTO_ASSIGN_OFF',
      explanation: expect.stringContaining('isAutoAssignmentEnabled'),
    });
    const waiting = await waitingIn(org, queue.id);
    await ok(org, 'PUT', `/ccaas/1/agents/${agents[0]?.id}`, { capacity: 10 });
    await sweep();
    expect([await agentOf(id), await agentOf(waiting)]).toEqual([null, null]);

    // The update drains the queue before it answers.
    await ok(org, 'PUT', `/ccaas/1/queues/${queue.id}`, { isAutoAssignmentEnabled: true });
    expect([await agentOf(id), await agentOf(waiting)]).toEqual([agents[0]?.id, agents[0]?.id]);
  });

  test("outside the queue's own calendar nothing is auto-assigned, unless it assigns outside working hours", async () => {
    const { org, queue, agents } = await desk({ isAutoAssignmentEnabled: true });
    await org.caller.queues.update({ queueId: queue.id, workingHoursId: await calendar(org, neverOpen) });
    const id = await insertConversation(api.db.prisma, org);
    const routed = await route(org, id);
    expect(routed).toMatchObject({ queueId: queue.id, agentId: null });
    expect(routed.routing.assignment.reason).toBe('OUTSIDE_WORKING_HOURS');
    await sweep();
    expect(await agentOf(id)).toBeNull();

    await ok(org, 'PUT', `/ccaas/1/queues/${queue.id}`, {
      isAutoAssignmentOutsideOfWorkingHoursEnabled: true,
    });
    expect(await agentOf(id)).toBe(agents[0]?.id);
  });

  test("the queue's own calendar decides, not the default one; without one, the default decides", async () => {
    const { org, queue, agents } = await desk({ isAutoAssignmentEnabled: true });
    await calendar(org, neverOpen, true);
    const first = await insertConversation(api.db.prisma, org);
    expect((await route(org, first)).routing.assignment.reason).toBe('OUTSIDE_WORKING_HOURS');

    // Its own calendar is open: the queue assigns, and the waiting conversation is drained.
    await ok(org, 'PUT', `/ccaas/1/queues/${queue.id}`, { workingHoursId: await calendar(org, alwaysOpen) });
    expect(await agentOf(first)).toBe(agents[0]?.id);
    const second = await insertConversation(api.db.prisma, org);
    expect(await route(org, second)).toMatchObject({ agentId: agents[0]?.id });
  });

  test('a disabled calendar designates no hours: its queue assigns at any time', async () => {
    const { org, queue, agents } = await desk({ isAutoAssignmentEnabled: true });
    const hours = await calendar(org, neverOpen);
    await ok(org, 'PATCH', `/ccaas/1/working-hours/${hours}`, { enabled: false });
    await org.caller.queues.update({ queueId: queue.id, workingHoursId: hours });
    expect(await route(org, await insertConversation(api.db.prisma, org))).toMatchObject({
      agentId: agents[0]?.id,
    });
  });

  test('LOAD_BALANCING assigns the least busy member, ROUND_ROBIN the least recently assigned (routing and drain)', async () => {
    const { org, queue, agents } = await desk({ isAutoAssignmentEnabled: true }, ['Busy', 'Idle']);
    const [busy, idle] = [agents[0]?.id ?? '', agents[1]?.id ?? ''];
    // Busy holds two conversations but was assigned long ago; Idle holds none, assigned just now.
    for (let i = 0; i < 2; i++)
      await insertConversation(api.db.prisma, org, { queueId: queue.id, agentId: busy });
    await api.db.prisma.agent.update({
      where: { id: busy },
      data: { lastAssignedAt: new Date(Date.now() - 3_600_000) },
    });
    await api.db.prisma.agent.update({ where: { id: idle }, data: { lastAssignedAt: new Date() } });

    const roundRobin = await route(org, await insertConversation(api.db.prisma, org));
    expect(roundRobin.agentId).toBe(busy); // the organization's round_robin: no algorithm of its own

    await org.caller.queues.update({ queueId: queue.id, autoAssignmentAlgorithm: 'LOAD_BALANCING' });
    const balanced = await route(org, await insertConversation(api.db.prisma, org));
    expect(balanced.agentId).toBe(idle);
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: balanced.id, action: 'conversation.assign' },
    });
    expect(audit.after).toMatchObject({ strategy: 'least_busy' });

    // The drain plans by the queue's algorithm too: Idle (1 open) takes it before Busy (3 open).
    await org.caller.queues.update({ queueId: queue.id, isAutoAssignmentEnabled: false });
    const waiting = await waitingIn(org, queue.id);
    await org.caller.queues.update({ queueId: queue.id, isAutoAssignmentEnabled: true });
    expect(await agentOf(waiting)).toBe(idle);
  });

  test("a working-hours rule follows its queue's calendar; the opening job routes once that calendar opens", async () => {
    const org = await api.newTenant('Rule hours');
    await calendar(org, alwaysOpen, true);
    const hours = await calendar(org, neverOpen);
    const night = await org.caller.queues.create({ name: 'Night', workingHoursId: hours });
    const day = await org.caller.queues.create({ name: 'Day' });
    await ok(org, 'PUT', '/ccaas/1/routing', [
      {
        queueId: night.id,
        routeOnlyDuringWorkingHours: true,
        expression: { $eq: { 'message.channel': 'SMS' } },
      },
      {
        queueId: day.id,
        routeOnlyDuringWorkingHours: true,
        expression: { $eq: { 'message.channel': 'EMAIL' } },
      },
    ]);
    const sms = await insertConversation(api.db.prisma, org, { channel: 'SMS' });
    const email = await insertConversation(api.db.prisma, org, { channel: 'EMAIL' });
    const skipped = await route(org, sms);
    expect(skipped.queueId).toBeNull();
    expect(skipped.routing.trace[0]).toMatchObject({ outcome: 'OUTSIDE_WORKING_HOURS' });
    // The default calendar is open: a queue without its own follows it.
    expect((await route(org, email)).queueId).toBe(day.id);

    await ok(org, 'PUT', `/ccaas/1/working-hours/${hours}`, {
      name: 'Night',
      timezone: 'Europe/Zagreb',
      message: 'Closed',
      workWeek: alwaysOpen,
    });
    await routeWhenHoursOpen(60_000, logger).run(api.db.prisma, new Date());
    expect((await api.db.prisma.conversation.findUniqueOrThrow({ where: { id: sms } })).queueId).toBe(
      night.id,
    );
  });
});
