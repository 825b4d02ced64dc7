import type { Logger } from '@slack/bolt';
import { call } from '../commands/refusal';
import type { Session } from '../commands/session';
import type { CardUpdates } from './card-updates';
import { renderLiveCard } from './card-view';
import { actorText, describeChange } from './describe-change';
import type { FeedEvent } from './event-feed';
import type { NameBook } from './names';
import type { SlackOutbox } from './slack-outbox';

/** What the inbox follows in the event log. */
export const inboxEventTypes = [
  'group.entered',
  'group.left',
  'conversation.updated',
  'conversation.status_changed',
  'conversation.closed',
  'conversation.routed',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.tagged',
  'conversation.untagged',
  'message.created',
] as const;

// Claims of handled events outlive any replay of the retained log a restarted bot could do.
const handledEventTtlSeconds = 7 * 24 * 3600;
// The last change per conversation, kept for the "Left VIP: status → SOLVED" mark.
const rememberedChanges = 1000;

export interface InboxDeps {
  /** The bot's own session (no acting Slack user). */
  session: Session;
  outbox: SlackOutbox;
  names: NameBook;
  updates: CardUpdates;
  logger: Logger;
}

interface GroupRef {
  id: string;
  name: string;
}

/**
 * Turns log events into Slack: a card per conversation in each channel watching a group it
 * enters, in-place updates with thread lines, a mark when it leaves, and a DM to the assignee.
 * Every bot process sees every event; one claims it (slack.claimOnce), so the work is done once.
 */
export function inboxHandler(deps: InboxDeps): (event: FeedEvent) => Promise<void> {
  const { session } = deps;
  const api = session.api;
  const lastChange = new Map<string, string>();

  return async (event) => {
    const conversation = event.data.conversation as { id: string; agentId: string | null } | undefined;
    if (!conversation) return;
    const change = await describeChange(event, deps.names);
    if (change && event.type !== 'message.created') remember(lastChange, conversation.id, change.what);
    const { first } = await call(session.timeoutMs, () =>
      api.slack.claimOnce.mutate({ key: `event:${event.id}`, ttlSeconds: handledEventTtlSeconds }),
    );
    if (!first) return;
    switch (event.type) {
      case 'group.entered':
        return enter(deps, conversation.id, event.data.group as GroupRef);
      case 'group.left':
        return leave(deps, conversation.id, event.data.group as GroupRef, lastChange.get(conversation.id));
      default:
        await updateCards(deps, conversation.id, change?.line);
        if (event.type === 'conversation.assigned' && conversation.agentId) {
          await notifyAssignee(deps, conversation.id, conversation.agentId, actorText(event.actor));
        }
    }
  };
}

async function liveWatches(deps: InboxDeps, groupId: string) {
  const { watches } = await deps.session.api.slack.watches.query({ groupId });
  return watches.filter((watch) => watch.disabledReason === null);
}

/** Posts the card in each watching channel that has none; a card already there is updated. */
async function enter(deps: InboxDeps, conversationId: string, group: GroupRef): Promise<void> {
  const { api } = deps.session;
  for (const { channelId } of await liveWatches(deps, group.id)) {
    const claim = await api.slack.claimCard.mutate({ conversationId, channelId });
    if (claim.claimed) {
      const reply = await renderLiveCard(deps.session, conversationId);
      const posted = await deps.outbox.inChannel(channelId, (client) =>
        client.chat.postMessage({ channel: channelId, text: reply.text, blocks: reply.blocks }),
      );
      if (posted.ts) await api.slack.recordCard.mutate({ conversationId, channelId, messageTs: posted.ts });
    } else if (claim.messageTs) {
      await api.slack.markCard.mutate({ conversationId, channelId, mark: null });
      deps.updates.add(
        { conversationId, channelId, messageTs: claim.messageTs, mark: null },
        `Entered ${group.name} again`,
      );
    }
  }
}

/** Marks the card in each channel watching the group the conversation left. */
async function leave(
  deps: InboxDeps,
  conversationId: string,
  group: GroupRef,
  reason?: string,
): Promise<void> {
  const { api } = deps.session;
  const channels = new Set((await liveWatches(deps, group.id)).map((watch) => watch.channelId));
  const mark = `Left ${group.name}${reason ? `: ${reason}` : ''}`;
  const { cards } = await api.slack.cards.query({ conversationId });
  for (const card of cards.filter((c) => channels.has(c.channelId))) {
    await api.slack.markCard.mutate({ conversationId, channelId: card.channelId, mark });
    deps.updates.add({ ...card, conversationId, mark }, mark);
  }
}

async function updateCards(deps: InboxDeps, conversationId: string, line: string | undefined): Promise<void> {
  const { cards } = await deps.session.api.slack.cards.query({ conversationId });
  for (const card of cards) deps.updates.add({ ...card, conversationId }, line);
}

/** The assignee, when linked to a Slack user, gets the card in a direct message. */
async function notifyAssignee(
  deps: InboxDeps,
  conversationId: string,
  agentId: string,
  by: string,
): Promise<void> {
  const agent = await deps.names.agent(agentId);
  if (!agent?.slackUserId) return;
  const user = agent.slackUserId;
  const reply = await renderLiveCard(deps.session, conversationId, { notice: `Assigned to you by ${by}` });
  await deps.outbox.inChannel(user, async (client) => {
    const opened = await client.conversations.open({ users: user });
    const channel = opened.channel?.id ?? user;
    await client.chat.postMessage({ channel, text: `Assigned to you: ${reply.text}`, blocks: reply.blocks });
  });
}

function remember(map: Map<string, string>, key: string, value: string | undefined): void {
  if (value === undefined) return;
  map.delete(key);
  map.set(key, value);
  if (map.size > rememberedChanges) map.delete(map.keys().next().value as string);
}
