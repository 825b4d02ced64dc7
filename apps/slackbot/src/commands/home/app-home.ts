import type { WatchedGroup } from '../../blocks/app-home';
import type { ConversationSummary } from '../../blocks/views';
import { call } from '../refusal';
import type { Session } from '../session';

// The home tab shows a screenful; the rest is one `/conv list` away.
const myConversationsShown = 30;

/** The person's open conversations (null when they are not linked to an agent). */
export async function myOpenConversations(session: Session): Promise<ConversationSummary[] | null> {
  const { api, timeoutMs, slackUserId } = session;
  const { agents } = await call(timeoutMs, () => api.agents.list.query({ slackUserId, limit: 1 }));
  const agent = agents[0];
  if (!agent) return null;
  const { conversations } = await call(timeoutMs, () =>
    api.conversations.list.query({
      agentId: agent.id,
      status: ['OPEN', 'WAITING'],
      limit: myConversationsShown,
    }),
  );
  return conversations;
}

/** Every group some channel watches, with its channels (stopped ones with why) and its count. */
export async function watchedGroups(session: Session): Promise<WatchedGroup[]> {
  const { api, timeoutMs } = session;
  const { watches } = await call(timeoutMs, () => api.slack.watches.query({}));
  const groups = new Map<string, WatchedGroup>();
  for (const watch of watches) {
    const group = groups.get(watch.group.id) ?? { ...watch.group, count: null, channels: [] };
    group.channels.push({ channelId: watch.channelId, disabledReason: watch.disabledReason });
    groups.set(group.id, group);
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      group.count = await call(timeoutMs, () => api.groups.count.query({ groupId: group.id }))
        .then((answer) => answer.count)
        .catch(() => null);
    }),
  );
  return [...groups.values()];
}
