import { escapeMrkdwn } from '../parsing/slack-text';
import { actionIds } from './action-ids';
import { conversationCard } from './conversation-card';
import { actions, type Block, button, context, type Reply, section, shortTime, truncate } from './kit';
import type { ConversationDetails } from './views';

export interface CardMessage {
  from: string;
  text: string;
  /** IN: from the customer; OUT: a reply sent to them. */
  direction: string;
  createdAt: string;
}

// Three messages of up to 600 characters keep the card readable and far below a section's 3000.
const messageLength = 600;

/**
 * Every conversation card (commands, watched channels, DMs, App Home): the conversation card, the
 * latest messages exchanged with the customer (oldest first), and a Reply to customer button —
 * the only way text typed in Slack reaches the customer (thread replies are internal notes).
 * `mark` says the conversation left the group a watched channel follows.
 */
export function liveCard(
  details: ConversationDetails,
  extra: { latestMessages: CardMessage[]; mark?: string | null | undefined; notice?: string | undefined },
): Reply {
  const card = conversationCard(details, extra.notice);
  const blocks: Block[] = [];
  if (extra.mark) blocks.push(context([`:white_check_mark: ${escapeMrkdwn(extra.mark)}`]));
  blocks.push(...card.blocks);
  // After the header and the fields section: the customer's own words come before the history.
  blocks.splice(
    blocks.findIndex((block) => block.type === 'section') + 1,
    0,
    messagesBlock(extra.latestMessages),
  );
  if (details.conversation.status !== 'CLOSED') {
    const id = details.conversation.id;
    blocks.push(actions(`conv_reply:${id}`, [button('Reply to customer', actionIds.replyToCustomer, id)]));
  }
  const text = extra.mark ? `${extra.mark} · ${card.text}` : card.text;
  return { ...card, text, blocks };
}

function messagesBlock(messages: CardMessage[]): Block {
  if (messages.length === 0) return context(['No message from the customer yet.']);
  const lines = messages.map((message) => {
    const who =
      message.direction === 'OUTBOUND'
        ? `Reply by ${escapeMrkdwn(message.from)}`
        : escapeMrkdwn(message.from);
    const quoted = escapeMrkdwn(truncate(message.text, messageLength)).replace(/\n/g, '\n>');
    return `*${who}* · ${shortTime(message.createdAt)}\n>${quoted}`;
  });
  return section(lines.join('\n'));
}
