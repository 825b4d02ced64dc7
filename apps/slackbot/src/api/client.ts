import type { AppRouter } from '@switchboard/api';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';

/** The typed API, as seen by one Slack user. */
export type SwitchboardApi = TRPCClient<AppRouter>;

export interface ApiConnection {
  /** Base URL without trailing `/`; procedures are under `/trpc`. */
  url: string;
  apiKey: string;
  timeoutMs: number;
}

/** Names the Slack user an owner key acts for; the API records them as the actor. */
export const actingUserHeader = 'x-acting-slack-user';

/**
 * A client whose every call carries the bot's key and the acting Slack user, and gives up after
 * `timeoutMs` so a slow API turns into a clear reply instead of a hung one. Without a Slack user
 * (the bot's own work: cards, claims) the API records the key itself as the actor.
 */
export function apiFor(connection: ApiConnection, slackUserId: string | undefined): SwitchboardApi {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${connection.url}/trpc`,
        headers: {
          'x-api-key': connection.apiKey,
          ...(slackUserId ? { [actingUserHeader]: slackUserId } : {}),
        },
        fetch: (input, init) => {
          const timeout = AbortSignal.timeout(connection.timeoutMs);
          const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
          return fetch(input, { ...init, signal });
        },
      }),
    ],
  });
}
