import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseKind } from '@switchboard/db';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { type ApiProcess, startApiProcess, startWorkerProcess } from '../support/api-process';
import { send } from '../support/test-api';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

// Webhooks across real processes: `kill -9` right after acknowledged writes (both databases),
// three API processes on one PostgreSQL delivering each event once per subscription, the
// separate worker (WEBHOOK_DELIVERY=worker + `npm run worker`), and the API's delivery thread.
// 600 by default, to keep `npm test` within minutes on a 2-core machine; the 2,000 with
// WEBHOOK_PROCESS_CHANGES=2000 (the time allowed grows with it).
const changesAcrossProcesses = Number(process.env.WEBHOOK_PROCESS_CHANGES ?? 600);
const allowedMs = Math.max(300_000, changesAcrossProcesses * 500);

describe.each(testDatabaseKinds())('webhooks across processes on %s', (kind: DatabaseKind) => {
  const key = `webhooks-${randomBytes(16).toString('hex')}`;
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  const receiver = async () => {
    const started = await startWebhookReceiver();
    cleanups.push(() => started.stop());
    return started;
  };
  const databaseEnv = async (): Promise<Record<string, string>> => {
    if (kind === 'pglite') {
      const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-webhooks-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      return { DATA_DIR: dataDir };
    }
    const url = await createPostgresDatabase();
    cleanups.push(() => dropPostgresDatabase(url));
    return { DATABASE_URL: url };
  };
  const baseEnv = (database: Record<string, string>) => ({
    ...database,
    BOOTSTRAP_API_KEY: key,
    RATE_LIMIT_PER_MINUTE: '10000000',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_RETRY_BASE_MS: '200',
    WEBHOOK_TIMEOUT_MS: '5000',
  });
  const api = async (env: Record<string, string>) => {
    const started = await startApiProcess(env, 120_000);
    cleanups.push(() => started.stop('SIGKILL'));
    return started;
  };
  const post = (process: ApiProcess, path: string, body: unknown) =>
    send(`${process.url}${path}`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const subscribe = async (process: ApiProcess, to: WebhookReceiver) => {
    const res = await post(process, '/v1/webhooks', { url: to.url, events: ['conversation.created'] });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };
  const createConversation = async (process: ApiProcess, topic: string) => {
    const res = await post(process, '/ccaas/1/conversations', { topic });
    expect(res.status).toBe(200);
    return res.body.id as string;
  };
  const conversationIdsOf = (to: WebhookReceiver, secret: string) =>
    (to.verified(secret) as { data: { conversation: { id: string } } }[]).map((p) => p.data.conversation.id);

  test('kill -9 just after writes were acknowledged: after a restart every event is delivered', async () => {
    const env = baseEnv(await databaseEnv());
    const to = await receiver();
    const first = await api(env);
    const webhook = await subscribe(first, to);
    await to.stop(); // nothing can be delivered before the kill
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await createConversation(first, `crash ${i}`));
    await first.stop('SIGKILL');

    await to.start();
    await api(env);
    await vi.waitFor(() => expect(new Set(conversationIdsOf(to, webhook.secret))).toEqual(new Set(ids)), {
      timeout: 60_000,
      interval: 200,
    });
  }, 180_000);

  if (kind === 'postgresql') {
    test(
      `three API processes on one PostgreSQL: ${changesAcrossProcesses} changes → exactly one delivery each per subscription`,
      async () => {
        const env = baseEnv(await databaseEnv());
        const processes = [await api(env), await api(env), await api(env)];
        const receivers = [await receiver(), await receiver()];
        const webhooks = [
          await subscribe(processes[0] as ApiProcess, receivers[0] as WebhookReceiver),
          await subscribe(processes[1] as ApiProcess, receivers[1] as WebhookReceiver),
        ];

        const ids: string[] = [];
        const writers = Array.from({ length: 6 }, async (_, writer) => {
          for (let i = writer; i < changesAcrossProcesses; i += 6) {
            ids.push(await createConversation(processes[i % 3] as ApiProcess, `multi ${i}`));
          }
        });
        await Promise.all(writers);

        for (const [index, to] of receivers.entries()) {
          await vi.waitFor(() => expect(to.received.length).toBeGreaterThanOrEqual(changesAcrossProcesses), {
            timeout: allowedMs / 2,
            interval: 250,
          });
          await new Promise((resolve) => setTimeout(resolve, 1_000)); // room for any duplicate to arrive
          const delivered = conversationIdsOf(to, (webhooks[index] as { secret: string }).secret);
          expect(delivered).toHaveLength(changesAcrossProcesses);
          expect(new Set(delivered)).toEqual(new Set(ids));
          expect(new Set(to.received.map((r) => r.headers['webhook-id'])).size).toBe(changesAcrossProcesses);
        }
      },
      allowedMs,
    );

    test('WEBHOOK_DELIVERY=worker: the API only writes, `npm run worker` delivers', async () => {
      const env = { ...baseEnv(await databaseEnv()), WEBHOOK_DELIVERY: 'worker' };
      const writer = await api(env);
      const to = await receiver();
      const webhook = await subscribe(writer, to);
      const ids = [
        await createConversation(writer, 'worker 1'),
        await createConversation(writer, 'worker 2'),
      ];
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(to.received).toHaveLength(0);

      const worker = startWorkerProcess(env);
      cleanups.push(async () => worker.child.kill('SIGKILL'));
      await vi.waitFor(() => expect(new Set(conversationIdsOf(to, webhook.secret))).toEqual(new Set(ids)), {
        timeout: 60_000,
        interval: 200,
      });
      expect(worker.output()).not.toContain('error');
    }, 180_000);

    test('WEBHOOK_DELIVERY=api: the API delivers from a thread of its own, which SIGTERM lets finish its attempt', async () => {
      const env = { ...baseEnv(await databaseEnv()), LOG_LEVEL: 'info' };
      const first = await api(env);
      await vi.waitFor(
        () =>
          expect(first.output()).toContain(
            '"thread":"webhook-delivery","msg":"webhook delivery thread running"',
          ),
        { timeout: 30_000, interval: 100 },
      );
      const to = await receiver();
      const webhook = await subscribe(first, to);
      const delivered = await createConversation(first, 'thread 1');
      await vi.waitFor(() => expect(conversationIdsOf(to, webhook.secret)).toEqual([delivered]), {
        timeout: 30_000,
        interval: 100,
      });

      // An attempt in flight when SIGTERM comes: the thread waits for the answer and writes it.
      let answered = false;
      to.answerWith(async (_request, res) => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        res.end('ok');
        answered = true;
      });
      const inFlight = await createConversation(first, 'thread 2');
      await vi.waitFor(() => expect(to.received).toHaveLength(2), { timeout: 30_000, interval: 20 });
      expect(await first.stop('SIGTERM')).toBe(0);
      expect(answered).toBe(true);
      expect(first.output()).not.toContain('"level":50');

      const second = await api(env);
      const res = await send(`${second.url}/v1/webhooks/${webhook.id}/deliveries?limit=10`, {
        headers: { 'x-api-key': key },
      });
      expect(res.status).toBe(200);
      const deliveries = res.body.deliveries as { eventId: string; status: string; attempts: number }[];
      expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
        ['DELIVERED', 1],
        ['DELIVERED', 1],
      ]);
      expect(conversationIdsOf(to, webhook.secret)).toEqual([delivered, inFlight]);
    }, 180_000);
  }
});
