import { setTimeout as sleep } from 'node:timers/promises';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { defaultWebhookSettings } from '../../src/webhooks/settings';
import { startTestApi, type TestApi, type TestTenant } from '../support/test-api';
import {
  answerStatus,
  type ReceivedRequest,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver';

// Deliveries end to end: real API writes → event log → dispatcher → a fake receiver over real
// HTTP on 127.0.0.1, verified with standardwebhooks as a receiver would. The retry schedule is
// scaled down (base 100 ms, dead letter after 8 s, disable after 6 s of failures) so that a
// day of retries takes seconds; the shape of the schedule is the production one. Waits are
// generous (`eventually`): the machine may be busy, and only the order of things is asserted.
const settings = {
  allowPrivateTargets: true,
  retryBaseMs: 100,
  // Generous: the receivers share this process with the API and PGlite, and an answer that comes
  // after the timeout is retried (a legitimate duplicate, with the same webhook-id).
  timeoutMs: 5_000,
  deadLetterAfterMs: 8_000,
  disableAfterMs: 6_000,
  pollIntervalMs: 100,
};

const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 30_000, interval: 100 });

interface Payload {
  id: string;
  type: string;
  organizationId: string;
  data: { conversation?: { id: string; topic: string } };
}

describe.each(testDatabaseKinds())('webhook deliveries on %s', (kind) => {
  let api: TestApi;
  const receivers: WebhookReceiver[] = [];
  beforeAll(async () => {
    api = await startTestApi(kind, { webhooks: settings });
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.stop()));
    await api.close();
  });

  const receiver = async () => {
    const started = await startWebhookReceiver();
    receivers.push(started);
    return started;
  };
  /** A subscription of the tenant to the receiver for conversations with this topic. */
  const subscribe = (
    tenant: TestTenant,
    to: WebhookReceiver,
    topic: string,
    events = ['conversation.created'],
  ) => tenant.client.webhooks.create.mutate({ url: to.url, events, criteria: `topic==${topic}` });
  const createConversations = async (tenant: TestTenant, topic: string, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await tenant.caller.conversations.create({ topic })).id);
    return ids;
  };
  const deliveriesOf = async (tenant: TestTenant, webhookId: string) =>
    (await tenant.client.webhooks.deliveries.query({ webhookId, limit: 100 })).deliveries;

  test('a delivery is signed per Standard Webhooks: webhook-id is the event id, the body its payload', async () => {
    const to = await receiver();
    const webhook = await subscribe(api.a, to, 'signed', ['conversation.created', 'conversation.tagged']);
    const [conversationId] = await createConversations(api.a, 'signed', 1);
    await api.a.caller.tags.addToConversation({ conversationId: conversationId as string, tagName: 'vip' });
    await api.a.caller.conversations.update({
      conversationId: conversationId as string,
      summary: 'not subscribed',
    });
    await eventually(() => expect(to.received).toHaveLength(2));

    const payloads = to.verified(webhook.secret) as Payload[];
    expect(payloads.map((p) => p.type)).toEqual(['conversation.created', 'conversation.tagged']);
    for (const [index, payload] of payloads.entries()) {
      const request = to.received[index];
      expect(request?.headers['webhook-id']).toBe(payload.id);
      expect(request?.headers['content-type']).toBe('application/json');
      expect(Math.abs(Number(request?.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
      expect(payload).toMatchObject({
        organizationId: api.a.organization.id,
        data: { conversation: { id: conversationId } },
      });
    }
    // A wrong secret does not verify.
    const wrong = new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`);
    expect(() =>
      wrong.verify(to.received[0]?.body as string, to.received[0]?.headers as Record<string, string>),
    ).toThrow();

    await eventually(async () => {
      const deliveries = await deliveriesOf(api.a, webhook.id);
      expect(deliveries.map((d) => [d.status, d.attempts, d.lastStatusCode, d.lastResponseBody])).toEqual([
        ['DELIVERED', 1, 200, 'ok'],
        ['DELIVERED', 1, 200, 'ok'],
      ]);
    });
  });

  test('after a rotation each delivery carries both signatures and verifies with either secret', async () => {
    const to = await receiver();
    const webhook = await subscribe(api.a, to, 'rotation');
    const rotated = await api.a.client.webhooks.rotateSecret.mutate({ webhookId: webhook.id });
    await createConversations(api.a, 'rotation', 1);
    await eventually(() => expect(to.received).toHaveLength(1));
    expect(to.received[0]?.headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    expect(to.verified(webhook.secret)).toEqual(to.verified(rotated.secret));
  });

  test('500 and 500 again are retried on the schedule, with the same webhook-id, until 200', async () => {
    const to = await receiver();
    let calls = 0;
    to.answerWith((_request, res) => {
      calls++;
      answerStatus(calls <= 2 ? 500 : 200, calls <= 2 ? 'try later' : 'ok')(_request, res);
    });
    const webhook = await subscribe(api.a, to, 'retry500');
    await createConversations(api.a, 'retry500', 1);
    await eventually(() => expect(to.received).toHaveLength(3));
    expect(new Set(to.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const [first, second, third] = to.received.map((r) => r.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(80); // 100 ms −20 % jitter
    expect(third - second).toBeGreaterThanOrEqual(320); // 400 ms −20 %
    await eventually(async () =>
      expect(await deliveriesOf(api.a, webhook.id)).toMatchObject([
        { status: 'DELIVERED', attempts: 3, lastError: null },
      ]),
    );
  });

  test('429 is retried no sooner than its Retry-After', async () => {
    const to = await receiver();
    let calls = 0;
    to.answerWith((request, res) => {
      calls++;
      if (calls === 1) answerStatus(429, 'slow down', { 'retry-after': '1' })(request, res);
      else answerStatus(204)(request, res);
    });
    await subscribe(api.a, to, 'retry429');
    await createConversations(api.a, 'retry429', 1);
    await eventually(() => expect(to.received).toHaveLength(2));
    expect((to.received[1]?.at as number) - (to.received[0]?.at as number)).toBeGreaterThanOrEqual(990);
  });

  test('a receiver that does not answer in time is retried', async () => {
    const to = await receiver();
    let calls = 0;
    to.answerWith(async (request, res) => {
      calls++;
      if (calls === 1) await sleep(8_000);
      answerStatus(200)(request, res);
    });
    const webhook = await subscribe(api.a, to, 'timeout');
    await createConversations(api.a, 'timeout', 1);
    await eventually(() => expect(to.received).toHaveLength(2));
    // The first attempt was given up at the timeout (5 s; its answer would have come at 8 s), then
    // retried after the first delay.
    const [first, second] = to.received as [ReceivedRequest, ReceivedRequest];
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.at - first.at).toBeGreaterThanOrEqual(4_900);
    await eventually(async () =>
      expect(await deliveriesOf(api.a, webhook.id)).toMatchObject([{ status: 'DELIVERED', attempts: 2 }]),
    );
  });

  test('400 is not retried: the delivery fails at once with the answer recorded', async () => {
    const to = await receiver();
    to.answerWith(answerStatus(400, '{"error":"unknown field"}'));
    const webhook = await subscribe(api.a, to, 'bad400');
    await createConversations(api.a, 'bad400', 1);
    await eventually(async () =>
      expect(await deliveriesOf(api.a, webhook.id)).toMatchObject([
        { status: 'FAILED', attempts: 1, lastStatusCode: 400, lastResponseBody: '{"error":"unknown field"}' },
      ]),
    );
    await sleep(800); // several retry periods
    expect(to.received).toHaveLength(1);
  });

  test('a redirect is not followed: the delivery fails with the 3xx recorded', async () => {
    const elsewhere = await receiver();
    const to = await receiver();
    to.answerWith(answerStatus(307, '', { location: elsewhere.url }));
    const webhook = await subscribe(api.a, to, 'redirect');
    await createConversations(api.a, 'redirect', 1);
    await eventually(async () =>
      expect(await deliveriesOf(api.a, webhook.id)).toMatchObject([
        {
          status: 'FAILED',
          attempts: 1,
          lastStatusCode: 307,
          lastError: 'the receiver answered 307; not retried',
        },
      ]),
    );
    expect(elsewhere.received).toHaveLength(0);
  });

  test("a receiver's garbage answer is recorded, bounded and storable, never a crash", async () => {
    const to = await receiver();
    let calls = 0;
    to.answerWith((_request, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(500, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.concat([Buffer.from([0, 0xff, 0xfe, 0xc3, 0x28]), Buffer.alloc(200_000, 0x41)]));
      } else if (calls === 2) {
        res.socket?.destroy(); // hang up mid-answer
      } else answerStatus(200, '\u0000nul\u0000')(_request, res);
    });
    const webhook = await subscribe(api.a, to, 'garbage');
    await createConversations(api.a, 'garbage', 1);
    await eventually(async () => {
      const [delivery] = await deliveriesOf(api.a, webhook.id);
      expect(delivery?.attempts).toBeGreaterThanOrEqual(1);
      expect(delivery?.lastResponseBody?.length).toBeLessThanOrEqual(1_025);
      expect(delivery?.lastResponseBody).not.toContain('\u0000');
    });
    await eventually(async () =>
      expect(await deliveriesOf(api.a, webhook.id)).toMatchObject([
        { status: 'DELIVERED', attempts: 3, lastResponseBody: 'nul' },
      ]),
    );
  });

  test('a receiver that is down for a while, then back, receives every event', async () => {
    const to = await receiver();
    await subscribe(api.a, to, 'downtime');
    await to.stop();
    const ids = await createConversations(api.a, 'downtime', 5);
    await sleep(1_000); // attempts at about 0, 0.1 and 0.5 s are refused
    await to.start();
    await eventually(() => expect(new Set(to.received.map((r) => r.headers['webhook-id'])).size).toBe(5));
    const delivered = (to.received.map((r) => JSON.parse(r.body)) as Payload[]).map(
      (p) => p.data.conversation?.id,
    );
    expect(new Set(delivered)).toEqual(new Set(ids));
  });

  test('a delivery failing past the deadline is dead-lettered; replaying it delivers it with the same webhook-id', async () => {
    const to = await receiver();
    to.answerWith(answerStatus(503));
    const webhook = await subscribe(api.a, to, 'deadletter');
    await createConversations(api.a, 'deadletter', 1);
    await eventually(async () =>
      expect(await deliveriesOf(api.a, webhook.id)).toMatchObject([
        { status: 'DEAD_LETTERED', lastStatusCode: 503 },
      ]),
    );
    const attemptsBefore = to.received.length;
    expect(attemptsBefore).toBeGreaterThanOrEqual(3);
    to.answerWith(answerStatus(200));
    // Failing this long may also have disabled the subscription (disableAfterMs < deadLetterAfterMs
    // here); turned back on, as its owner would, its replays are delivered.
    await api.a.client.webhooks.update.mutate({ webhookId: webhook.id, enabled: true });
    const [dead] = await deliveriesOf(api.a, webhook.id);
    const replayed = await api.a.request('POST', `/v1/webhooks/${webhook.id}/replay`, {
      eventId: dead?.eventId,
    });
    expect(replayed.body).toEqual({ replayed: 1 });
    await eventually(() => expect(to.received).toHaveLength(attemptsBefore + 1));
    expect(to.received.at(-1)?.headers['webhook-id']).toBe(dead?.eventId);
    await eventually(async () =>
      expect(await deliveriesOf(api.a, webhook.id)).toMatchObject([{ status: 'DELIVERED', attempts: 1 }]),
    );

    // A time range replays what the subscription selects, once more with the same ids.
    const since = new Date(Date.now() - 60_000).toISOString();
    const range = await api.a.request('POST', `/v1/webhooks/${webhook.id}/replay`, { since });
    expect(range.body).toEqual({ replayed: 1 });
    await eventually(() => expect(to.received).toHaveLength(attemptsBefore + 2));
    expect(to.received.at(-1)?.headers['webhook-id']).toBe(dead?.eventId);
  });

  test('a subscription failing for longer than the limit is disabled, with a webhook.disabled event', async () => {
    const failing = await receiver();
    failing.answerWith(answerStatus(500));
    const watcher = await receiver();
    const webhook = await subscribe(api.a, failing, 'disable');
    const watch = await api.a.client.webhooks.create.mutate({
      url: watcher.url,
      events: ['webhook.disabled'],
    });
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      await createConversations(api.a, 'disable', 1);
      if (!(await api.a.client.webhooks.get.query({ webhookId: webhook.id })).enabled) break;
      await sleep(300);
    }
    const disabled = await api.a.client.webhooks.get.query({ webhookId: webhook.id });
    expect(disabled).toMatchObject({
      enabled: false,
      disabledReason: expect.stringContaining('every delivery has failed since'),
    });
    await eventually(() => expect(watcher.received).toHaveLength(1));
    expect(watcher.verified(watch.secret)).toMatchObject([
      {
        type: 'webhook.disabled',
        actor: { type: 'SYSTEM', id: 'webhooks' },
        data: { webhook: { id: webhook.id, enabled: false } },
      },
    ]);
    // Disabled: new events are not delivered to it (attempts in flight when it was disabled end first).
    await sleep(1_000);
    const before = failing.received.length;
    await createConversations(api.a, 'disable', 1);
    await sleep(500);
    expect(failing.received.length).toBe(before);
  });

  test('no tenant receives another tenant’s events', async () => {
    const toA = await receiver();
    const toB = await receiver();
    const webhookB = await api.b.client.webhooks.create.mutate({
      url: toB.url,
      events: ['conversation.created'],
    });
    await subscribe(api.a, toA, 'tenancy');
    const idsOfA = await createConversations(api.a, 'tenancy', 3);
    const [idOfB] = await createConversations(api.b, 'tenancy', 1);
    const distinctIds = (to: WebhookReceiver) =>
      new Set(to.received.map((r) => r.headers['webhook-id'])).size;
    await eventually(() => expect(distinctIds(toA)).toBe(3));
    await eventually(() => expect(distinctIds(toB)).toBe(1));
    await sleep(300);
    const seenByB = (toB.verified(webhookB.secret) as Payload[]).map(
      (p) => `${p.organizationId} ${p.data.conversation?.id}`,
    );
    expect(new Set(seenByB)).toEqual(new Set([`${api.b.organization.id} ${idOfB}`]));
    const seenByA = (toA.received.map((r) => JSON.parse(r.body)) as Payload[]).map(
      (p) => p.data.conversation?.id,
    );
    expect(new Set(seenByA)).toEqual(new Set(idsOfA));
  });

  test('a group subscription receives its members’ changes and the group’s enter/leave', async () => {
    const to = await receiver();
    const group = await api.a.caller.groups.create({ name: 'Webhook VIP', criteria: 'tags==whvip' });
    const webhook = await api.a.client.webhooks.create.mutate({
      url: to.url,
      events: ['conversation.tagged', 'conversation.untagged', 'group.entered', 'group.left'],
      groupId: group.group.id,
    });
    const [member, outsider] = (await createConversations(api.a, 'groups', 2)) as [string, string];
    await api.a.caller.tags.addToConversation({ conversationId: outsider, tagName: 'other' });
    await api.a.caller.tags.addToConversation({ conversationId: member, tagName: 'whvip' });
    await api.a.caller.tags.removeFromConversation({ conversationId: member, tagName: 'whvip' });
    await eventually(() => expect(to.received.length).toBeGreaterThanOrEqual(3));
    await sleep(300);
    const payloads = to.verified(webhook.secret) as (Payload & { data: { group?: { id: string } } })[];
    expect(payloads.map((p) => p.type).sort()).toEqual([
      'conversation.tagged',
      'group.entered',
      'group.left',
    ]);
    expect(payloads.every((p) => p.data.conversation?.id === member)).toBe(true);
  });
});

// Its own API: attempts may take a minute here, so a receiver that never answers holds its
// subscription's slots for the whole test; another subscription must not wait for them.
describe.each(testDatabaseKinds())('a slow receiver on %s', (kind) => {
  let api: TestApi;
  let slow: WebhookReceiver;
  let fast: WebhookReceiver;
  beforeAll(async () => {
    api = await startTestApi(kind, { webhooks: { ...settings, timeoutMs: 60_000 } });
    slow = await startWebhookReceiver();
    fast = await startWebhookReceiver();
  });
  afterAll(async () => {
    await Promise.all([slow.stop(), fast.stop()]);
    await api.close();
  });

  test('does not delay another subscription', async () => {
    slow.answerWith(() => new Promise(() => {})); // never answers
    for (const to of [slow, fast]) {
      await api.a.client.webhooks.create.mutate({ url: to.url, events: ['conversation.created'] });
    }
    const { perSubscriptionConcurrency } = defaultWebhookSettings;
    const creates = perSubscriptionConcurrency + 6;
    for (let i = 0; i < creates; i++) await api.a.caller.conversations.create({ topic: `slow ${i}` });
    await eventually(() => expect(fast.received).toHaveLength(creates));
    // The slow one holds its share of this process's attempts and gets no more until one ends.
    await eventually(() => expect(slow.received).toHaveLength(perSubscriptionConcurrency));
    await sleep(500);
    expect(slow.received).toHaveLength(perSubscriptionConcurrency);
  });
});
