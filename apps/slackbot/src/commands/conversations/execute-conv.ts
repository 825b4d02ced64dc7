import { convHelp } from '../../blocks/help';
import type { Reply } from '../../blocks/kit';
import { type ConvCommand, parseConvCommand } from '../../parsing/conv-command';
import { escapeMrkdwn } from '../../parsing/slack-text';
import { convUsage } from '../../parsing/usage';
import { type ErrorLogger, errorReplyFor, replyOrError } from '../outcome';
import { call } from '../refusal';
import type { Session } from '../session';
import { assignConversation } from './assign';
import { findConversation } from './find-conversation';
import { listCriteria } from './list-criteria';
import { defaultListLimit, listPage } from './list-page';
import { routingNotice } from './routing-notice';
import { cardReply } from './show-card';

/** `/conv …`: parse, call the API as the Slack user, answer with a card or an error. */
export async function executeConvCommand(text: string, session: Session, log: ErrorLogger): Promise<Reply> {
  let command: ConvCommand;
  try {
    command = parseConvCommand(text);
  } catch (error) {
    return errorReplyFor(error, convUsage.help, log);
  }
  if (command.name === 'help') return convHelp();
  return replyOrError(convUsage[command.name], log, () => runConvCommand(command, session));
}

async function runConvCommand(
  command: Exclude<ConvCommand, { name: 'help' }>,
  session: Session,
): Promise<Reply> {
  const { api, timeoutMs, slackUserId } = session;
  const by = `by <@${slackUserId}>`;
  if (command.name === 'list') {
    const { limit } = command;
    const criteria = await listCriteria(session, command);
    return listPage(session, {
      ...(criteria !== undefined ? { criteria } : {}),
      page: 0,
      limit: limit ?? defaultListLimit,
    });
  }
  if (command.name === 'create') {
    const { topic, priority, channel, queueId, tags } = command;
    const created = await call(timeoutMs, () =>
      api.conversations.create.mutate({ topic, priority, channel, queueId, tags }),
    );
    return cardReply(session, created, `Created ${by}`);
  }
  const found = await findConversation(session, command.ref);
  const conversationId = found.id;
  switch (command.name) {
    case 'show':
      return cardReply(session, found);
    case 'route': {
      const routed = await call(timeoutMs, () => api.conversations.route.mutate({ conversationId }));
      return cardReply(session, routed, await routingNotice(session, routed.routing));
    }
    case 'close':
    case 'status': {
      const status = command.name === 'status' ? command.status : 'CLOSED';
      const changed = await call(timeoutMs, () =>
        api.conversations.setStatus.mutate({ conversationId, status }),
      );
      return cardReply(session, changed, `Status set to ${status} ${by}`);
    }
    case 'tag':
    case 'untag': {
      for (const tagName of command.tags) {
        if (command.name === 'tag')
          await call(timeoutMs, () => api.tags.addToConversation.mutate({ conversationId, tagName }));
        else await call(timeoutMs, () => api.tags.removeFromConversation.mutate({ conversationId, tagName }));
      }
      const after = await call(timeoutMs, () => api.conversations.get.query({ conversationId }));
      const verb = command.name === 'tag' ? 'Tagged' : 'Untagged';
      return cardReply(session, after, `${verb} ${escapeMrkdwn(command.tags.join(', '))} ${by}`);
    }
    case 'assign': {
      const { conversation, agent } = await assignConversation(session, conversationId, command.assignee);
      const notice = agent ? `Assigned to ${escapeMrkdwn(agent.name)} ${by}` : `Unassigned ${by}`;
      return cardReply(session, conversation, notice);
    }
  }
}
