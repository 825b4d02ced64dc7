import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pruneDeliveries } from '../../src/webhooks/prune-deliveries';
import { startTestApi, type TestApi } from '../support/test-api';

// Subscriptions as callers manage them, over REST and tRPC. Targets are public addresses that
// a custom resolver gives (no event is written here, so nothing is delivered).
const publicHosts: Record<string, string> = {
  'hooks.example.com': '93.184.216.34',
  'other.example.com': '8.8.8.8',
};
const resolveHost = async (hostname: string) => {
  const address = publicHosts[hostname];
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return [{ address, family: 4 }];
};

describe.each(testDatabaseKinds())('webhook subscriptions on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind, { webhooks: { resolveHost } });
  });
  afterAll(() => api.close());

  const valid = { url: 'https://hooks.example.com/switchboard', events: ['conversation.created'] };

  test('create answers 201 with a whsec_ secret once; get and list never show it', async () => {
    const created = await api.a.request('POST', '/v1/webhooks', { ...valid, description: 'CRM' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...valid,
      description: 'CRM',
      enabled: true,
      criteria: null,
      groupId: null,
    });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const got = await api.a.request('GET', `/v1/webhooks/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.secret).toBeUndefined();
    expect(JSON.stringify(got.body)).not.toContain(created.body.secret.slice(6));
    const listed = await api.a.request('GET', '/v1/webhooks');
    expect(listed.body.webhooks.map((w: { id: string }) => w.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
  });

  test('update changes fields, null clears them; delete removes; tRPC speaks the same', async () => {
    const group = await api.a.caller.groups.create({ name: 'VIP', criteria: 'tags==vip' });
    const created = await api.a.client.webhooks.create.mutate({ ...valid, criteria: 'priority>=HIGH' });
    const updated = await api.a.request('PATCH', `/v1/webhooks/${created.id}`, {
      events: ['conversation.created', 'group.entered', 'group.left'],
      groupId: group.group.id,
      criteria: null,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      criteria: null,
      groupId: group.group.id,
      events: ['conversation.created', 'group.entered', 'group.left'],
    });
    expect((await api.a.client.webhooks.get.query({ webhookId: created.id })).groupId).toBe(group.group.id);
    const disabled = await api.a.client.webhooks.update.mutate({ webhookId: created.id, enabled: false });
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'disabled by a user' });
    const enabled = await api.a.client.webhooks.update.mutate({ webhookId: created.id, enabled: true });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });

    expect((await api.a.request('DELETE', `/v1/webhooks/${created.id}`)).status).toBe(200);
    expect((await api.a.request('GET', `/v1/webhooks/${created.id}`)).status).toBe(404);
  });

  test('rotate shows a new secret once and keeps the old one signing for 24 hours', async () => {
    const created = await api.a.client.webhooks.create.mutate(valid);
    const rotated = await api.a.request('POST', `/v1/webhooks/${created.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    const overlapEnds = Date.parse(rotated.body.previousSecretExpiresAt) - Date.now();
    expect(overlapEnds).toBeGreaterThan(23.9 * 3_600_000);
    expect(overlapEnds).toBeLessThanOrEqual(24 * 3_600_000);
  });

  test.each([
    [{ ...valid, url: 'not a url' }, 'url', 'not a valid absolute URL'],
    [{ ...valid, url: 'ftp://hooks.example.com/x' }, 'url', 'must use http or https'],
    [{ ...valid, url: 'https://user:pw@hooks.example.com/x' }, 'url', 'must not contain a user name'],
    [{ ...valid, url: `https://hooks.example.com/${'x'.repeat(2100)}` }, 'url', 'at most 2048'],
    [{ ...valid, url: 'https://nowhere.invalid/x' }, 'url', 'could not be resolved'],
    [{ ...valid, events: [] }, 'events', 'at least one event type'],
    [
      { ...valid, events: ['conversation.created', 'conversation.exploded'] },
      'events.1',
      'unknown event type "conversation.exploded"',
    ],
    [{ ...valid, events: 'conversation.created' }, 'events', 'expected array'],
    [{ url: valid.url }, 'events', ''],
    [{ ...valid, description: 'd'.repeat(600) }, 'description', ''],
  ])('refuses %j with 400 naming %s', async (body, field, message) => {
    const res = await api.a.request('POST', '/v1/webhooks', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect(res.body.details.field).toBe(field);
    expect(res.body.message).toContain(message);
    expect(JSON.stringify(res.body)).not.toContain('    at ');
  });

  test('bad criteria: 400 with the position', async () => {
    const res = await api.a.request('POST', '/v1/webhooks', {
      ...valid,
      criteria: 'priority>=HIGH and agnetId==x',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Invalid Criteria');
    expect(res.body.message).toContain('criteria: Unknown field "agnetId" at 1:20');
    expect(res.body.details).toMatchObject({ code: 'UNKNOWN_FIELD', line: 1, column: 20, input: 'criteria' });
  });

  test("another tenant's group id is 404 like no group; another tenant's webhook is 404 everywhere", async () => {
    const groupOfB = await api.b.caller.groups.create({ name: 'B only', criteria: 'tags==b' });
    const withB = await api.a.request('POST', '/v1/webhooks', { ...valid, groupId: groupOfB.group.id });
    expect(withB.status).toBe(404);
    expect(withB.body).toMatchObject({
      error: 'Not Found',
      message: 'Group not found',
      details: { field: 'groupId' },
    });

    const ofB = await api.b.client.webhooks.create.mutate(valid);
    for (const [method, path, body] of [
      ['GET', `/v1/webhooks/${ofB.id}`],
      ['PATCH', `/v1/webhooks/${ofB.id}`, { description: 'mine now' }],
      ['DELETE', `/v1/webhooks/${ofB.id}`],
      ['POST', `/v1/webhooks/${ofB.id}/rotate-secret`],
      ['GET', `/v1/webhooks/${ofB.id}/deliveries`],
      ['POST', `/v1/webhooks/${ofB.id}/replay`, { since: '2026-01-01T00:00:00Z' }],
    ] as const) {
      const res = await api.a.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.message).toBe('Webhook not found');
    }
    const listedByA = await api.a.request('GET', '/v1/webhooks');
    expect(listedByA.body.webhooks.map((w: { id: string }) => w.id)).not.toContain(ofB.id);
    expect((await api.b.client.webhooks.get.query({ webhookId: ofB.id })).description).toBeNull();
  });

  test('replay needs exactly one of eventId and since; an unknown event is 404', async () => {
    const created = await api.a.client.webhooks.create.mutate(valid);
    const neither = await api.a.request('POST', `/v1/webhooks/${created.id}/replay`, {});
    expect(neither.status).toBe(400);
    expect(neither.body.message).toContain('Send either eventId, or since');
    const badTime = await api.a.request('POST', `/v1/webhooks/${created.id}/replay`, { since: 'yesterday' });
    expect(badTime.status).toBe(400);
    expect(badTime.body.details.field).toBe('since');
    const unknown = await api.a.request('POST', `/v1/webhooks/${created.id}/replay`, {
      eventId: 'no-such-event',
    });
    expect(unknown.status).toBe(404);
  });

  test('deliveries older than the event retention are pruned, newer ones kept', async () => {
    const webhook = await api.a.client.webhooks.create.mutate(valid);
    const delivery = (eventId: string, createdAt: Date) => ({
      organizationId: api.a.organization.id,
      subscriptionId: webhook.id,
      eventId,
      eventSequence: 1n,
      eventType: 'conversation.created',
      status: 'DELIVERED' as const,
      createdAt,
    });
    const day = 86_400_000;
    await api.db.prisma.webhookDelivery.createMany({
      data: [
        delivery('old-event', new Date(Date.now() - 8 * day)),
        delivery('new-event', new Date(Date.now() - day)),
      ],
    });
    expect(await pruneDeliveries(api.db.prisma, 7 * day)).toBe(1);
    const left = await api.db.prisma.webhookDelivery.findMany({ where: { subscriptionId: webhook.id } });
    expect(left.map((row) => row.eventId)).toEqual(['new-event']);
  });
});
