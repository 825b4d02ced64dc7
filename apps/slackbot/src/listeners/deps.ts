import type { Logger } from '@slack/bolt';
import { type ApiConnection, apiFor } from '../api/client';
import type { ErrorLogger } from '../commands/outcome';
import type { Session } from '../commands/session';

/** What the listeners share: how to reach the API as a given Slack user, and how to log. */
export interface BotDeps {
  sessionFor(slackUserId: string, channelId?: string): Session;
  /** The bot's own work (cards, claims, lookups): no acting Slack user. */
  botSession: Session;
  logError(logger: Logger): ErrorLogger;
}

export function botDeps(connection: ApiConnection): BotDeps {
  return {
    sessionFor: (slackUserId, channelId) => ({
      api: apiFor(connection, slackUserId),
      slackUserId,
      timeoutMs: connection.timeoutMs,
      ...(channelId ? { channelId } : {}),
    }),
    botSession: { api: apiFor(connection, undefined), slackUserId: '', timeoutMs: connection.timeoutMs },
    logError: (logger) => (message, error) =>
      logger.error(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  };
}
