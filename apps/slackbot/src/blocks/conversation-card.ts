import { escapeMrkdwn } from '../parsing/slack-text';
import { actionIds } from './action-ids';
import { actions, type Block, bold, button, code, context, header, type Reply, shortTime } from './kit';
import { type ConversationDetails, type HistoryLine, shortId } from './views';

const maxTagButtons = 10;
const maxHistoryLines = 5;

/**
 * A conversation with its buttons: Route, Close, Assign to me (not once CLOSED, which is
 * terminal) and one "Remove <tag>" per tag (tags may change even after closing).
 */
export function conversationCard(details: ConversationDetails, notice?: string): Reply {
  const { conversation, queueName, agent, history } = details;
  const title = conversation.topic ?? 'Untitled conversation';
  const blocks: Block[] = [];
  if (notice) blocks.push(context([notice]));
  blocks.push(header(title));
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `${code(shortId(conversation.id))} · created ${shortTime(conversation.createdAt)}${
        conversation.summary ? `\n${escapeMrkdwn(conversation.summary).slice(0, 2500)}` : ''
      }`,
    },
    fields: [
      field('Status', conversation.status),
      field('Priority', conversation.priority),
      field('Channel', conversation.channel),
      field('Queue', queueName ?? conversation.queueId ?? '—'),
      { type: 'mrkdwn', text: `*Agent*\n${agentText(agent, conversation.agentId)}` },
      field('Tags', conversation.tags.length > 0 ? conversation.tags.join(', ') : '—'),
    ],
  });
  if (history.length > 0) blocks.push(context(historyLines(history)));
  const id = conversation.id;
  if (conversation.status !== 'CLOSED') {
    blocks.push(
      actions(`conv:${id}`, [
        button('Route', actionIds.route, id, { style: 'primary' }),
        button('Assign to me', actionIds.assignMe, id),
        button('Close', actionIds.close, id, {
          style: 'danger',
          confirm: {
            title: 'Close this conversation?',
            text: 'A closed conversation cannot be reopened.',
            confirm: 'Close',
          },
        }),
      ]),
    );
  }
  const tags = conversation.tags.slice(0, maxTagButtons);
  if (tags.length > 0) {
    blocks.push(
      actions(
        `conv_tags:${id}`,
        tags.map((tag, index) =>
          button(`Remove ${tag}`, `${actionIds.untag}:${index}`, JSON.stringify({ id, tag })),
        ),
      ),
    );
  }
  return { text: `${title} (${conversation.status}, ${conversation.priority})`, blocks, ephemeral: false };
}

const field = (label: string, value: string) => ({
  type: 'mrkdwn' as const,
  text: `*${label}*\n${escapeMrkdwn(value)}`,
});

function agentText(agent: ConversationDetails['agent'], agentId: string | null): string {
  if (!agent) return agentId ? escapeMrkdwn(agentId) : '—';
  return agent.slackUserId ? `<@${agent.slackUserId}>` : escapeMrkdwn(agent.name);
}

function historyLines(history: HistoryLine[]): string[] {
  const shown = history
    .slice(0, maxHistoryLines)
    .map((line) => `${shortTime(line.at)} · ${line.who} · ${line.what}`);
  return [`${bold('Latest')}`, ...shown];
}
