import { NameBook } from '../../live/names';
import { escapeMrkdwn } from '../../parsing/slack-text';
import type { Session } from '../session';

interface Routing {
  queueId: string | null;
  explanation: string;
  assignment: { agentId: string | null; explanation: string };
}

/**
 * "Routed by <@U1>: Matched route "Billing words"; routed to queue *Billing*. Assigned <@U2> (…)".
 * The API explains with ids (it serves machines too); a person reads the queue's and agent's names.
 */
export async function routingNotice(session: Session, routing: Routing): Promise<string> {
  const names = new NameBook(session.api);
  const { queueId } = routing;
  const { agentId } = routing.assignment;
  const [queue, agent] = await Promise.all([
    queueId ? names.queueText(queueId) : null,
    agentId ? names.agentText(agentId) : null,
  ]);
  let why = escapeMrkdwn(`${routing.explanation} ${routing.assignment.explanation}`);
  // Ids are UUIDs (nothing mrkdwn escapes), so they are found as written in the escaped text.
  if (queueId && queue) why = why.replaceAll(queueId, `*${queue}*`);
  if (agentId && agent) why = why.replaceAll(agentId, agent);
  return `Routed by <@${session.slackUserId}>: ${why}`;
}
