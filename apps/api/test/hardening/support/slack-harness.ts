import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DatabaseKind } from '@switchboard/db';
import { type RunningSlackbot, type SlackbotEnv, startSlackbot } from '@switchboard/slackbot';
import { startTestApi, type TestApi } from '../../support/test-api';

export const signingSecret = 'hardening-signing-secret-0123456789';

export const signatureOf = (secret: string, timestamp: string | number, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/** The real API, the real bot (apps/slackbot's startSlackbot) and a stand-in for slack.com. */
export interface SlackHarness {
  api: TestApi;
  bot: RunningSlackbot;
  botUrl: string;
  /** Bodies posted to each response_url path, and Web API calls, in arrival order. */
  received: { path: string; body: string }[];
  responseUrl(): string;
  close(): Promise<void>;
}

export async function startSlackHarness(kind: DatabaseKind): Promise<SlackHarness> {
  const api = await startTestApi(kind);
  const received: { path: string; body: string }[] = [];
  const slack: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({
      path: new URL(req.url ?? '/', 'http://x').pathname,
      body: Buffer.concat(chunks).toString(),
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  const slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}`;
  const bot = await startSlackbot({
    signingSecret,
    botToken: 'xoxb-hardening',
    slackApiUrl: `${slackUrl}/api/`,
    port: 0,
    apiUrl: api.url,
    apiKey: api.a.apiKey.key,
    apiTimeoutMs: 15_000,
    cardCoalesceMs: 300,
    logLevel: 'error' as SlackbotEnv['logLevel'],
  });
  let next = 0;
  return {
    api,
    bot,
    botUrl: `http://127.0.0.1:${bot.port}`,
    received,
    responseUrl: () => `${slackUrl}/response/${++next}`,
    close: async () => {
      await bot.stop();
      await new Promise<void>((resolve) => {
        slack.close(() => resolve());
        slack.closeAllConnections();
      });
      await api.close();
    },
  };
}

let triggers = 0;

/** The form Slack posts for `/conv <text>`. */
export function slashCommand(
  text: string,
  responseUrl: string,
  triggerId = `hardening.${++triggers}`,
): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U0HARD',
    user_name: 'hard',
    command: '/conv',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

/** POSTs to the bot with exactly the given Slack headers (undefined ones left out). */
export function deliver(
  botUrl: string,
  body: string,
  headers: { timestamp?: string | undefined; signature?: string | undefined; extra?: Record<string, string> },
): Promise<Response> {
  return fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(headers.timestamp === undefined ? {} : { 'x-slack-request-timestamp': headers.timestamp }),
      ...(headers.signature === undefined ? {} : { 'x-slack-signature': headers.signature }),
      ...headers.extra,
    },
    body,
  });
}
