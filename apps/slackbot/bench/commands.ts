import { createHmac } from 'node:crypto';
import type { LoadRequest } from '../../api/bench/shared/load';

export const benchSigningSecret = 'bench-signing-secret-0123456789abcdef';

/**
 * The commands a support team runs most: reads only, so every run sees the same data. Each one
 * is a form body as Slack sends it, signed (v0 HMAC-SHA256) with the current timestamp, with a
 * unique trigger_id so the bot's retry de-duplication never drops one.
 */
export function commandMix(conversationIds: string[]): ((i: number) => { command: string; text: string })[] {
  return [
    () => ({ command: '/conv', text: 'list status==OPEN' }),
    (i) => ({ command: '/conv', text: `show ${conversationIds[i % conversationIds.length]}` }),
    () => ({ command: '/group', text: 'list' }),
    () => ({ command: '/group', text: 'show VIP' }),
    () => ({ command: '/conv', text: 'list tags==vip and priority>=HIGH' }),
    () => ({ command: '/conv', text: 'help' }),
  ];
}

export function signedCommand(
  spec: { command: string; text: string },
  responseUrl: string,
  triggerId: string,
): LoadRequest {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'bench',
    channel_id: 'C1',
    channel_name: 'support',
    user_id: 'U0BENCH',
    user_name: 'bench',
    command: spec.command,
    text: spec.text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', benchSigningSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    method: 'POST',
    path: '/slack/events',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  };
}
