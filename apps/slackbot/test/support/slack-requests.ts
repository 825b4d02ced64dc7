import { createHmac } from 'node:crypto';

export const signingSecret = '8f14e45fceea167a5a36dedd4bea2543';

export interface SignedOptions {
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (forgeries). */
  signature?: string;
  secret?: string;
  headers?: Record<string, string>;
}

export const signatureOf = (secret: string, timestamp: number, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/** POSTs a form body to the bot as Slack would, signed with the signing secret. */
export async function postSigned(
  botUrl: string,
  body: string,
  options: SignedOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signatureOf(options.secret ?? signingSecret, timestamp, body),
      ...options.headers,
    },
    body,
  });
}

let triggers = 0;

export interface SlashCommand {
  command: '/conv' | '/group';
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  triggerId?: string;
}

/** The form Slack sends for a slash command. */
export function slashCommandBody(command: SlashCommand): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'fake',
    channel_id: command.channelId ?? 'C1',
    channel_name: 'support',
    user_id: command.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: command.command,
    text: command.text,
    api_app_id: 'A1',
    response_url: command.responseUrl,
    trigger_id: command.triggerId ?? `trigger.${++triggers}`,
  }).toString();
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  actionTs?: string;
  triggerId?: string;
  /** The clicked message is ephemeral (a page or card only this user sees). */
  ephemeral?: boolean;
  /** The button is on App Home or in a modal (no response_url there). */
  view?: { id: string; type: 'home' | 'modal' };
}

/** The form Slack sends when a button on a message is clicked (`payload=` JSON). */
export function buttonClickBody(click: ButtonClick): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'fake' },
    user: { id: click.userId ?? 'U0ALICE', username: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: click.triggerId ?? `trigger.${++triggers}`,
    ...(click.view
      ? { container: { type: 'view', view_id: click.view.id }, view: { ...click.view, blocks: [] } }
      : {
          container: {
            type: 'message',
            message_ts: '1.1',
            channel_id: 'C1',
            is_ephemeral: click.ephemeral ?? false,
          },
          channel: { id: 'C1', name: 'support' },
          message: { ts: '1.1', text: 'card', blocks: [] },
          response_url: click.responseUrl,
        }),
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value: click.value,
        action_ts: click.actionTs ?? `${Date.now() / 1000}${++triggers}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let events = 0;

/** An Events API delivery (JSON) wrapping `event`; `eventId` repeats for a retry. */
export function eventBody(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++events}`): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event,
  });
}

/** POSTs an Events API delivery, signed; `retryNum` sets Slack's retry headers. */
export function postEvent(botUrl: string, body: string, retryNum?: number): Promise<Response> {
  return postSigned(botUrl, body, {
    headers: {
      'content-type': 'application/json',
      ...(retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
  });
}

/** An interactive payload (`payload=` JSON): a message shortcut, a modal submission… */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({
    payload: JSON.stringify({
      team: { id: 'T1', domain: 'fake' },
      api_app_id: 'A1',
      token: 'legacy-verification-token',
      trigger_id: `trigger.${++triggers}`,
      ...payload,
    }),
  }).toString();
}
