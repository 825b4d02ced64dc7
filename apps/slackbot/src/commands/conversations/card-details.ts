import type { SwitchboardApi } from '../../api/client';
import type { ConversationDetails, HistoryLine } from '../../blocks/views';
import { call } from '../refusal';
import type { Session } from '../session';
import { describeEvent } from './describe-event';

type Conversation = Awaited<ReturnType<SwitchboardApi['conversations']['get']['query']>>;
type HistoryEvent = Awaited<
  ReturnType<SwitchboardApi['conversations']['history']['query']>
>['events'][number];

// History comes oldest first; a card shows the newest few, so it reads to the end (bounded).
const historyPageSize = 100;
const maxHistoryPages = 5;

/**
 * Everything a card shows beyond the conversation: queue and agent names and the latest history.
 * Those extras are best effort — if one lookup fails the card shows ids instead of names.
 */
export async function cardDetails(
  session: Session,
  conversation: Conversation,
): Promise<ConversationDetails> {
  const { api, timeoutMs } = session;
  const { queueId, agentId } = conversation;
  const [queue, agent, history] = await Promise.all([
    queueId ? call(timeoutMs, () => api.queues.get.query({ queueId })).catch(() => null) : null,
    agentId ? call(timeoutMs, () => api.agents.get.query({ agentId })).catch(() => null) : null,
    latestHistory(session, conversation.id).catch(() => []),
  ]);
  return {
    conversation,
    queueName: queue?.name ?? null,
    agent: agent ? { name: agent.name, slackUserId: agent.slackUserId } : null,
    history,
  };
}

async function latestHistory(session: Session, conversationId: string): Promise<HistoryLine[]> {
  const events: HistoryEvent[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxHistoryPages; page++) {
    const result = await call(session.timeoutMs, () =>
      session.api.conversations.history.query({
        conversationId,
        limit: historyPageSize,
        ...(cursor ? { cursor } : {}),
      }),
    );
    events.push(...result.events);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return events
    .slice(-5)
    .reverse()
    .map((event) => ({ at: event.createdAt, who: actorText(event.actor), what: describeEvent(event) }));
}

function actorText(actor: { type: string; id: string }): string {
  switch (actor.type) {
    case 'SLACK_USER':
      return `<@${actor.id}>`;
    case 'API_KEY':
      return 'an API key';
    case 'ACCESS_TOKEN':
      return 'an access token';
    case 'ADMIN':
      return 'the operator';
    default:
      return 'Switchboard';
  }
}
