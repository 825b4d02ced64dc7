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
  /** What the Previous / Next buttons send back to fetch those pages; absent at either end. */
  previous?: string;
  next?: string;
}

// A button value holds at most 2000 characters; longer paging state cannot ride on it.
const maxValue = 2000;

/** A page of conversations, each with a Show button, and Previous / Next where those pages exist. */
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
  const paging = [
    ...(page.previous !== undefined
      ? [button('◀ Previous', `${actionIds.listPage}:prev`, page.previous)]
      : []),
    ...(page.next !== undefined ? [button('Next ▶', `${actionIds.listPage}:next`, page.next)] : []),
  ];
  if (paging.some((b) => (b.value ?? '').length > maxValue))
    blocks.push(context(['More match; narrow the criteria to page through them.']));
  else if (paging.length > 0) blocks.push(actions('conv_list', paging));
  return { text: `Conversations ${range}`, blocks, ephemeral: false };
}
