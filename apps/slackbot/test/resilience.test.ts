import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningSlackbot, startSlackbot } from '../src/app';
import { type FakeSlack, startFakeSlack } from './support/fake-slack';
import { buttonClickBody, postSigned, signingSecret, slashCommandBody } from './support/slack-requests';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
const textOf = (blocks: any) => JSON.stringify(blocks);

describe('when the API is slow or down', () => {
  let hanging: Server;
  let bot: RunningSlackbot;
  let slack: FakeSlack;
  let botUrl: string;
  let apiUrl: string;

  beforeAll(async () => {
    slack = await startFakeSlack();
    // Accepts connections and never answers: a stuck API.
    hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    bot = await startSlackbot({
      signingSecret,
      botToken: 'xoxb-test-token',
      slackApiUrl: slack.apiUrl,
      port: 0,
      apiUrl,
      apiKey: 'sb_000000000000_not-a-real-key',
      apiTimeoutMs: 1000,
      cardCoalesceMs: 50,
      logLevel: LogLevel.ERROR,
    });
    botUrl = `http://127.0.0.1:${bot.port}`;
  });
  afterAll(async () => {
    await bot.stop();
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
    await slack.close();
  });

  test('the ack comes at once; the user then gets an ephemeral "did not answer" message', async () => {
    const responseUrl = slack.responseUrl();
    const started = Date.now();
    const res = await postSigned(botUrl, slashCommandBody({ command: '/conv', text: 'list', responseUrl }));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(900);
    const [reply] = await slack.waitForResponses(responseUrl);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(
      'Switchboard did not answer within 1.0 s. Nothing may have changed; check and try again in a moment.',
    );
    expect(textOf(reply.blocks)).toContain('/conv list [group:&lt;name&gt;] [criteria]');
  });

  test('with the API down the user is told so, and the bot keeps serving', async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const port = (down.address() as AddressInfo).port;
    await new Promise<void>((resolve) => down.close(() => resolve()));
    const downBot = await startSlackbot({
      signingSecret,
      botToken: 'xoxb-test-token',
      slackApiUrl: slack.apiUrl,
      port: 0,
      apiUrl: `http://127.0.0.1:${port}`,
      apiKey: 'sb_000000000000_not-a-real-key',
      apiTimeoutMs: 2500,
      cardCoalesceMs: 50,
      logLevel: LogLevel.ERROR,
    });
    try {
      const url = `http://127.0.0.1:${downBot.port}`;
      const responseUrl = slack.responseUrl();
      await postSigned(url, buttonClickBody({ actionId: 'conv_close', value: 'c-1', responseUrl }));
      const [reply] = await slack.waitForResponses(responseUrl);
      expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(reply.text).toMatch(/^Switchboard is unreachable right now/);

      const help = slack.responseUrl();
      const res = await postSigned(
        url,
        slashCommandBody({ command: '/group', text: 'help', responseUrl: help }),
      );
      expect(res.status).toBe(200);
      const [helped] = await slack.waitForResponses(help);
      expect(helped.text).toBe('/group commands');
    } finally {
      await downBot.stop();
    }
  });
});
