import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertConversation } from './support/concurrency/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe.each(testDatabaseKinds())('relative instants in criteria on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('list filters, groups and routes read `now` when they run', async () => {
    const org = await api.newTenant('Relative');
    const conversation = async (topic: string, hours: number) => {
      const id = await insertConversation(api.db.prisma, org, { topic });
      await api.db.prisma.conversation.update({ where: { id }, data: { createdAt: hoursAgo(hours) } });
      return id;
    };
    const old = await conversation('old', 6);
    await conversation('new', 1);

    const listed = await org.request('GET', '/ccaas/1/conversations?criteria=createdAt%3Cnow-4h');
    expect(listed.status).toBe(200);
    expect(listed.body.conversations.map((c: { id: string }) => c.id)).toEqual([old]);

    const group = await org.caller.groups.create({ name: 'Waiting long', criteria: 'createdAt<now-4h' });
    const members = await org.caller.groups.members({ groupId: group.group.id });
    expect(members.conversations.map((c) => c.id)).toEqual([old]);

    const queue = await org.caller.queues.create({ name: 'Escalations' });
    await org.caller.routing.set({
      routes: [{ name: 'Old', queueId: queue.id, criteria: 'createdAt<=now-P0DT4H' }],
    });
    expect((await org.caller.conversations.route({ conversationId: old })).queueId).toBe(queue.id);
  });

  test('a bad duration answers 400 with its position, in every family', async () => {
    const org = await api.newTenant('Bad relative');
    const list = await org.request('GET', '/ccaas/1/conversations?criteria=createdAt%3Cnow-4y');
    expect(list.status).toBe(400);
    expect(JSON.stringify(list.body)).toMatch(/unknown unit \\"y\\"/);
    const group = await org.request('POST', '/v1/manage/group', {
      name: 'x',
      criteria: 'updatedAt>=now-P1M',
    });
    expect(group.status).toBe(400);
    expect(JSON.stringify(group.body)).toMatch(/years and months/);
    expect(JSON.stringify(group.body)).toMatch(/1:17/);
  });
});
