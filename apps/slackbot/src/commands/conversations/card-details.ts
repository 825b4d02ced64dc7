import type { SwitchboardApi } from '../../api/client';
import type { ConversationDetails, HistoryLine } from '../../blocks/views';
import { NameBook } from '../../live/names';
import { call } from '../refusal';
import type { Session } from '../session';
import { describeEvent } from './describe-event';

type Conversation = Awaited<ReturnType<SwitchboardApi['conversations']['get']['query']>>;
// A card shows the newest few events.
const latestEvents = 5;

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
  const { events } = await call(session.timeoutMs, () =>
    session.api.conversations.history.query({ conversationId, limit: latestEvents, order: 'desc' }),
  );
  const names = new NameBook(session.api);
  return Promise.all(
    events.map(async (event) => ({
      at: event.createdAt,
      who: actorText(event.actor),
      what: await describeEvent(event, names),
    })),
  );
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
