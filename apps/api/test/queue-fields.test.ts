import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

const day = { startTime: 540, endTime: 1020, enabled: true };
const calendar = {
  name: 'Office',
  timezone: 'Europe/London',
  message: 'We are closed.',
  workWeek: Object.fromEntries(
    ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((name) => [name, day]),
  ),
};

/** Infobip's queue fields (CreateQueue, UpdateQueue, QueueApiModel): stored, validated, answered. */
describe.each(testDatabaseKinds())('queue fields on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const ok = async (org: TestTenant, method: string, path: string, body?: unknown) => {
    const res = await org.request(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const newCalendar = async (org: TestTenant) =>
    (await ok(org, 'POST', '/ccaas/1/working-hours', calendar)).id;

  test("POST takes CreateQueue's fields; GET, the list and tRPC answer them", async () => {
    const org = await api.newTenant('Create fields');
    const hours = await newCalendar(org);
    const created = await ok(org, 'POST', '/ccaas/1/queues', {
      name: 'Spanish Support',
      isAutoAssignmentEnabled: true,
      workingHoursId: hours,
      externalId: 'crm-42',
    });
    expect(created).toMatchObject({
      name: 'Spanish Support',
      isAutoAssignmentEnabled: true,
      workingHoursId: hours,
      externalId: 'crm-42',
      // Not sent: the document's defaults.
      isAutoAssignmentOutsideOfWorkingHoursEnabled: false,
      isRestricted: false,
      isPrivate: false,
      stickyAgentTimeoutDays: null,
      isStickyAutoAssignmentEnabled: null,
    });
    expect(await ok(org, 'GET', `/ccaas/1/queues/${created.id}`)).toEqual(created);
    expect((await ok(org, 'GET', '/ccaas/1/queues')).queues).toEqual([created]);
    const viaTrpc = await org.client.queues.get.query({ queueId: created.id });
    expect(viaTrpc).toMatchObject({
      isAutoAssignmentEnabled: true,
      workingHoursId: hours,
      externalId: 'crm-42',
    });
  });

  test("PUT takes UpdateQueue's fields (the document's example), keeps what it leaves out, and null clears", async () => {
    const org = await api.newTenant('Update fields');
    const hours = await newCalendar(org);
    const queue = await org.caller.queues.create({
      name: 'Support',
      workingHoursId: hours,
      externalId: 'x-1',
    });
    const path = `/ccaas/1/queues/${queue.id}`;
    // UpdateQueueApiRequest's example, as the document writes it.
    const example = {
      name: 'Spanish Support',
      isAutoAssignmentEnabled: true,
      autoAssignmentAlgorithm: 'LOAD_BALANCING',
      isAutoAssignmentOutsideOfWorkingHoursEnabled: false,
      stickyAgentTimeoutDays: 7,
      isStickyAutoAssignmentEnabled: true,
      workingHoursId: null,
      isRestricted: false,
      externalId: null,
    };
    expect(await ok(org, 'PUT', path, example)).toMatchObject({ ...example, id: queue.id, isPrivate: false });

    const changed = {
      autoAssignmentAlgorithm: 'ROUND_ROBIN',
      isAutoAssignmentOutsideOfWorkingHoursEnabled: true,
      isRestricted: true,
      isPrivate: true,
      workingHoursId: hours,
      externalId: 'x-2',
    };
    expect(await ok(org, 'PUT', path, changed)).toMatchObject({ ...example, ...changed });
    // A rename keeps everything else (UpdateQueue's defaults are not applied to fields left out).
    const renamed = await ok(org, 'PUT', path, { name: 'Soporte' });
    expect(renamed).toMatchObject({ ...example, ...changed, name: 'Soporte' });
    // Null for a field with a default is "not sent"; for the others it clears.
    const cleared = await ok(org, 'PUT', path, {
      isAutoAssignmentEnabled: null,
      autoAssignmentAlgorithm: null,
      stickyAgentTimeoutDays: null,
      isStickyAutoAssignmentEnabled: null,
      workingHoursId: null,
      externalId: null,
    });
    expect(cleared).toMatchObject({
      isAutoAssignmentEnabled: true,
      autoAssignmentAlgorithm: 'ROUND_ROBIN', // the organization's strategy (round_robin)
      stickyAgentTimeoutDays: null,
      isStickyAutoAssignmentEnabled: null,
      workingHoursId: null,
      externalId: null,
      isRestricted: true,
    });
    const stored = await api.db.prisma.queue.findUniqueOrThrow({ where: { id: queue.id } });
    expect(stored).toMatchObject({ autoAssignmentAlgorithm: null, isPrivate: true, name: 'Soporte' });
  });

  test("a queue without an algorithm of its own answers the organization's strategy", async () => {
    const org = await api.newTenant('Algorithm');
    const queue = await org.caller.queues.create({ name: 'Q' });
    const performance = await org.caller.queues.create({
      name: 'P',
      autoAssignmentAlgorithm: 'PERFORMANCE_BASED',
    });
    expect(queue.autoAssignmentAlgorithm).toBe('ROUND_ROBIN');
    await org.caller.settings.patch({
      patch: [{ op: 'replace', path: '/routing/strategy', value: 'least_busy' }],
    });
    expect((await org.caller.queues.get({ queueId: queue.id })).autoAssignmentAlgorithm).toBe(
      'LOAD_BALANCING',
    );
    expect((await org.caller.queues.get({ queueId: performance.id })).autoAssignmentAlgorithm).toBe(
      'PERFORMANCE_BASED',
    );
  });

  test('enabledAgentsCount and enabledRoutesCount count enabled members and enabled rules', async () => {
    const org = await api.newTenant('Counts');
    const queue = await org.caller.queues.create({ name: 'Counted' });
    const [ann, bob] = [
      await org.caller.agents.create({ name: 'Ann' }),
      await org.caller.agents.create({ name: 'Bob', enabled: false }),
    ];
    await org.caller.queues.setAgents({ queueId: queue.id, agentIds: [ann.id, bob.id] });
    await org.caller.routing.set({
      routes: [
        { name: 'On', queueId: queue.id, criteria: 'tags==a' },
        { name: 'Off', queueId: queue.id, criteria: 'tags==b', enabled: false },
      ],
    });
    const [listed] = (await ok(org, 'GET', '/ccaas/1/queues')).queues;
    expect(listed).toMatchObject({ enabledAgentsCount: 1, enabledRoutesCount: 1 });
  });

  test.each([
    ['autoAssignmentAlgorithm', { autoAssignmentAlgorithm: 'RANDOM' }],
    ['stickyAgentTimeoutDays', { stickyAgentTimeoutDays: 0 }],
    ['stickyAgentTimeoutDays', { stickyAgentTimeoutDays: 366 }],
    ['stickyAgentTimeoutDays', { stickyAgentTimeoutDays: 1.5 }],
    ['stickyAgentTimeoutDays', { stickyAgentTimeoutDays: '7' }],
    ['isAutoAssignmentEnabled', { isAutoAssignmentEnabled: 'yes' }],
    ['isRestricted', { isRestricted: 1 }],
    ['externalId', { externalId: 'x'.repeat(256) }],
  ])(
    'a bad %s (%j) is BAD_REQUEST naming it, on create and update, and nothing is written',
    async (field, bad) => {
      const org = await api.newTenant(`Bad ${field}`);
      const queue = await org.caller.queues.create({ name: 'Kept' });
      for (const [method, path] of [
        ['POST', '/ccaas/1/queues'],
        ['PUT', `/ccaas/1/queues/${queue.id}`],
      ] as const) {
        const res = await org.request(method, path, { name: 'Changed', ...bad });
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.body.requestError.serviceException).toMatchObject({
          messageId: 'BAD_REQUEST',
          validationErrors: { [field]: [expect.any(String)] },
        });
      }
      const rows = await api.db.prisma.queue.findMany({ where: { organizationId: org.organization.id } });
      expect(rows.map((row) => row.name)).toEqual(['Kept']);
    },
  );

  test("an unknown calendar or another tenant's is NOT_FOUND naming workingHoursId, and nothing is written", async () => {
    const org = await api.newTenant('Calendars');
    const other = await api.newTenant('Other calendars');
    const foreign = await newCalendar(other);
    const queue = await org.caller.queues.create({ name: 'Kept' });
    for (const id of [foreign, '00000000-0000-4000-8000-000000000000']) {
      for (const [method, path] of [
        ['POST', '/ccaas/1/queues'],
        ['PUT', `/ccaas/1/queues/${queue.id}`],
      ] as const) {
        const res = await org.request(method, path, { name: 'Changed', workingHoursId: id });
        expect(res.status, JSON.stringify(res.body)).toBe(404);
        expect(res.body.requestError.serviceException).toMatchObject({
          messageId: 'NOT_FOUND',
          text: expect.stringContaining('workingHoursId'),
          details: { field: 'workingHoursId' },
        });
      }
      await expect(
        org.client.queues.create.mutate({ name: 'Via tRPC', workingHoursId: id }),
      ).rejects.toMatchObject({
        data: { httpStatus: 404 },
      });
    }
    const rows = await api.db.prisma.queue.findMany({ where: { organizationId: org.organization.id } });
    expect(rows).toEqual([expect.objectContaining({ name: 'Kept', workingHoursId: null })]);
  });

  test('deleting a calendar puts its queues back on the default calendar', async () => {
    const org = await api.newTenant('Calendar deleted');
    const hours = await newCalendar(org);
    const queue = await org.caller.queues.create({ name: 'Q', workingHoursId: hours });
    await ok(org, 'DELETE', `/ccaas/1/working-hours/${hours}`);
    expect((await org.caller.queues.get({ queueId: queue.id })).workingHoursId).toBeNull();
  });

  test('the queue.updated event carries the fields before and after', async () => {
    const org = await api.newTenant('Queue events');
    const queue = await org.caller.queues.create({ name: 'Evented' });
    await org.caller.queues.update({
      queueId: queue.id,
      isAutoAssignmentEnabled: true,
      stickyAgentTimeoutDays: 3,
    });
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: queue.id, action: 'queue.update' },
    });
    expect(audit.before).toMatchObject({ isAutoAssignmentEnabled: false, stickyAgentTimeoutDays: null });
    expect(audit.after).toMatchObject({ isAutoAssignmentEnabled: true, stickyAgentTimeoutDays: 3 });
  });
});
