import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Logger } from '@slack/bolt';
import type { SlackbotEnv } from './env';
import { registerActions } from './listeners/actions';
import { registerCommands } from './listeners/commands';
import { botDeps } from './listeners/deps';
import { dedupeDeliveries } from './security/dedupe';
import { refuseFutureTimestamps } from './security/future-timestamps';

export interface RunningSlackbot {
  app: App;
  /** The port actually listened on (useful with port 0). */
  port: number;
  stop(): Promise<void>;
}

/**
 * The Bolt app over an HTTP receiver at `/slack/events`. The receiver checks every request's
 * signature and refuses timestamps more than 5 minutes off (either way) with 401 before any listener runs.
 */
export function createSlackbot(env: SlackbotEnv, options: { logger?: Logger } = {}): App {
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
  const app = new App({
    receiver,
    token: env.botToken,
    // auth.test runs lazily on the first request instead of at start, so the bot starts offline.
    tokenVerificationEnabled: false,
    ...(env.slackApiUrl ? { clientOptions: { slackApiUrl: env.slackApiUrl } } : {}),
    ...logging,
  });
  const deps = botDeps({ url: env.apiUrl, apiKey: env.apiKey, timeoutMs: env.apiTimeoutMs });
  app.use(dedupeDeliveries());
  registerCommands(app, deps);
  registerActions(app, deps);
  // A listener's failure is logged and the bot keeps serving; the user already got an ack.
  app.error(async (error) => {
    app.logger.error(`Unhandled error in a listener: ${error.message}`);
  });
  return app;
}

export async function startSlackbot(
  env: SlackbotEnv,
  options: { logger?: Logger } = {},
): Promise<RunningSlackbot> {
  const app = createSlackbot(env, options);
  const server = (await app.start(env.port)) as Server;
  return {
    app,
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      server.closeAllConnections();
      await app.stop();
    },
  };
}
