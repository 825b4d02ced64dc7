import type { Logger } from '@slack/bolt';
import { type ApiConnection, apiFor } from '../api/client';
import type { ErrorLogger } from '../commands/outcome';
import type { Session } from '../commands/session';

/** What the listeners share: how to reach the API as a given Slack user, and how to log. */
export interface BotDeps {
  sessionFor(slackUserId: string): Session;
  logError(logger: Logger): ErrorLogger;
}

export function botDeps(connection: ApiConnection): BotDeps {
  return {
    sessionFor: (slackUserId) => ({
      api: apiFor(connection, slackUserId),
      slackUserId,
      timeoutMs: connection.timeoutMs,
    }),
    logError: (logger) => (message, error) =>
      logger.error(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  };
}
