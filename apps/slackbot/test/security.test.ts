import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, startHarness } from './support/harness';
import {
  buttonClickBody,
  postSigned,
  signatureOf,
  signingSecret,
  slashCommandBody,
} from './support/slack-requests';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
const textOf = (blocks: any) => JSON.stringify(blocks);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabaseKinds())('request verification and retries on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  const conversationCount = () =>
    h.api.db.prisma.conversation.count({ where: { organizationId: h.api.a.organization.id } });

  async function refused(options: Parameters<typeof postSigned>[2], topic: string) {
    const responseUrl = h.slack.responseUrl();
    const before = await conversationCount();
    const res = await postSigned(
      h.botUrl,
      slashCommandBody({ command: '/conv', text: `create ${topic}`, responseUrl }),
      options,
    );
    await pause(300);
    expect(res.status).toBe(401);
    expect(await conversationCount()).toBe(before);
    expect(h.slack.responsesTo(responseUrl)).toEqual([]);
  }

  test('a forged signature is 401 and nothing runs', async () => {
    await refused({ signature: `v0=${'0'.repeat(64)}` }, 'Forged');
  });

  test('a request signed with another secret is 401', async () => {
    await refused({ secret: 'another-secret-0123456789abcdef' }, 'Other secret');
  });

  test('a correctly signed request older than 5 minutes is 401 (replay)', async () => {
    await refused({ timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 10 }, 'Stale');
  });

  test('a correctly signed request dated more than 5 minutes ahead is 401', async () => {
    await refused({ timestamp: Math.floor(Date.now() / 1000) + 5 * 60 + 10 }, 'Future');
  });

  test('a body changed after signing is 401', async () => {
    const responseUrl = h.slack.responseUrl();
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = slashCommandBody({ command: '/conv', text: 'create Original', responseUrl });
    const tampered = signed.replace('Original', 'Tampered');
    const res = await postSigned(h.botUrl, tampered, {
      timestamp,
      signature: signatureOf(signingSecret, timestamp, signed),
    });
    expect(res.status).toBe(401);
  });

  test('a retried slash command (same trigger_id, x-slack-retry-num) runs once', async () => {
    const before = await conversationCount();
    const responseUrl = h.slack.responseUrl();
    const body = slashCommandBody({
      command: '/conv',
      text: 'create "Only once"',
      responseUrl,
      triggerId: 'trigger.retry.1',
    });
    const first = await postSigned(h.botUrl, body);
    const retry = await postSigned(h.botUrl, body, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.slack.waitForResponses(responseUrl, 1);
    await pause(500);
    expect(h.slack.responsesTo(responseUrl)).toHaveLength(1);
    expect(await conversationCount()).toBe(before + 1);
  });

  test('a repeated interactive payload runs its action once; a new click runs again', async () => {
    const created = await h.api.a.caller.conversations.create({ topic: 'Route twice?' });
    const routes = () =>
      h.api.db.prisma.auditEvent.count({ where: { entityId: created.id, action: { contains: 'route' } } });
    const responseUrl = h.slack.responseUrl();
    const click = buttonClickBody({
      actionId: 'conv_route',
      value: created.id,
      responseUrl,
      actionTs: '1700000000.1',
      triggerId: 'trigger.click.1',
    });
    await postSigned(h.botUrl, click);
    await postSigned(h.botUrl, click);
    await h.slack.waitForResponses(responseUrl, 1);
    await pause(500);
    expect(h.slack.responsesTo(responseUrl)).toHaveLength(1);
    const once = await routes();
    expect(once).toBeGreaterThan(0);

    const again = h.slack.responseUrl();
    await postSigned(
      h.botUrl,
      buttonClickBody({
        actionId: 'conv_route',
        value: created.id,
        responseUrl: again,
        actionTs: '1700000000.2',
      }),
    );
    await h.slack.waitForResponses(again, 1);
    expect(await routes()).toBeGreaterThan(once);
  });

  test('an expired response_url falls back to the Web API (chat.postEphemeral for errors, chat.postMessage for cards)', async () => {
    const card = h.slack.responseUrl({ expired: true });
    await postSigned(
      h.botUrl,
      slashCommandBody({
        command: '/conv',
        text: 'create "Posted instead"',
        responseUrl: card,
        channelId: 'C42',
      }),
    );
    const posted = await h.slack.waitFor(
      (r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C42',
    );
    expect(textOf(posted.body.blocks)).toContain('Posted instead');
    expect(posted.body.text).toContain('Posted instead');

    const error = h.slack.responseUrl({ expired: true });
    await postSigned(
      h.botUrl,
      slashCommandBody({
        command: '/conv',
        text: 'nonsense',
        responseUrl: error,
        channelId: 'C43',
        userId: 'U0CAROL',
      }),
    );
    const ephemeral = await h.slack.waitFor(
      (r) => r.path === '/api/chat.postEphemeral' && r.body.channel === 'C43',
    );
    expect(ephemeral.body.user).toBe('U0CAROL');
    expect(ephemeral.body.text).toContain('Unknown subcommand');
  });

  test('the bot answers /health', async () => {
    const res = await fetch(`${h.botUrl}/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
