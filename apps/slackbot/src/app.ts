import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, HTTPReceiver, type Logger, webApi } from '@slack/bolt';
import type { SlackbotEnv } from './env';
import { registerActions } from './listeners/actions';
import { registerCommands } from './listeners/commands';
import { type BotDeps, botDeps } from './listeners/deps';
import { registerEvents } from './listeners/events';
import { registerInteractions } from './listeners/interactions';
import { type LiveInbox, startLiveInbox } from './live/start-inbox';
import { AckOnceApp } from './security/ack-once-app';
import { cachedAuthorize } from './security/cached-authorize';
import { dedupeDeliveries } from './security/dedupe';
import { refuseFutureTimestamps } from './security/future-timestamps';

export interface RunningSlackbot {
  app: App;
  /** The port actually listened on (useful with port 0). */
  port: number;
  inbox: LiveInbox;
  stop(): Promise<void>;
}

// Slack retries a delivery within minutes; an hour covers retries and a client's re-sends.
const deliveryClaimTtlSeconds = 3600;

/**
 * The Bolt app over an HTTP receiver at `/slack/events`. The receiver checks every request's
 * signature and refuses timestamps more than 5 minutes off (either way) with 401 before any listener runs.
 */
export function createSlackbot(env: SlackbotEnv, options: { logger?: Logger; deps?: BotDeps } = {}): App {
  const logging = options.logger ? { logger: options.logger } : { logLevel: env.logLevel };
  const receiver = new HTTPReceiver({
    signingSecret: env.signingSecret,
    endpoints: '/slack/events',
    customRoutes: [
      {
        path: '/health',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"status":"ok"}');
        },
      },
    ],
    ...logging,
  });
  refuseFutureTimestamps(receiver);
  const clientOptions = env.slackApiUrl ? { slackApiUrl: env.slackApiUrl } : {};
  const app = new AckOnceApp({
    receiver,
    // auth.test runs once, lazily on the first request, so the bot starts offline.
    authorize: cachedAuthorize(new webApi.WebClient(undefined, clientOptions), env.botToken),
    clientOptions,
    ...logging,
  });
  const deps = options.deps ?? depsOf(env);
  app.use(
    dedupeDeliveries(async (key) => {
      const { api } = deps.botSession;
      return (await api.slack.claimOnce.mutate({ key: `slack:${key}`, ttlSeconds: deliveryClaimTtlSeconds }))
        .first;
    }),
  );
  registerCommands(app, deps);
  registerActions(app, deps);
  registerEvents(app, deps);
  registerInteractions(app, deps);
  // A listener's failure is logged and the bot keeps serving; the user already got an ack.
  app.error(async (error) => {
    app.logger.error(`Unhandled error in a listener: ${error.message}`);
  });
  return app;
}

const depsOf = (env: SlackbotEnv) =>
  botDeps({ url: env.apiUrl, apiKey: env.apiKey, timeoutMs: env.apiTimeoutMs });

export async function startSlackbot(
  env: SlackbotEnv,
  options: { logger?: Logger } = {},
): Promise<RunningSlackbot> {
  const deps = depsOf(env);
  const app = createSlackbot(env, { ...options, deps });
  const server = (await app.start(env.port)) as Server;
  const inbox = startLiveInbox({
    apiUrl: env.apiUrl,
    apiKey: env.apiKey,
    botToken: env.botToken,
    slackApiUrl: env.slackApiUrl,
    cardCoalesceMs: env.cardCoalesceMs,
    session: deps.botSession,
    logger: app.logger,
  });
  return {
    app,
    port: (server.address() as AddressInfo).port,
    inbox,
    stop: async () => {
      await inbox.stop();
      server.closeAllConnections();
      await app.stop();
    },
  };
}
