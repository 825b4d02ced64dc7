import type { Logger } from '@slack/bolt';
import type { Session } from '../commands/session';
import { CardUpdates } from './card-updates';
import { renderLiveCard } from './card-view';
import { CursorWriter } from './cursor-writer';
import { followEvents } from './event-feed';
import { inboxEventTypes, inboxHandler } from './inbox';
import { NameBook } from './names';
import { SlackOutbox } from './slack-outbox';

export interface LiveInboxOptions {
  apiUrl: string;
  apiKey: string;
  botToken: string;
  slackApiUrl: string | undefined;
  cardCoalesceMs: number;
  session: Session;
  logger: Logger;
}

export interface LiveInbox {
  /** Resolves once the event stream is open (tests wait for it before changing anything). */
  connected: Promise<void>;
  stop(): Promise<void>;
}

// How often the inbox's position in the event log is stored (see CursorWriter).
const cursorWriteMs = 500;

/** Follows the event log and keeps the watched channels' cards and the assignees' DMs current. */
export function startLiveInbox(options: LiveInboxOptions): LiveInbox {
  const { session, logger } = options;
  const api = session.api;
  const abort = new AbortController();
  const outbox = new SlackOutbox(
    { token: options.botToken, slackApiUrl: options.slackApiUrl, logger },
    async (channelId, reason) => {
      const { disabled } = await api.slack.disableChannel.mutate({ channelId, reason });
      if (disabled > 0) logger.warn(`Stopped ${disabled} watch(es) in ${channelId}: ${reason}`);
    },
  );
  const updates = new CardUpdates({
    outbox,
    coalesceMs: options.cardCoalesceMs,
    logger,
    render: (conversationId, mark) => renderLiveCard(session, conversationId, { mark }),
  });
  const handle = inboxHandler({ session, outbox, names: new NameBook(api), updates, logger });
  const cursor = new CursorWriter(
    (sequence) => api.slack.advanceCursor.mutate({ sequence }),
    cursorWriteMs,
    logger,
  );
  let markConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => {
    markConnected = resolve;
  });
  const following = followEvents({
    url: options.apiUrl,
    apiKey: options.apiKey,
    types: inboxEventTypes,
    resumeAfter: async () => (await api.slack.cursor.query()).sequence,
    handle: async (event) => {
      await handle(event);
      cursor.note(event.sequence);
    },
    onConnected: () => markConnected(),
    logger,
    signal: abort.signal,
  });
  return {
    connected,
    stop: async () => {
      abort.abort();
      await following;
      await Promise.all([updates.flushAll(), cursor.flush()]);
    },
  };
}
