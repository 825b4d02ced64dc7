import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertConversation } from './support/concurrency/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('queues on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('create, get, update and list queues over REST (Infobip shapes)', async () => {
    const created = await api.a.request('POST', '/ccaas/1/queues', { name: 'English Support' });
    expect(created.status).toBe(200);
    // Every member of Infobip's QueueApiModel, with the document's defaults.
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'English Support',
      enabledAgentsCount: 0,
      enabledRoutesCount: 0,
      isAutoAssignmentEnabled: false,
      autoAssignmentAlgorithm: 'ROUND_ROBIN',
      isAutoAssignmentOutsideOfWorkingHoursEnabled: false,
      stickyAgentTimeoutDays: null,
      isStickyAutoAssignmentEnabled: null,
      workingHoursId: null,
      isRestricted: false,
      isPrivate: false,
      externalId: null,
      createdAt: expect.stringMatching(/\+0000$/),
      updatedAt: expect.stringMatching(/\+0000$/),
      deletedAt: null,
    });
    const id = created.body.id;
    expect((await api.a.request('GET', `/ccaas/1/queues/${id}`)).body).toEqual(created.body);

    const renamed = await api.a.request('PUT', `/ccaas/1/queues/${id}`, { name: 'UK Support' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: 'UK Support' });

    await api.a.request('POST', '/ccaas/1/queues', { name: 'Spanish Support' });
    const list = await api.a.request('GET', '/ccaas/1/queues?limit=1&page=1&orderBy=name:asc');
    expect(list.status).toBe(200);
    expect(list.body.queues.map((q: { name: string }) => q.name)).toEqual(['UK Support']);
    expect(list.body.pagination).toEqual({ totalItems: 2, page: 1, limit: 1, orderBy: 'name:asc' });
  });

  test("GET /ccaas/1/queues filters by name (exactly) and by working hours (the queue's own calendar)", async () => {
    const org = await api.newTenant('Queue filters');
    const names = (res: { status: number; body: { queues: { name: string }[] } }) => {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.queues.map((queue) => queue.name).sort();
    };
    const get = (query: string) => org.request('GET', `/ccaas/1/queues?${query}`);
    const day = await org.caller.queues.create({ name: 'UK Support' });
    const night = await org.caller.queues.create({ name: 'UK Support Nights' });
    await org.caller.queues.create({ name: 'UK Support Weekends' });
    await api.b.caller.queues.create({ name: 'UK Support' });

    expect(names(await get('name=UK%20Support'))).toEqual(['UK Support']);
    expect(names(await get('name=uk%20support'))).toEqual([]);
    expect((await get('name=UK%20Support')).body.pagination.totalItems).toBe(1);

    const calendar = {
      name: 'Office',
      timezone: 'Europe/London',
      message: 'We are closed.',
      workWeek: Object.fromEntries(
        ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => [
          day,
          [{ startTime: 540, endTime: 1020, enabled: true }],
        ]),
      ),
    };
    const other = await org.request('POST', '/ccaas/1/working-hours', calendar);
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    const main = await org.request('POST', '/ccaas/1/working-hours', {
      ...calendar,
      name: 'Main',
      isDefault: true,
    });
    expect(main.status, JSON.stringify(main.body)).toBe(200);
    await org.caller.queues.update({ queueId: day.id, workingHoursId: main.body.id });
    await org.caller.queues.update({ queueId: night.id, workingHoursId: other.body.id });
    // The calendar each queue stores; a queue without one (it follows the default) is not listed.
    expect(names(await get(`workingHoursId=${main.body.id}`))).toEqual(['UK Support']);
    expect(names(await get(`workingHoursId=${other.body.id}`))).toEqual(['UK Support Nights']);
    expect(names(await get(`workingHoursId=${other.body.id}&name=UK%20Support`))).toEqual([]);
    expect((await get(`workingHoursId=${main.body.id}`)).body.pagination.totalItems).toBe(1);
    // Another tenant's calendar is no calendar of this one.
    const foreign = await api.b.request('POST', '/ccaas/1/working-hours', { ...calendar, isDefault: true });
    expect(names(await get(`workingHoursId=${foreign.body.id}`))).toEqual([]);

    const refused = await get(`name=${'x'.repeat(256)}`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.requestError.serviceException)).toContain('name');
  });

  test('tRPC lists continue by cursor', async () => {
    const api2 = await api.newTenant('Cursor org');
    for (const name of ['q1', 'q2', 'q3']) await api2.caller.queues.create({ name });
    const first = await api2.client.queues.list.query({ limit: 2 });
    expect(first.queues.map((q) => q.name)).toEqual(['q1', 'q2']);
    expect(first.nextCursor).toBe(first.queues[1]?.id);
    const second = await api2.client.queues.list.query({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.queues.map((q) => q.name)).toEqual(['q3']);
    expect(second.nextCursor).toBeNull();
  });

  test('names are unique per organization (409) and validated (400 naming the field)', async () => {
    await api.a.caller.queues.create({ name: 'Billing' });
    const duplicate = await api.a.request('POST', '/ccaas/1/queues', { name: 'Billing' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.requestError.serviceException).toMatchObject({
      messageId: 'CONFLICT',
      details: { field: 'name' },
    });
    expect(await api.db.prisma.queue.count({ where: { name: 'Billing' } })).toBe(1);
    // Another organization may use the same name.
    expect((await api.b.request('POST', '/ccaas/1/queues', { name: 'Billing' })).status).toBe(200);

    const empty = await api.a.request('POST', '/ccaas/1/queues', { name: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.requestError.serviceException.details).toMatchObject({ field: 'name' });
  });

  test('members: POST adds one, PUT replaces the list, DELETE removes one; GET lists them', async () => {
    const queue = await api.a.caller.queues.create({ name: 'Members' });
    const [ann, bob, cid] = await Promise.all(
      ['Ann', 'Bob', 'Cid'].map((name) => api.a.caller.agents.create({ name })),
    );
    if (!ann || !bob || !cid) throw new Error('agents not created');
    const path = `/ccaas/1/queues/${queue.id}/agents`;

    const added = await api.a.request('POST', path, { agentId: ann.id });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ queueId: queue.id, agentIds: [ann.id] });
    expect((await api.a.request('POST', path, { agentId: ann.id })).body.agentIds).toEqual([ann.id]);

    const replaced = await api.a.request('PUT', path, { agentIds: [bob.id, cid.id] });
    expect(replaced.body.agentIds.sort()).toEqual([bob.id, cid.id].sort());

    const removed = await api.a.request('DELETE', `${path}/${bob.id}`);
    expect(removed.body).toEqual({ queueId: queue.id, agentIds: [cid.id] });
    expect((await api.a.request('DELETE', `${path}/${bob.id}`)).status).toBe(404);

    const members = await api.a.request('GET', path);
    expect(members.body.agents.map((a: { name: string }) => a.name)).toEqual(['Cid']);
    expect(members.body.agents[0].queueIds).toEqual([queue.id]);

    const byAgent = await api.a.caller.queues.list({ agentId: cid.id });
    expect(byAgent.queues.map((q) => q.id)).toEqual([queue.id]);

    const events = await api.db.prisma.auditEvent.findMany({
      where: { entityId: queue.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((event) => event.action)).toEqual([
      'queue.create',
      'queue.agents.add',
      'queue.agents.add',
      'queue.agents.replace',
      'queue.agents.remove',
    ]);
  });

  test('a member list naming an unknown agent is refused whole (404 naming the index)', async () => {
    const queue = await api.a.caller.queues.create({ name: 'All or nothing' });
    const ann = await api.a.caller.agents.create({ name: 'Ann' });
    const foreign = await api.b.caller.agents.create({ name: 'Theirs' });
    const res = await api.a.request('PUT', `/ccaas/1/queues/${queue.id}/agents`, {
      agentIds: [ann.id, foreign.id],
    });
    expect(res.status).toBe(404);
    expect(res.body.requestError.serviceException.details).toEqual({ field: 'agentIds.1' });
    expect(await api.db.prisma.queueMember.count({ where: { queueId: queue.id } })).toBe(0);
  });

  test('delete: refused while routing targets the queue; afterwards its conversations are unqueued', async () => {
    const queue = await api.a.caller.queues.create({ name: 'Doomed' });
    await api.a.caller.routing.set({
      routes: [{ name: 'All', queueId: queue.id, criteria: 'priority>=LOW' }],
    });
    const refused = await api.a.request('DELETE', `/ccaas/1/queues/${queue.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.requestError.serviceException.text).toMatch(/"All"/);
    expect(await api.db.prisma.queue.count({ where: { id: queue.id } })).toBe(1);

    await api.a.caller.routing.set({ routes: [] });
    const conversationId = await insertConversation(api.db.prisma, api.a, { queueId: queue.id });
    const deleted = await api.a.request('DELETE', `/ccaas/1/queues/${queue.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ statusCode: 'SUCCESS', message: 'Queue deleted successfully.' });
    const conversation = await api.db.prisma.conversation.findUniqueOrThrow({
      where: { id: conversationId },
    });
    expect(conversation).toMatchObject({ queueId: null, version: 2 });
    expect((await api.a.request('GET', `/ccaas/1/queues/${queue.id}`)).status).toBe(404);
  });

  test("another tenant's queue is 404 everywhere and stays unchanged", async () => {
    const queue = await api.a.caller.queues.create({ name: 'Private' });
    const agent = await api.b.caller.agents.create({ name: 'Intruder' });
    const attempts = [
      api.b.request('GET', `/ccaas/1/queues/${queue.id}`),
      api.b.request('PUT', `/ccaas/1/queues/${queue.id}`, { name: 'Mine' }),
      api.b.request('DELETE', `/ccaas/1/queues/${queue.id}`),
      api.b.request('GET', `/ccaas/1/queues/${queue.id}/agents`),
      api.b.request('POST', `/ccaas/1/queues/${queue.id}/agents`, { agentId: agent.id }),
      api.b.request('PUT', `/ccaas/1/queues/${queue.id}/agents`, { agentIds: [] }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.requestError.serviceException).toMatchObject({ messageId: 'NOT_FOUND' });
    }
    const list = await api.b.caller.queues.list({ queueIds: [queue.id] });
    expect(list.queues).toEqual([]);
    await expect(api.b.client.queues.get.query({ queueId: queue.id })).rejects.toMatchObject({
      data: { httpStatus: 404 },
    });
    expect(await api.a.caller.queues.get({ queueId: queue.id })).toMatchObject({ name: 'Private' });
  });
});
