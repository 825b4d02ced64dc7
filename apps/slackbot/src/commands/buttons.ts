import {
  actionIds,
  groupPageActionPattern,
  listPageActionPattern,
  untagActionPattern,
} from '../blocks/action-ids';
import type { Reply } from '../blocks/kit';
import { escapeMrkdwn } from '../parsing/slack-text';
import { convUsage, groupUsage } from '../parsing/usage';
import { assignConversation } from './conversations/assign';
import { type ListCursor, listPage } from './conversations/list-page';
import { routingNotice } from './conversations/routing-notice';
import { cardReply } from './conversations/show-card';
import { listGroups } from './groups/execute-group';
import { findGroup } from './groups/find-group';
import { groupPage } from './groups/group-page';
import { CommandRefusal, call } from './refusal';
import type { Session } from './session';

/**
 * Where a button's answer goes. `replace`: the card it is on shows the conversation as it now is,
 * for everyone. `beside`: a new message only the clicker sees (Show never hides a list from the
 * channel). `page`: paging replaces a page only the clicker sees, and otherwise goes beside, so a
 * list in the channel stays as it was for everyone else.
 */
export type Placement = 'replace' | 'beside' | 'page';

export interface ButtonHandler {
  actionId: string | RegExp;
  /** The command line that does the same, shown under an error. */
  usage: string;
  placement: Placement;
  run(value: string, session: Session): Promise<Reply>;
}

/** Every button on the cards: the same procedures as the commands, answered with a fresh card. */
export const buttonHandlers: ButtonHandler[] = [
  {
    actionId: actionIds.show,
    placement: 'beside',
    usage: convUsage.show,
    run: async (id, session) =>
      cardReply(
        session,
        await call(session.timeoutMs, () => session.api.conversations.get.query({ conversationId: id })),
      ),
  },
  {
    actionId: actionIds.route,
    placement: 'replace',
    usage: convUsage.route,
    run: async (id, session) => {
      const routed = await call(session.timeoutMs, () =>
        session.api.conversations.route.mutate({ conversationId: id }),
      );
      return cardReply(session, routed, await routingNotice(session, routed.routing));
    },
  },
  {
    actionId: actionIds.close,
    placement: 'replace',
    usage: convUsage.close,
    run: async (id, session) => {
      const closed = await call(session.timeoutMs, () =>
        session.api.conversations.setStatus.mutate({ conversationId: id, status: 'CLOSED' }),
      );
      return cardReply(session, closed, `Closed by <@${session.slackUserId}>`);
    },
  },
  {
    actionId: actionIds.assignMe,
    placement: 'replace',
    usage: convUsage.assign,
    run: async (id, session) => {
      const { conversation } = await assignConversation(session, id, { kind: 'me' });
      return cardReply(session, conversation, `Assigned to <@${session.slackUserId}>`);
    },
  },
  {
    actionId: untagActionPattern,
    placement: 'replace',
    usage: convUsage.untag,
    run: async (value, session) => {
      const { id, tag } = parseValue<{ id: string; tag: string }>(
        value,
        (v) => isString(v.id) && isString(v.tag),
      );
      await call(session.timeoutMs, () =>
        session.api.tags.removeFromConversation.mutate({ conversationId: id, tagName: tag }),
      );
      const after = await call(session.timeoutMs, () =>
        session.api.conversations.get.query({ conversationId: id }),
      );
      return cardReply(session, after, `Untagged ${escapeMrkdwn(tag)} by <@${session.slackUserId}>`);
    },
  },
  {
    actionId: listPageActionPattern,
    placement: 'page',
    usage: convUsage.list,
    run: (value, session) =>
      listPage(
        session,
        parseValue<ListCursor>(
          value,
          (v) =>
            isCount(v.page, 0) && isCount(v.limit, 1) && (v.criteria === undefined || isString(v.criteria)),
        ),
      ),
  },
  {
    actionId: actionIds.groupShow,
    placement: 'beside',
    usage: groupUsage.show,
    run: async (groupId, session) => groupPage(session, await findGroup(session, groupId), 0),
  },
  {
    actionId: groupPageActionPattern,
    placement: 'page',
    usage: groupUsage.show,
    run: async (value, session) => {
      const { groupId, offset } = parseValue<{ groupId: string; offset: number }>(
        value,
        (v) => isString(v.groupId) && isCount(v.offset, 0),
      );
      return groupPage(session, await findGroup(session, groupId), offset);
    },
  },
  {
    actionId: actionIds.groupListMore,
    placement: 'page',
    usage: groupUsage.list,
    run: (cursor, session) => listGroups(session, cursor),
  },
];

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isCount = (value: unknown, min: number): value is number =>
  Number.isInteger(value) && (value as number) >= min;

/** Button values are JSON we wrote; anything else is an old or forged button. */
function parseValue<T>(value: string, valid: (parsed: Record<string, unknown>) => boolean): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || !valid(parsed as Record<string, unknown>)) {
    throw new CommandRefusal('This button is out of date; run the command again.');
  }
  return parsed as T;
}
