import { escapeMrkdwn } from '../parsing/slack-text';
import { actionIds } from './action-ids';
import { conversationLine } from './conversation-list';
import { type Block, button, context, divider, header, section } from './kit';
import type { ConversationSummary } from './views';

export interface WatchedGroup {
  id: string;
  name: string;
  /** Conversations in the group now; null when counting failed. */
  count: number | null;
  channels: { channelId: string; disabledReason: string | null }[];
}

// Slack's home tab takes 100 blocks.
const maxConversations = 30;
const maxGroups = 20;

/** The App Home tab: the person's open conversations, then the groups channels watch. */
export function appHomeView(
  mine: ConversationSummary[] | null,
  groups: WatchedGroup[],
): { type: 'home'; blocks: Block[] } {
  const blocks: Block[] = [header('My open conversations')];
  if (mine === null)
    blocks.push(context(['You are not linked to a Switchboard agent (set slackUserId on your agent).']));
  else if (mine.length === 0) blocks.push(context(['Nothing open is assigned to you.']));
  for (const conversation of (mine ?? []).slice(0, maxConversations)) {
    blocks.push({
      ...section(conversationLine(conversation)),
      accessory: button('Show', actionIds.show, conversation.id),
    } as Block);
  }
  blocks.push(divider(), header('Watched groups'));
  if (groups.length === 0)
    blocks.push(context(['No channel watches a group yet: `/group watch <name>` in a channel.']));
  for (const group of groups.slice(0, maxGroups)) {
    const where = group.channels
      .map((c) =>
        c.disabledReason
          ? `<#${c.channelId}> (stopped: ${escapeMrkdwn(c.disabledReason)})`
          : `<#${c.channelId}>`,
      )
      .join(', ');
    const count = group.count === null ? '' : ` — ${group.count} conversation${group.count === 1 ? '' : 's'}`;
    blocks.push({
      ...section(`*${escapeMrkdwn(group.name)}*${count}\n${where}`),
      accessory: button('Show', actionIds.groupShow, group.id),
    } as Block);
  }
  return { type: 'home', blocks };
}
