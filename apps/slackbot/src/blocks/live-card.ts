import { escapeMrkdwn } from '../parsing/slack-text';
import { actionIds } from './action-ids';
import { conversationCard } from './conversation-card';
import { actions, type Block, button, context, type Reply, section, shortTime, truncate } from './kit';
import type { ConversationDetails } from './views';

export interface CustomerMessage {
  from: string;
  text: string;
  createdAt: string;
}

/**
 * The card a watched channel (or an assignee's DM) gets: the conversation card, the latest
 * customer message, and a Reply to customer button — the only way text typed in Slack reaches
 * the customer (thread replies are internal notes). `mark` says the conversation left the group.
 */
export function liveCard(
  details: ConversationDetails,
  extra: { latestCustomerMessage: CustomerMessage | null; mark?: string | null | undefined; notice?: string },
): Reply {
  const card = conversationCard(details, extra.notice);
  const blocks: Block[] = [];
  if (extra.mark) blocks.push(context([`:white_check_mark: ${escapeMrkdwn(extra.mark)}`]));
  blocks.push(...card.blocks);
  const message = extra.latestCustomerMessage;
  // After the header and the fields section: the customer's own words come before the history.
  blocks.splice(blocks.findIndex((block) => block.type === 'section') + 1, 0, customerBlock(message));
  if (details.conversation.status !== 'CLOSED') {
    const id = details.conversation.id;
    blocks.push(actions(`conv_reply:${id}`, [button('Reply to customer', actionIds.replyToCustomer, id)]));
  }
  const text = extra.mark ? `${extra.mark} · ${card.text}` : card.text;
  return { ...card, text, blocks };
}

function customerBlock(message: CustomerMessage | null): Block {
  if (!message) return context(['No message from the customer yet.']);
  return section(
    `*${escapeMrkdwn(message.from)}* · ${shortTime(message.createdAt)}\n>${escapeMrkdwn(truncate(message.text, 1500)).replace(/\n/g, '\n>')}`,
  );
}
