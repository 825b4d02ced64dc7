import { setTimeout as sleep } from 'node:timers/promises';
import { Prisma } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createLogger, forwardingLogger } from '../../src/logger';
import { claimDeliveries, claimSql } from '../../src/webhooks/claim-deliveries';
import { dispatchPolicies } from '../../src/webhooks/dispatch-policy';
import { fanOutEvents } from '../../src/webhooks/fan-out';
import { recordAttempt } from '../../src/webhooks/record-attempt';
import { recordDeliveries } from '../../src/webhooks/record-deliveries';
import { replayEvents } from '../../src/webhooks/replay';
import { generateWebhookSecret } from '../../src/webhooks/secrets';
import { defaultWebhookSettings } from '../../src/webhooks/settings';
import { startWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher';
import { startTestApi, type TestApi, type TestTenant } from '../support/test-api';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

interface PlanNode {
  'Relation Name'?: string;
  'CTE Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows a plan read from one table, over all its scans (kept and filtered out, × loops). */
const rowsReadFrom = (node: PlanNode, table: string): number =>
  (node['Relation Name'] === table
    ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1)
    : 0) + (node.Plans ?? []).reduce((sum, child) => sum + rowsReadFrom(child, table), 0);

/** Rows a plan read from one of its CTEs, over all its scans. */
const rowsReadFromCte = (node: PlanNode, cte: string): number =>
  (node['CTE Name'] === cte
    ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1)
    : 0) + (node.Plans ?? []).reduce((sum, child) => sum + rowsReadFromCte(child, cte), 0);

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

  /**
   * A subscription of the tenant to conversation.created at the receiver, its cursor at `cursor`.
   * Stored directly: this API checks no targets (it has no webhook settings).
   */
  const subscribe = (tenant: TestTenant, cursor = 0) =>
    api.db.prisma.webhookSubscription.create({
      data: {
        organizationId: tenant.organization.id,
        url: receiver.url,
        events: ['conversation.created'],
        secret: generateWebhookSecret(),
        cursor,
      },
    });

  /** A subscription of its own (a new tenant) with `count` conversations turned into deliveries. */
  const backlog = async (name: string, count: number) => {
    const tenant: TestTenant = await api.newTenant(name);
    const webhook = await subscribe(tenant);
    for (let i = 0; i < count; i++) await tenant.caller.conversations.create({ topic: `${name} ${i}` });
    await fanOutEvents(api.db.prisma);
    return { tenant, webhook };
  };
  const deliveriesOf = (subscriptionId: string) =>
    api.db.prisma.webhookDelivery.findMany({ where: { subscriptionId }, orderBy: { eventSequence: 'asc' } });
  const lease = { attemptMs: 1_000, marginMs: 500, concurrency: 4 };

  /** The database client with fan-out rounds counted by their first statement (the read of the subscriptions behind). */
  const roundCounter = () => {
    const counter = { rounds: 0, prisma: api.db.prisma };
    counter.prisma = api.db.prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          const text = JSON.stringify(args, (_key, value) => (typeof value === 'bigint' ? 0 : value));
          if (text.includes('s.\\"cursor\\", s.\\"events\\"')) counter.rounds++;
          return query(args);
        },
      },
    }) as unknown as typeof api.db.prisma;
    return counter;
  };

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

  test('a result that comes back after its delivery was replayed is dropped; the replayed delivery is due again', async () => {
    const { webhook } = await backlog('replayed in flight', 2);
    const delivered = {
      verdict: 'delivered',
      statusCode: 204,
      responseBody: 'ok',
      error: null,
      retryAfterMs: null,
    };
    const busy = { verdict: 'retry', statusCode: 503, responseBody: 'busy', error: null, retryAfterMs: null };
    // A leased claim (PostgreSQL) and one that only reads (the embedded database) alike.
    for (const claimLease of [lease, null]) {
      const claimed = await claimDeliveries(api.db.prisma, {
        now: new Date(),
        lease: claimLease,
        held: [],
        room: {},
        perSubscription: 8,
        limit: 100,
      });
      const [first, second] = claimed.filter((delivery) => delivery.subscriptionId === webhook.id);
      if (!first || !second) throw new Error('the backlog was not claimed');
      // Both attempts are out when someone replays their events; their results come back after.
      for (const delivery of [first, second])
        await replayEvents(api.db.prisma, webhook, { eventId: delivery.eventId });
      await recordDeliveries(api.db.prisma, [
        { delivery: first, result: { ...delivered, verdict: 'delivered' } },
      ]);
      await recordAttempt(api.db.prisma, second, { ...busy, verdict: 'retry' }, defaultWebhookSettings);
      const rows = await deliveriesOf(webhook.id);
      expect(rows.map((row) => [row.status, row.attempts, row.lastStatusCode, row.replays])).toEqual([
        ['PENDING', 0, null, first.replays + 1],
        ['PENDING', 0, null, second.replays + 1],
      ]);
      for (const row of rows) expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
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
  test('a claim reads only the due deliveries it may take, however many are due', async () => {
    // A backlog as a dead receiver leaves it (2,000 due), written directly: the dispatchers of
    // the next tests never see it (the subscription is deleted at the end).
    const tenant = await api.newTenant('plan');
    const webhook = await subscribe(tenant, 1_002_000);
    await api.db.prisma.$executeRaw`
      WITH "events" AS (
        INSERT INTO "Event" ("id", "organizationId", "sequence", "type", "actorType", "actorId", "payload")
        SELECT gen_random_uuid()::text, ${tenant.organization.id}, g, 'conversation.created', 'SYSTEM', 'test', '{}'
        FROM generate_series(1000001, 1002000) g
        RETURNING "id", "sequence")
      INSERT INTO "WebhookDelivery" ("id", "organizationId", "subscriptionId", "eventId", "eventSequence", "eventType", "updatedAt")
      SELECT gen_random_uuid()::text, ${tenant.organization.id}, ${webhook.id}, "id", "sequence", 'conversation.created', now()
      FROM "events"`;
    const subscriptions = await api.db.prisma.webhookSubscription.count({ where: { enabled: true } });
    // A line of 100 taken (the embedded database's claims are ~190): large enough for a cost
    // per claimed row that grows with the rows claimed to show.
    const take = 100;
    const options = {
      now: new Date(),
      lease,
      room: { [webhook.id]: take },
      perSubscription: take,
      limit: 200,
    };
    try {
      const [row] = await api.db.prisma.$queryRaw<{ 'QUERY PLAN': unknown }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${claimSql(options)}`,
      );
      const explained = row?.['QUERY PLAN'];
      const [top] = (typeof explained === 'string' ? JSON.parse(explained) : explained) as {
        Plan: PlanNode;
      }[];
      // Each subscription's line is read up to its room, then locked and written by primary
      // key: a few reads per delivery it takes, whether 2,000 are due or 100.
      const plan = top?.Plan as PlanNode;
      expect(rowsReadFrom(plan, 'WebhookDelivery')).toBeLessThanOrEqual(5 * take * subscriptions);
      // Their events are looked up one by one (still in the log? the body), never the whole log.
      expect(rowsReadFrom(plan, 'Event')).toBeLessThanOrEqual(2 * take * subscriptions);
      // The locked rows are read a few times in all, not once per claimed row (quadratic).
      expect(rowsReadFromCte(plan, 'locked')).toBeLessThanOrEqual(3 * take * subscriptions);
      const claimed = await api.db.prisma.webhookDelivery.count({
        where: { subscriptionId: webhook.id, attempts: 1 },
      });
      expect(claimed).toBe(take);
    } finally {
      await api.db.prisma.webhookSubscription.delete({ where: { id: webhook.id } });
    }
  });

  test('a subscription’s line is claimed again while the policy’s share of it still waits to be sent', async () => {
    // One attempt at a time: a line of `prefetchRounds` (32), claimed again when a quarter of it
    // is left.
    const policy = dispatchPolicies[kind];
    const line = policy.prefetchRounds;
    const refillAt = line * policy.refillShare;
    const total = line + 14;
    const { webhook } = await backlog('refill', total);
    const held = await startWebhookReceiver();
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    held.answerWith(async (_request, res) => {
      // This request waits: the ones before it sent, it in flight, fewer than `refillAt` of the
      // first claim's line still waiting (the 25th: 24 sent, 7 of 32 waiting).
      if (held.received.length >= line - refillAt + 1) await released;
      res.writeHead(204).end();
    });
    await api.db.prisma.webhookSubscription.update({ where: { id: webhook.id }, data: { url: held.url } });
    // One attempt at a time, so a line of 32; no poll during the test, which would claim too.
    const settings = {
      ...defaultWebhookSettings,
      allowPrivateTargets: true,
      perSubscriptionConcurrency: 1,
      pollIntervalMs: 600_000,
    };
    // Claims are counted from the dispatcher's debug lines: on the embedded database a claim
    // writes nothing to count by (dispatch-policy.ts, leases).
    let claimed = 0;
    const logger = forwardingLogger('debug', (text) => {
      const entry = JSON.parse(text) as { msg?: string; claimed?: number };
      if (entry.msg === 'claimed webhook deliveries') claimed += entry.claimed ?? 0;
    });
    const dispatcher = startWebhookDispatcher(api.db, settings, logger);
    try {
      await vi.waitFor(() => expect(claimed).toBeGreaterThan(line), { timeout: 15_000 });
      release();
      await vi.waitFor(() => expect(held.received).toHaveLength(total), { timeout: 30_000 });
      await sleep(300); // room for a duplicate to arrive
      expect(new Set(held.received.map((request) => request.headers['webhook-id'])).size).toBe(total);
      expect(held.received).toHaveLength(total);
    } finally {
      release();
      await dispatcher.stop();
      await held.stop();
    }
  });

  test('a claim writes a lease where dispatchers share the database and nothing on the embedded one; the result records the attempt', async () => {
    const { webhook } = await backlog('attempt record', 1);
    const slow = await startWebhookReceiver();
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    slow.answerWith(async (_request, res) => {
      await answered;
      res.writeHead(204).end();
    });
    await api.db.prisma.webhookSubscription.update({ where: { id: webhook.id }, data: { url: slow.url } });
    const [before] = await deliveriesOf(webhook.id);
    const settings = { ...defaultWebhookSettings, allowPrivateTargets: true, pollIntervalMs: 600_000 };
    const dispatcher = startWebhookDispatcher(api.db, settings, createLogger('silent'));
    try {
      await vi.waitFor(() => expect(slow.received).toHaveLength(1), { timeout: 15_000 });
      const [inFlight] = await deliveriesOf(webhook.id);
      if (kind === 'postgresql') {
        // Counted, and not due again until the lease has run out.
        expect(inFlight?.attempts).toBe(1);
        expect(inFlight?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      } else {
        // The row as the fan-out left it: the embedded database's one dispatcher holds the claim in memory.
        expect(inFlight).toEqual(before);
      }
      answer();
      await vi.waitFor(async () => expect((await deliveriesOf(webhook.id))[0]?.status).toBe('DELIVERED'), {
        timeout: 15_000,
      });
      const [after] = await deliveriesOf(webhook.id);
      expect(after?.attempts).toBe(1);
      expect(after?.firstAttemptAt).toBeInstanceOf(Date);
      expect(after?.lastAttemptAt).toEqual(after?.firstAttemptAt);
      expect(after?.firstAttemptAt?.getTime()).toBeLessThanOrEqual(after?.deliveredAt?.getTime() ?? 0);
    } finally {
      answer();
      await dispatcher.stop();
      await slow.stop();
    }
  });

  test('an event that makes no delivery claims nothing (the poll does)', async () => {
    const { webhook } = await backlog('quiet', 1);
    const quiet = await startWebhookReceiver();
    await api.db.prisma.webhookSubscription.update({ where: { id: webhook.id }, data: { url: quiet.url } });
    const settings = { ...defaultWebhookSettings, allowPrivateTargets: true, pollIntervalMs: 600_000 };
    const dispatcher = startWebhookDispatcher(api.db, settings, createLogger('silent'));
    try {
      await vi.waitFor(async () => expect((await deliveriesOf(webhook.id))[0]?.status).toBe('DELIVERED'), {
        timeout: 15_000,
      });
      // Due again without a notification (as a replay makes it): only a claim would send it.
      await api.db.prisma.webhookDelivery.updateMany({
        where: { subscriptionId: webhook.id },
        data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), deliveredAt: null },
      });
      const other = await api.newTenant('quiet, no subscriptions');
      await other.caller.conversations.create({ topic: 'makes an event and no delivery' });
      await sleep(500); // room for the dispatcher to fan the event out (and, before, to claim)
      expect(quiet.received).toHaveLength(1);
      expect((await deliveriesOf(webhook.id))[0]?.attempts).toBe(0);
    } finally {
      await dispatcher.stop();
      await quiet.stop();
    }
  });

  test('events arriving within the policy’s gap are fanned out in one round', async () => {
    const tenant = await api.newTenant('gap');
    const webhook = await subscribe(tenant);
    const counter = roundCounter();
    const gapMs = 1_000;
    const policy = { ...dispatchPolicies.postgresql, fanOutGapMs: gapMs };
    const settings = { ...defaultWebhookSettings, allowPrivateTargets: true, pollIntervalMs: 600_000 };
    const dispatcher = startWebhookDispatcher(
      { ...api.db, prisma: counter.prisma },
      settings,
      createLogger('silent'),
      policy,
    );
    const delivered = async () =>
      (await deliveriesOf(webhook.id)).filter((row) => row.status === 'DELIVERED').length;
    try {
      await tenant.caller.conversations.create({ topic: 'gap: the first, sent at once' });
      await vi.waitFor(async () => expect(await delivered()).toBe(1), { timeout: 15_000 });
      counter.rounds = 0;
      const startedAt = Date.now();
      for (let i = 0; i < 10; i++) await tenant.caller.conversations.create({ topic: `gap: burst ${i}` });
      const burstMs = Date.now() - startedAt;
      await vi.waitFor(async () => expect(await delivered()).toBe(11), { timeout: 15_000 });
      // One round per event without the gap; with it, one per gap the burst spans (and one
      // more for an event that lands just after a round began).
      expect(counter.rounds).toBeLessThanOrEqual(Math.ceil(burstMs / gapMs) + 1);
    } finally {
      await dispatcher.stop();
      await api.db.prisma.webhookSubscription.delete({ where: { id: webhook.id } });
    }
  });

  test('events of an organization without subscriptions start at most a round a second; one subscribed meanwhile gets its events', async () => {
    const tenant = await api.newTenant('no subscriptions');
    const counter = roundCounter();
    const settings = { ...defaultWebhookSettings, allowPrivateTargets: true, pollIntervalMs: 600_000 };
    const dispatcher = startWebhookDispatcher(
      { ...api.db, prisma: counter.prisma },
      settings,
      createLogger('silent'),
    );
    let webhookId: string | undefined;
    try {
      await sleep(300); // the first round has read which organizations subscribe
      counter.rounds = 0;
      const startedAt = Date.now();
      // 20 creates, 40 events: a round each (or one per policy gap) if every notification started one.
      for (let i = 0; i < 20; i++) await tenant.caller.conversations.create({ topic: `unsubscribed ${i}` });
      await sleep(1_200);
      expect(counter.rounds).toBeLessThanOrEqual(Math.ceil((Date.now() - startedAt) / 1_000) + 1);

      // Subscribed now (stored directly: nothing announces it), then one more event.
      const newest = await api.db.prisma.event.aggregate({
        where: { organizationId: tenant.organization.id },
        _max: { sequence: true },
      });
      const webhook = await subscribe(tenant, Number(newest._max.sequence ?? 0));
      webhookId = webhook.id;
      await tenant.caller.conversations.create({ topic: 'subscribed now' });
      await vi.waitFor(
        async () => expect((await deliveriesOf(webhook.id)).map((row) => row.status)).toEqual(['DELIVERED']),
        { timeout: 10_000 },
      );
    } finally {
      await dispatcher.stop();
      if (webhookId) await api.db.prisma.webhookSubscription.delete({ where: { id: webhookId } });
    }
  });

  test('an event committed before the dispatcher’s LISTEN takes effect is sent without waiting for the poll', async () => {
    const tenant = await api.newTenant('before listen');
    const webhook = await subscribe(tenant);
    // LISTEN takes a moment to set up (a connection on PostgreSQL); here it takes a second.
    const slowListen: typeof api.db.listen = async (channel, onPayload) => {
      await sleep(1_000);
      return api.db.listen(channel, onPayload);
    };
    const settings = { ...defaultWebhookSettings, allowPrivateTargets: true, pollIntervalMs: 600_000 };
    const dispatcher = startWebhookDispatcher(
      { ...api.db, listen: slowListen },
      settings,
      createLogger('silent'),
    );
    try {
      await sleep(300); // the dispatcher's first round (nothing to send) is over; LISTEN is not yet
      await tenant.caller.conversations.create({ topic: 'committed before the LISTEN' });
      await vi.waitFor(
        async () => expect((await deliveriesOf(webhook.id)).map((row) => row.status)).toEqual(['DELIVERED']),
        { timeout: 10_000 },
      );
    } finally {
      await dispatcher.stop();
      await api.db.prisma.webhookSubscription.delete({ where: { id: webhook.id } });
    }
  });

  test('a fan-out round is two statements however many subscriptions it serves', async () => {
    const tenant = await api.newTenant('fan-out round');
    for (const events of [
      ['conversation.created'],
      ['conversation.created', 'conversation.updated'],
      ['group.entered'],
    ])
      await api.db.prisma.webhookSubscription.create({
        data: {
          organizationId: tenant.organization.id,
          url: receiver.url,
          events,
          secret: generateWebhookSecret(),
        },
      });
    for (let i = 0; i < 3; i++) await tenant.caller.conversations.create({ topic: `fan-out round ${i}` });
    // Every statement the fan-out sends, and the rows they answer, counted on the real client.
    let statements = 0;
    let rows = 0;
    const counting = api.db.prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          statements++;
          const result = await query(args);
          if (Array.isArray(result)) rows += result.length;
          return result;
        },
      },
    }) as unknown as typeof api.db.prisma;
    // Each subscription's deliveries of the three creates (the third selects none of them).
    expect(await fanOutEvents(counting)).toBeGreaterThanOrEqual(6);
    // The read of the subscriptions behind with their new events, and the write of deliveries and
    // cursors (no transaction around them, nothing per subscription).
    expect(statements).toBe(2);
    // The organization’s seven events (its own creation’s, then created and routed three times)
    // are read once, not once per subscription: three subscription rows, one row per event, and
    // the write's count.
    const events = await api.db.prisma.event.count({ where: { organizationId: tenant.organization.id } });
    expect(events).toBe(7);
    expect(rows).toBe(3 + events + 1);
    expect(await fanOutEvents(api.db.prisma)).toBe(0);
  });

  test('subscriptions of one organization far apart in its log each get exactly their events', async () => {
    const tenant = await api.newTenant('fan-out cursors');
    const creates = 260; // two events each: past one round's 500 events of an organization
    const first = await api.db.prisma.event.count({ where: { organizationId: tenant.organization.id } });
    for (let i = 0; i < creates; i++) await tenant.caller.conversations.create({ topic: `cursor ${i}` });
    const last = await api.db.prisma.eventSequence.findUniqueOrThrow({
      where: { organizationId: tenant.organization.id },
    });
    const subscription = (events: string[], cursor: bigint) =>
      api.db.prisma.webhookSubscription.create({
        data: {
          organizationId: tenant.organization.id,
          url: receiver.url,
          events,
          secret: generateWebhookSecret(),
          cursor,
        },
      });
    const behind = await subscription(['conversation.created'], 0n);
    const recent = await subscription(
      ['conversation.created', 'conversation.routed'],
      last.lastSequence - 4n,
    );
    await fanOutEvents(api.db.prisma);
    const sequences = async (subscriptionId: string) =>
      (await deliveriesOf(subscriptionId)).map((delivery) => Number(delivery.eventSequence));
    const all = Array.from({ length: creates }, (_, i) => first + 2 * i + 1);
    expect(await sequences(behind.id)).toEqual(all);
    const end = Number(last.lastSequence);
    expect(await sequences(recent.id)).toEqual([end - 3, end - 2, end - 1, end]);
    const cursors = await api.db.prisma.webhookSubscription.findMany({
      where: { id: { in: [behind.id, recent.id] } },
      select: { cursor: true },
    });
    expect(cursors.map((row) => row.cursor)).toEqual([last.lastSequence, last.lastSequence]);
    expect(await fanOutEvents(api.db.prisma)).toBe(0);
  });
});
