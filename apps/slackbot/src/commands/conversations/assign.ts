import type { Assignee } from '../../parsing/conv-command';
import { CommandRefusal, call } from '../refusal';
import type { Session } from '../session';

/** The Switchboard agent linked to a Slack user (agents carry `slackUserId`). */
export async function agentForSlackUser(session: Session, slackUserId: string) {
  const { agents } = await call(session.timeoutMs, () =>
    session.api.agents.list.query({ slackUserId, limit: 1 }),
  );
  const agent = agents[0];
  if (!agent) {
    throw new CommandRefusal(
      `<@${slackUserId}> is not linked to a Switchboard agent: set slackUserId ${slackUserId} on their agent first.`,
    );
  }
  return agent;
}

/** Assigns to the agent behind a Slack user (or the acting user), or removes the agent. */
export async function assignConversation(session: Session, conversationId: string, assignee: Assignee) {
  const { api, timeoutMs } = session;
  if (assignee.kind === 'nobody') {
    return {
      conversation: await call(timeoutMs, () => api.conversations.unassign.mutate({ conversationId })),
      agent: null,
    };
  }
  const slackUserId = assignee.kind === 'me' ? session.slackUserId : assignee.slackUserId;
  const agent = await agentForSlackUser(session, slackUserId);
  const conversation = await call(timeoutMs, () =>
    api.conversations.assign.mutate({ conversationId, agentId: agent.id }),
  );
  return { conversation, agent };
}
