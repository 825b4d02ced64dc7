import type { Authorize, webApi } from '@slack/bolt';

/**
 * Bolt's own single-token authorize with token verification off calls `auth.test` before every
 * request (a round trip and a rate-limit risk per delivery). This asks once per token, lazily (so
 * the bot starts while Slack is unreachable) and again only after a failed attempt.
 */
export function cachedAuthorize(client: webApi.WebClient, botToken: string): Authorize<boolean> {
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined;
  return async () => {
    if (!identity) {
      identity = client.auth.test({ token: botToken }).then((result) => ({
        ...(result.user_id ? { botUserId: result.user_id } : {}),
        ...(result.bot_id ? { botId: result.bot_id } : {}),
      }));
      identity.catch(() => {
        identity = undefined;
      });
    }
    return { botToken, ...(await identity) };
  };
}
