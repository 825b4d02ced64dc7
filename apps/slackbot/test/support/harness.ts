import { LogLevel } from '@slack/bolt';
import type { DatabaseKind } from '@switchboard/db';
import { expect } from 'vitest';
import { startTestApi, type TestApi } from '../../../api/test/support/test-api';
import { type RunningSlackbot, startSlackbot } from '../../src/app';
import type { SlackbotEnv } from '../../src/env';
import { type FakeSlack, startFakeSlack } from './fake-slack';
import {
  type ButtonClick,
  buttonClickBody,
  postSigned,
  type SignedOptions,
  type SlashCommand,
  signingSecret,
  slashCommandBody,
} from './slack-requests';

export interface Harness {
  api: TestApi;
  slack: FakeSlack;
  bot: RunningSlackbot;
  botUrl: string;
  /** Another bot process on the same API and fake Slack (two processes, one database). */
  startBot(): Promise<RunningSlackbot>;
  /** Runs a slash command and waits for its reply at the response_url. */
  command(command: Omit<SlashCommand, 'responseUrl'>, options?: SignedOptions): Promise<Reply>;
  /** Clicks a button and waits for its reply at the response_url. */
  click(click: Omit<ButtonClick, 'responseUrl'>, options?: SignedOptions): Promise<Reply>;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
  body: any;
  responseUrl: string;
}

/** The real API on a fresh database, the real bot pointed at it, and a fake Slack for both ends. */
export async function startHarness(
  kind: DatabaseKind,
  overrides: Partial<SlackbotEnv> = {},
): Promise<Harness> {
  const api = await startTestApi(kind);
  const slack = await startFakeSlack();
  const env: SlackbotEnv = {
    signingSecret,
    botToken: 'xoxb-test-token',
    slackApiUrl: slack.apiUrl,
    port: 0,
    apiUrl: api.url,
    apiKey: api.a.apiKey.key,
    // Generous: a cold PGlite under a parallel test run can take seconds; timeouts have their own test.
    apiTimeoutMs: 15_000,
    // Wide enough that two changes made together land in one window on a loaded machine (1 s
    // was not, at a load average of 20: the inbox reached the second event over a second later).
    cardCoalesceMs: 2000,
    logLevel: LogLevel.ERROR,
    ...overrides,
  };
  const startBot = async () => {
    const running = await startSlackbot(env);
    // Changes made before the bot follows the event log would not reach it.
    await running.inbox.connected;
    return running;
  };
  const bot = await startBot();
  const botUrl = `http://127.0.0.1:${bot.port}`;
  const deliver = async (body: string, responseUrl: string, options?: SignedOptions): Promise<Reply> => {
    const res = await postSigned(botUrl, body, options);
    expect(res.status).toBe(200);
    const [reply] = await slack.waitForResponses(responseUrl);
    return { status: res.status, body: reply, responseUrl };
  };
  return {
    api,
    slack,
    bot,
    botUrl,
    startBot,
    command: (command, options) => {
      const responseUrl = slack.responseUrl();
      return deliver(slashCommandBody({ ...command, responseUrl }), responseUrl, options);
    },
    click: (click, options) => {
      const responseUrl = slack.responseUrl();
      return deliver(buttonClickBody({ ...click, responseUrl }), responseUrl, options);
    },
    close: async () => {
      await bot.stop();
      await slack.close();
      await api.close();
    },
  };
}
