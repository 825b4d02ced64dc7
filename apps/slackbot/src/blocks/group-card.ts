import { escapeMrkdwn } from '../parsing/slack-text';
import { actionIds } from './action-ids';
import { conversationLine } from './conversation-list';
import {
  actions,
  type Block,
  type ButtonElement,
  button,
  code,
  codeBlock,
  context,
  header,
  type Reply,
  section,
  truncate,
} from './kit';
import type { ConversationSummary, GroupSummary } from './views';

export interface GroupPage {
  group: GroupSummary;
  /** Conversations matching the criteria now. */
  count: number;
  members: ConversationSummary[];
  offset: number;
  pageSize: number;
}

/** A group: its criteria, how many conversations match now, and one page of them. */
export function groupCard(page: GroupPage, notice?: string): Reply {
  const { group, count, members, offset, pageSize } = page;
  const blocks: Block[] = [];
  if (notice) blocks.push(context([notice]));
  blocks.push(header(group.name));
  if (group.description) blocks.push(section(escapeMrkdwn(group.description)));
  blocks.push(section(`*Criteria*\n${codeBlock(group.criteria)}`));
  const noun = count === 1 ? 'conversation matches' : 'conversations match';
  if (members.length === 0) {
    blocks.push(section(`*${count}* ${noun} now.`));
  } else {
    blocks.push(section(`*${count}* ${noun} now · showing ${offset + 1}–${offset + members.length}`));
    blocks.push(section(members.map(conversationLine).join('\n')));
  }
  const paging: ButtonElement[] = [];
  if (offset > 0) paging.push(pageButton('◀ Previous', group.id, Math.max(0, offset - pageSize), 'prev'));
  if (offset + members.length < count) paging.push(pageButton('Next ▶', group.id, offset + pageSize, 'next'));
  if (paging.length > 0) blocks.push(actions(`group:${group.id}`, paging));
  blocks.push(context([`id ${escapeMrkdwn(group.id)}`]));
  return { text: `Group ${group.name}: ${count} ${noun}`, blocks, ephemeral: false };
}

// Both paging buttons share one block, so their action ids differ by a suffix.
const pageButton = (label: string, groupId: string, offset: number, which: string) =>
  button(label, `${actionIds.groupPage}:${which}`, JSON.stringify({ groupId, offset }));

/** All groups, each with a Show button. */
export function groupList(groups: GroupSummary[], more: string | undefined, notice?: string): Reply {
  const blocks: Block[] = [];
  if (notice) blocks.push(context([notice]));
  if (groups.length === 0) {
    blocks.push(section('No groups yet. Create one with `/group create "VIP" tags==vip`.'));
    return { text: 'No groups', blocks, ephemeral: false };
  }
  blocks.push(section(`*Groups* (${groups.length}${more ? '+' : ''})`));
  for (const group of groups.slice(0, 40)) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(group.name)}* · ${code(truncate(group.criteria, 200))}`,
      },
      accessory: button('Show', actionIds.groupShow, group.id),
    });
  }
  if (more) blocks.push(actions('group_list', [button('More', actionIds.groupListMore, more)]));
  return { text: `${groups.length} groups`, blocks, ephemeral: false };
}
