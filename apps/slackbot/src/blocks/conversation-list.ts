import { escapeMrkdwn } from '../parsing/slack-text';
import { actionIds } from './action-ids';
import { actions, type Block, button, code, context, type Reply, section, truncate } from './kit';
import { type ConversationSummary, shortId } from './views';

/** One line per conversation, used by lists and group cards. */
export function conversationLine(conversation: ConversationSummary): string {
  const topic = conversation.topic ? escapeMrkdwn(truncate(conversation.topic, 80)) : '_untitled_';
  const tags =
    conversation.tags.length > 0 ? ` · ${escapeMrkdwn(truncate(conversation.tags.join(', '), 80))}` : '';
  return `${code(shortId(conversation.id))} *${topic}* — ${conversation.status} · ${conversation.priority} · ${escapeMrkdwn(conversation.channel)}${tags}`;
}

export interface ConversationListPage {
  conversations: ConversationSummary[];
  criteria: string | undefined;
  /** Total matches, when the API counted them. */
  total?: number;
  /** Where this page starts (0-based), for "showing 11–20". */
  offset: number;
  /** What the "More" button sends back to fetch the next page; absent on the last page. */
  more?: string;
}

// A button value holds at most 2000 characters; longer paging state cannot ride on it.
const maxValue = 2000;

/** A page of conversations, each with a Show button, and "More" when another page exists. */
export function conversationList(page: ConversationListPage, notice?: string): Reply {
  const { conversations, criteria, total, offset } = page;
  const what = criteria ? `matching ${code(criteria)}` : '';
  const blocks: Block[] = [];
  if (notice) blocks.push(context([notice]));
  if (conversations.length === 0) {
    blocks.push(section(`No conversations ${what || 'yet'}.`.replace('  ', ' ')));
    return { text: 'No conversations', blocks, ephemeral: false };
  }
  const range = `${offset + 1}–${offset + conversations.length}${total !== undefined ? ` of ${total}` : ''}`;
  blocks.push(section(`*Conversations* ${what} (${range})`.replace('  ', ' ')));
  for (const conversation of conversations) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: conversationLine(conversation) },
      accessory: button('Show', actionIds.show, conversation.id),
    });
  }
  if (page.more !== undefined) {
    if (page.more.length <= maxValue)
      blocks.push(actions('conv_list', [button('More', actionIds.listMore, page.more)]));
    else blocks.push(context(['More match; narrow the criteria to see them.']));
  }
  return { text: `Conversations ${range}`, blocks, ephemeral: false };
}
