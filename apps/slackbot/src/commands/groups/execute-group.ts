import { groupList } from '../../blocks/group-card';
import { groupHelp } from '../../blocks/help';
import { type Reply, section } from '../../blocks/kit';
import { type GroupCommand, parseGroupCommand } from '../../parsing/group-command';
import { escapeMrkdwn } from '../../parsing/slack-text';
import { groupUsage } from '../../parsing/usage';
import { type ErrorLogger, errorReplyFor, replyOrError } from '../outcome';
import { call } from '../refusal';
import type { Session } from '../session';
import { findGroup } from './find-group';
import { groupPage } from './group-page';
import { runWatchCommand } from './watch-channel';

const listPageSize = 40;

/** `/group …`: parse, call the API as the Slack user, answer with a card or an error. */
export async function executeGroupCommand(text: string, session: Session, log: ErrorLogger): Promise<Reply> {
  let command: GroupCommand;
  try {
    command = parseGroupCommand(text);
  } catch (error) {
    return errorReplyFor(error, groupUsage.help, log);
  }
  if (command.name === 'help') return groupHelp();
  return replyOrError(groupUsage[command.name], log, () => runGroupCommand(command, session));
}

async function runGroupCommand(
  command: Exclude<GroupCommand, { name: 'help' }>,
  session: Session,
): Promise<Reply> {
  const { api, timeoutMs, slackUserId } = session;
  const by = `by <@${slackUserId}>`;
  switch (command.name) {
    case 'list':
      return listGroups(session);
    case 'show':
      return groupPage(session, await findGroup(session, command.ref), 0);
    case 'create': {
      const { group } = await call(
        timeoutMs,
        () =>
          api.groups.create.mutate({
            name: command.groupName,
            criteria: command.criteria,
            ...(command.description !== undefined ? { description: command.description } : {}),
          }),
        command.criteria,
      );
      return groupPage(session, group, 0, `Group created ${by}`);
    }
    case 'update': {
      const current = await findGroup(session, command.ref);
      // The API replaces a group whole (Symbl's PUT), so unchanged fields are sent as they are.
      const { group } = await call(
        timeoutMs,
        () =>
          api.groups.update.mutate({
            groupId: current.id,
            name: command.changes.name ?? current.name,
            description: command.changes.description ?? current.description,
            criteria: command.changes.criteria ?? current.criteria,
          }),
        command.changes.criteria,
      );
      return groupPage(session, group, 0, `Group updated ${by}`);
    }
    case 'watch':
    case 'unwatch':
    case 'watching':
      return runWatchCommand(command, session);
    case 'delete': {
      const group = await findGroup(session, command.ref);
      await call(timeoutMs, () => api.groups.delete.mutate({ groupId: group.id }));
      return {
        text: `Group ${group.name} deleted`,
        blocks: [
          section(`Group *${escapeMrkdwn(group.name)}* deleted ${by}. Its conversations are unchanged.`),
        ],
        ephemeral: false,
      };
    }
  }
}

/** One page of groups; the More button carries the next cursor. */
export async function listGroups(session: Session, cursor?: string): Promise<Reply> {
  const page = await call(session.timeoutMs, () =>
    session.api.groups.list.query({ limit: listPageSize, ...(cursor ? { cursor } : {}) }),
  );
  return groupList(page.groups, page.nextCursor ?? undefined);
}
