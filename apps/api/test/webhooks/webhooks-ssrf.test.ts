import { lookup } from 'node:dns/promises';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { postWebhook } from '../../src/webhooks/post-webhook';
import { startTestApi, type TestApi } from '../support/test-api';
import { answerStatus, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

// Targets are checked with private targets NOT allowed (the default). Names under example.com
// resolve through this table (mutable: a name can change its answer, as with DNS rebinding);
// every other name, `localhost` included, through the system's resolver.
const names: Record<string, string[]> = {
  'public.example.com': ['93.184.216.34'],
  'internal.example.com': ['127.0.0.1'],
  'mixed.example.com': ['93.184.216.34', '10.0.0.7'],
  'rebind.example.com': ['93.184.216.34'],
};
const resolveHost = async (hostname: string) => {
  const listed = names[hostname];
  if (listed) return listed.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  return lookup(hostname, { all: true });
};

describe.each(testDatabaseKinds())('webhook targets (SSRF) on %s', (kind) => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    api = await startTestApi(kind, { webhooks: { resolveHost, retryBaseMs: 100, pollIntervalMs: 100 } });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await api.close();
    await receiver.stop();
  });

  const create = (url: string) =>
    api.a.request('POST', '/v1/webhooks', { url, events: ['conversation.created'] });

  test.each([
    ['http://localhost:{port}/hooks', 'loopback'],
    ['http://internal.example.com:{port}/hooks', 'resolves to 127.0.0.1, a loopback address'],
    ['http://127.0.0.1:{port}/hooks', 'loopback'],
    ['http://127.1.2.3/', 'loopback'],
    ['http://[::1]:{port}/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://10.0.0.5/', 'private'],
    ['http://172.16.3.4/', 'private'],
    ['http://192.168.0.10/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://100.100.100.200/latest/meta-data/', 'carrierGradeNat'],
    ['http://[fd00:ec2::254]/', 'uniqueLocal'],
    ['http://[fe80::1]/', 'linkLocal'],
    ['http://mixed.example.com/', 'resolves to 10.0.0.7, a private address'],
  ])('refuses %s (%s) with 400 saying what to do', async (template, problem) => {
    const res = await create(template.replace('{port}', String(receiver.port)));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'Bad Request', details: { field: 'url' } });
    expect(res.body.message).toContain(problem);
    expect(res.body.message).toContain('WEBHOOK_ALLOW_PRIVATE_TARGETS');
  });

  test('accepts a public target; refuses a change to a private one', async () => {
    const created = await create('https://public.example.com/hooks');
    expect(created.status).toBe(201);
    const changed = await api.a.request('PATCH', `/v1/webhooks/${created.body.id}`, {
      url: 'http://169.254.169.254/',
    });
    expect(changed.status).toBe(400);
    expect(changed.body.message).toContain('linkLocal');
  });

  test('a name that resolves to a private address by delivery time is refused again, and nothing is sent', async () => {
    names['rebind.example.com'] = ['93.184.216.34'];
    const created = await create(`http://rebind.example.com:${receiver.port}/hooks`);
    expect(created.status).toBe(201);
    names['rebind.example.com'] = ['127.0.0.1'];
    await api.a.caller.conversations.create({ topic: 'rebinding' });
    await vi.waitFor(
      async () => {
        const { deliveries } = await api.a.client.webhooks.deliveries.query({ webhookId: created.body.id });
        expect(deliveries).toMatchObject([{ status: 'FAILED', attempts: 1, lastStatusCode: null }]);
        expect(deliveries[0]?.lastError).toContain('resolves to 127.0.0.1, a loopback address');
      },
      { timeout: 30_000 },
    );
    expect(receiver.received).toHaveLength(0);
  });
});

describe('the delivery client', () => {
  let target: WebhookReceiver;
  let redirecting: WebhookReceiver;
  beforeAll(async () => {
    target = await startWebhookReceiver();
    redirecting = await startWebhookReceiver();
    redirecting.answerWith(answerStatus(302, '', { location: target.url }));
  });
  afterAll(async () => {
    await target.stop();
    await redirecting.stop();
  });

  const postToLoopback = (url: string) =>
    postWebhook({
      url: new URL(url),
      target: { address: '127.0.0.1', family: 4 },
      headers: {},
      body: '{}',
      timeoutMs: 2_000,
    });

  test('connects to the address that was checked, not to what DNS says now', async () => {
    // `.invalid` never resolves: the request can only arrive through the pinned address.
    const outcome = await postToLoopback(`http://receiver.invalid:${target.port}/hooks`);
    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(target.received).toHaveLength(1);
    expect(target.received[0]?.headers.host).toBe(`receiver.invalid:${target.port}`);
  });

  test('does not follow a redirect (to a loopback address here)', async () => {
    const before = target.received.length;
    const outcome = await postToLoopback(redirecting.url);
    expect(outcome).toMatchObject({ kind: 'response', status: 302 });
    expect(redirecting.received).toHaveLength(1);
    expect(target.received).toHaveLength(before);
  });
});
