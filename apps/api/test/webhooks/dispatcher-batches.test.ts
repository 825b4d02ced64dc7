import { setTimeout as sleep } from 'node:timers/promises';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createLogger } from '../../src/logger';
import { claimDeliveries } from '../../src/webhooks/claim-deliveries';
import { fanOutEvents } from '../../src/webhooks/fan-out';
import { recordDeliveries } from '../../src/webhooks/record-deliveries';
import { generateWebhookSecret } from '../../src/webhooks/secrets';
import { defaultWebhookSettings } from '../../src/webhooks/settings';
import { startWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher';
import { startTestApi, type TestApi, type TestTenant } from '../support/test-api';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

// How the dispatcher batches its database work: a subscription's due deliveries are claimed
// ahead in one line (each lease covering the attempts before it), successes are written
// together, and a dispatcher that stops gives back what it claimed and did not send. This API
// runs no dispatcher of its own: each test drives the parts, or starts one, itself.
describe.each(testDatabaseKinds())('webhook dispatcher batches on %s', (kind) => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    api = await startTestApi(kind);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.stop();
    await api.close();
  });

  /** A subscription of its own (a new tenant) with `count` conversations turned into deliveries. */
  const backlog = async (name: string, count: number) => {
    const tenant: TestTenant = await api.newTenant(name);
    // Stored directly: this API checks no targets (it has no webhook settings).
    const webhook = await api.db.prisma.webhookSubscription.create({
      data: {
        organizationId: tenant.organization.id,
        url: receiver.url,
        events: ['conversation.created'],
        secret: generateWebhookSecret(),
      },
    });
    for (let i = 0; i < count; i++) await tenant.caller.conversations.create({ topic: `${name} ${i}` });
    await fanOutEvents(api.db.prisma);
    return { tenant, webhook };
  };
  const deliveriesOf = (subscriptionId: string) =>
    api.db.prisma.webhookDelivery.findMany({ where: { subscriptionId }, orderBy: { eventSequence: 'asc' } });
  const lease = { attemptMs: 1_000, marginMs: 500, concurrency: 4 };

  test('a claim takes a subscription’s line ahead; each lease covers the attempts before it', async () => {
    const { webhook } = await backlog('line', 10);
    const now = new Date();
    const claimed = await claimDeliveries(api.db.prisma, {
      now,
      lease,
      room: { [webhook.id]: 7 },
      perSubscription: 8,
      limit: 100,
    });
    expect(claimed).toHaveLength(7);
    const rows = await deliveriesOf(webhook.id);
    // Already holding one (room 7 of 8): positions 2…8, so 3 in the first round of 4, 4 in the second.
    const leases = rows
      .filter((row) => row.attempts === 1)
      .map((row) => row.nextAttemptAt.getTime() - now.getTime());
    expect(leases).toEqual([1_500, 1_500, 1_500, 2_500, 2_500, 2_500, 2_500]);
    expect(rows.filter((row) => row.attempts === 0)).toHaveLength(3);
    // No room left: nothing more of this subscription, however much is due.
    const more = await claimDeliveries(api.db.prisma, {
      now,
      lease,
      room: { [webhook.id]: 0 },
      perSubscription: 8,
      limit: 100,
    });
    expect(more.filter((delivery) => delivery.subscriptionId === webhook.id)).toEqual([]);
  });

  test('successes are written together, each only where the row is still its claim’s', async () => {
    const { webhook } = await backlog('batch', 3);
    const claimed = await claimDeliveries(api.db.prisma, {
      now: new Date(),
      lease,
      room: {},
      perSubscription: 8,
      limit: 100,
    });
    const ours = claimed.filter((delivery) => delivery.subscriptionId === webhook.id);
    expect(ours).toHaveLength(3);
    await api.db.prisma.webhookSubscription.update({
      where: { id: webhook.id },
      data: { failingSince: new Date() },
    });
    const answer = {
      verdict: 'delivered' as const,
      statusCode: 204,
      responseBody: 'ok',
      error: null,
      retryAfterMs: null,
    };
    const [first, second, third] = ours as [(typeof ours)[0], (typeof ours)[0], (typeof ours)[0]];
    // The third's lease ran out and another claim (attempt 2) holds it now: its old result is ignored.
    await api.db.prisma.webhookDelivery.update({ where: { id: third.id }, data: { attempts: 2 } });
    await recordDeliveries(
      api.db.prisma,
      [first, second, third].map((delivery) => ({ delivery, result: answer })),
    );
    const rows = await deliveriesOf(webhook.id);
    expect(rows.map((row) => [row.status, row.lastStatusCode, row.lastResponseBody])).toEqual([
      ['DELIVERED', 204, 'ok'],
      ['DELIVERED', 204, 'ok'],
      ['PENDING', null, null],
    ]);
    const subscription = await api.db.prisma.webhookSubscription.findUniqueOrThrow({
      where: { id: webhook.id },
    });
    expect(subscription.failingSince).toBeNull();
  });

  test('a dispatcher that stops gives back what it claimed and did not send; the next sends each once', async () => {
    const { webhook } = await backlog('release', 6);
    const slow = await startWebhookReceiver();
    slow.answerWith(async (_request, res) => {
      await sleep(300);
      res.writeHead(200).end('ok');
    });
    await api.db.prisma.webhookSubscription.update({ where: { id: webhook.id }, data: { url: slow.url } });
    const logger = createLogger('silent');
    const settings = {
      ...defaultWebhookSettings,
      allowPrivateTargets: true,
      perSubscriptionConcurrency: 1,
      pollIntervalMs: 100,
    };
    try {
      const first = startWebhookDispatcher(api.db, settings, logger);
      await vi.waitFor(() => expect(slow.received.length).toBeGreaterThanOrEqual(1), { timeout: 30_000 });
      await first.stop();
      const sent = slow.received.length;
      const rows = await deliveriesOf(webhook.id);
      expect(rows.filter((row) => row.status === 'DELIVERED')).toHaveLength(sent);
      const unsent = rows.filter((row) => row.status === 'PENDING');
      expect(unsent).toHaveLength(6 - sent);
      for (const row of unsent) {
        expect(row.attempts).toBe(0);
        expect(row.firstAttemptAt).toBeNull();
        expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      }

      const second = startWebhookDispatcher(api.db, settings, logger);
      await vi.waitFor(() => expect(slow.received).toHaveLength(6), { timeout: 30_000 });
      await sleep(500); // room for a duplicate to arrive
      await second.stop();
      expect(new Set(slow.received.map((request) => request.headers['webhook-id'])).size).toBe(6);
      expect(slow.received).toHaveLength(6);
    } finally {
      await slow.stop();
    }
  });
});
