import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversationWithMessages } from './support/messages-with-detections';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

const promotion = {
  name: 'Promotion Mention',
  vocabulary: ['We have a special promotion going on', 'I can offer you a discount'],
};

describe.each(testDatabaseKinds())('trackers (Symbl) on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const trackersOf = (tenant: TestTenant) =>
    api.db.prisma.tracker.findMany({
      where: { organizationId: tenant.organization.id },
      orderBy: { createdOn: 'asc' },
    });

  const conversationWith = (tenant: TestTenant, texts: string[]) =>
    conversationWithMessages(api, tenant, texts);

  test('create, get, list (and ?name=), update and delete over REST in Symbl shapes', async () => {
    const tenant = await api.newTenant('Trackers CRUD');
    const created = await tenant.request('POST', '/v1/manage/tracker', promotion);
    expect(created.status).toBe(200);
    const { tracker } = created.body;
    expect(tracker).toEqual({
      id: expect.any(String),
      name: 'Promotion Mention',
      description: null,
      categories: [],
      languages: [],
      vocabulary: promotion.vocabulary,
      createdOn: expect.any(String),
      updatedOn: expect.any(String),
    });
    expect((await tenant.request('GET', `/v1/manage/tracker/${tracker.id}`)).body).toEqual({ tracker });

    const other = await tenant.request('POST', '/v1/manage/tracker', {
      name: 'Voice Message',
      description: 'Automated replies',
      categories: ['Support'],
      languages: ['en-US'],
      vocabulary: ['Please leave message after tone'],
    });
    expect(other.body.tracker).toMatchObject({
      description: 'Automated replies',
      categories: ['Support'],
      languages: ['en-US'],
    });
    const all = await tenant.request('GET', '/v1/manage/trackers');
    expect(all.body).toEqual({ trackers: [tracker, other.body.tracker], nextCursor: null });
    const byName = await tenant.request(
      'GET',
      `/v1/manage/trackers?name=${encodeURIComponent('Promotion Mention')}`,
    );
    expect(byName.body.trackers).toEqual([tracker]);
    expect((await tenant.request('GET', '/v1/manage/trackers?name=nothing')).body.trackers).toEqual([]);

    const updated = await tenant.request('PUT', `/v1/manage/tracker/${tracker.id}`, {
      id: tracker.id,
      name: 'Promotion Mention',
      vocabulary: ['Flash sale is available right now'],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.tracker).toMatchObject({
      id: tracker.id,
      vocabulary: ['Flash sale is available right now'],
    });

    const deleted = await tenant.request('DELETE', `/v1/manage/tracker/${tracker.id}`);
    expect(deleted.body).toEqual({ id: tracker.id, type: 'tracker', deleted: true });
    expect((await tenant.request('GET', `/v1/manage/tracker/${tracker.id}`)).status).toBe(404);
    expect((await trackersOf(tenant)).map((t) => t.name)).toEqual(['Voice Message']);
  });

  test('a duplicate name is 409 on create, bulk and rename; names are case-sensitive', async () => {
    const tenant = await api.newTenant('Tracker names');
    await tenant.request('POST', '/v1/manage/tracker', promotion);
    const again = await tenant.request('POST', '/v1/manage/tracker', promotion);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'Conflict', details: { field: 'name' } });
    const lower = await tenant.request('POST', '/v1/manage/tracker', {
      ...promotion,
      name: 'promotion mention',
    });
    expect(lower.status).toBe(200);
    const rename = await tenant.request('PUT', `/v1/manage/tracker/${lower.body.tracker.id}`, promotion);
    expect(rename.status).toBe(409);
    const bulk = await tenant.request('POST', '/v1/manage/trackers', [
      { name: 'Fresh', vocabulary: ['fresh'] },
      promotion,
    ]);
    expect(bulk.status).toBe(409);
    expect(bulk.body.details.field).toBe('trackers.1.name');
    expect((await trackersOf(tenant)).map((t) => t.name)).toEqual(['Promotion Mention', 'promotion mention']);
  });

  test('POST /v1/manage/trackers takes a bare array, all or nothing, naming the bad item', async () => {
    const tenant = await api.newTenant('Trackers bulk');
    const created = await tenant.request('POST', '/v1/manage/trackers', [
      { name: 'Voice Message', vocabulary: ['At the tone please record'] },
      promotion,
    ]);
    expect(created.status).toBe(200);
    expect(created.body.trackers.map((t: { name: string }) => t.name)).toEqual([
      'Voice Message',
      'Promotion Mention',
    ]);

    const cases: [unknown, string][] = [
      [
        [
          { name: 'A', vocabulary: ['x'] },
          { name: 'B', vocabulary: ['y', 'z', 'Y'] },
        ],
        'trackers.1.vocabulary.2',
      ],
      [
        [
          { name: 'A', vocabulary: ['x'] },
          { name: 'B', vocabulary: [] },
        ],
        'trackers.1.vocabulary',
      ],
      [[{ name: 'A', vocabulary: ['x'] }, { vocabulary: ['y'] }], 'trackers.1.name'],
      [[{ name: 'A', vocabulary: ['x'], languages: ['english!'] }], 'trackers.0.languages.0'],
      [[{ name: 'A', vocabulary: ['x'], description: 'd'.repeat(513) }], 'trackers.0.description'],
    ];
    for (const [body, field] of cases) {
      const res = await tenant.request('POST', '/v1/manage/trackers', body);
      expect(res.status, field).toBe(400);
      expect(res.body.details.field).toBe(field);
    }
    const repeated = await tenant.request('POST', '/v1/manage/trackers', [
      { name: 'Same', vocabulary: ['x'] },
      { name: 'Same', vocabulary: ['y'] },
    ]);
    expect(repeated.status).toBe(409);
    expect(repeated.body.details.field).toBe('trackers.1.name');
    expect(await trackersOf(tenant)).toHaveLength(2);
  });

  test('detections per conversation: exact and similar phrasing, redone on update, removed on delete', async () => {
    const tenant = await api.newTenant('Tracker detections');
    const { tracker } = await tenant.caller.trackers.create({
      name: 'Cancellation',
      vocabulary: ['cancel my subscription'],
    });
    const { conversation, messages } = await conversationWith(tenant, [
      'Hi, I want to cancel my subscription.',
      'Yes, my subscriptions, please cancel them all',
      'Thanks!',
    ]);
    const res = await tenant.request('GET', `/v1/conversations/${conversation.id}/trackers-detected`);
    expect(res.status).toBe(200);
    const ref = (index: number, offset: number) => ({
      id: messages[index]?.id,
      text: messages[index]?.text,
      offset,
    });
    expect(res.body).toEqual([
      {
        id: tracker.id,
        name: 'Cancellation',
        matches: [
          { type: 'vocabulary', value: 'cancel my subscription', messageRefs: [ref(0, 14)], insightRefs: [] },
          {
            type: 'vocabulary',
            value: 'my subscriptions, please cancel',
            messageRefs: [ref(1, 5)],
            insightRefs: [],
          },
        ],
      },
    ]);
    expect((await tenant.request('GET', `/v1/conversations/${conversation.id}/trackers`)).body).toEqual(
      res.body,
    );

    const group = await tenant.caller.groups.create({
      name: 'Churn risk',
      criteria: 'trackers==Cancellation',
    });
    expect(
      (await tenant.caller.groups.members({ groupId: group.group.id })).conversations.map((c) => c.id),
    ).toEqual([conversation.id]);

    await tenant.caller.trackers.update({ trackerId: tracker.id, name: 'Gratitude', vocabulary: ['thanks'] });
    expect(await tenant.client.trackers.detections.query({ conversationId: conversation.id })).toEqual({
      trackers: [
        {
          id: tracker.id,
          name: 'Gratitude',
          matches: [
            {
              messageId: messages[2]?.id,
              messageText: 'Thanks!',
              messageAt: expect.any(String),
              value: 'Thanks',
              start: 0,
              end: 6,
            },
          ],
        },
      ],
    });
    expect((await tenant.caller.groups.count({ groupId: group.group.id })).count).toBe(0);

    await tenant.caller.trackers.delete({ trackerId: tracker.id });
    expect(await tenant.caller.trackers.detections({ conversationId: conversation.id })).toEqual({
      trackers: [],
    });
    expect(await api.db.prisma.detection.count({ where: { refId: tracker.id } })).toBe(0);
  });

  test('a PUT racing a DELETE of the same tracker is 200, 404 or 409, never 500, and leaves no orphan detections', async () => {
    const tenant = await api.newTenant('Tracker races');
    await conversationWith(tenant, ['We have a special promotion going on.', 'I can offer you a discount.']);
    const statuses = new Set<number>();
    for (let round = 0; round < 15; round++) {
      const { tracker } = await tenant.caller.trackers.create({ ...promotion, name: `Race ${round}` });
      const put = (vocabulary: string[]) =>
        tenant.request('PUT', `/v1/manage/tracker/${tracker.id}`, { name: `Race ${round}`, vocabulary });
      const answers = await Promise.all([
        put(['special promotion']),
        tenant.request('DELETE', `/v1/manage/tracker/${tracker.id}`),
        put(['offer you a discount']),
      ]);
      for (const answer of answers) statuses.add(answer.status);
    }
    expect([...statuses].filter((status) => ![200, 404, 409].includes(status))).toEqual([]);
    const trackerIds = (await trackersOf(tenant)).map((tracker) => tracker.id);
    const orphans = await api.db.prisma.detection.count({
      where: { organizationId: tenant.organization.id, kind: 'TRACKER', refId: { notIn: trackerIds } },
    });
    expect(orphans).toBe(0);
  });

  test("tenancy: another organization's trackers and conversations are 404, and untouched", async () => {
    const { tracker } = await api.a.caller.trackers.create({ name: 'A only', vocabulary: ['secret'] });
    expect((await api.b.request('GET', `/v1/manage/tracker/${tracker.id}`)).status).toBe(404);
    const put = await api.b.request('PUT', `/v1/manage/tracker/${tracker.id}`, {
      name: 'Mine',
      vocabulary: ['x'],
    });
    expect(put.status).toBe(404);
    expect(put.body).toEqual({
      error: 'Not Found',
      message: 'Tracker not found',
      details: { field: 'trackerId' },
    });
    expect((await api.b.request('DELETE', `/v1/manage/tracker/${tracker.id}`)).status).toBe(404);
    expect((await api.b.request('GET', '/v1/manage/trackers?name=A%20only')).body.trackers).toEqual([]);
    // B may use the same name: names are unique per organization.
    expect(
      (await api.b.request('POST', '/v1/manage/tracker', { name: 'A only', vocabulary: ['x'] })).status,
    ).toBe(200);
    const { conversation } = await conversationWith(api.a, ['a secret']);
    expect((await api.b.request('GET', `/v1/conversations/${conversation.id}/trackers`)).status).toBe(404);
    expect(await api.a.caller.trackers.get({ trackerId: tracker.id })).toEqual({ tracker });
  });

  test('every mutation records an audit event', async () => {
    const tenant = await api.newTenant('Tracker audit');
    const { tracker } = await tenant.caller.trackers.create({ name: 'T', vocabulary: ['v'] });
    await tenant.caller.trackers.update({ trackerId: tracker.id, name: 'T2', vocabulary: ['v'] });
    await tenant.caller.trackers.delete({ trackerId: tracker.id });
    const events = await api.db.prisma.auditEvent.findMany({
      where: { organizationId: tenant.organization.id, entityType: 'tracker' },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['tracker.create', 'tracker.update', 'tracker.delete']);
    expect(events[1]).toMatchObject({ before: { name: 'T' }, after: { name: 'T2' } });
  });

  test('end to end over REST: a message added through the messages endpoint is detected at once', async () => {
    const tenant = await api.newTenant('Tracker end to end');
    await tenant.request('POST', '/v1/manage/tracker', { name: 'Refunds', vocabulary: ['refund'] });
    const created = await tenant.request('POST', '/ccaas/1/conversations', { topic: 'Billing' });
    expect(created.status).toBe(200);
    const conversationId = created.body.id;
    const message = await tenant.request('POST', `/ccaas/1/conversations/${conversationId}/messages`, {
      from: 'customer',
      text: 'I was refunded twice?',
    });
    expect(message.status).toBe(200);
    const detections = await tenant.request('GET', `/v1/conversations/${conversationId}/trackers`);
    expect(detections.body).toMatchObject([
      {
        name: 'Refunds',
        matches: [
          {
            value: 'refunded',
            messageRefs: [{ id: message.body.id, text: 'I was refunded twice?', offset: 6 }],
          },
        ],
      },
    ]);
    const { group } = (
      await tenant.request('POST', '/v1/manage/group', { name: 'Refunds', criteria: 'trackers==Refunds' })
    ).body;
    const members = await tenant.request('GET', `/v1/groups/${group.id}/conversations`);
    expect(members.body.conversations.map((c: { id: string }) => c.id)).toEqual([conversationId]);
  });
});
