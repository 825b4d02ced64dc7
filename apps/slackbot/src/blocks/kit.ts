import type { types } from '@slack/bolt';
import { escapeMrkdwn } from '../parsing/slack-text';

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

/** What the bot sends back: `text` is the notification fallback, `blocks` the card. */
export interface Reply {
  text: string;
  blocks: Block[];
  /** Only the person who ran the command sees it (errors, help). */
  ephemeral: boolean;
}

// Slack's limits: header 150, section text 3000, field 2000, button text 75, button value 2000.
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

export const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text: truncate(text, 3000) });
export const plain = (text: string, max = 75) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: true,
});

export const header = (text: string): Block => ({ type: 'header', text: plain(text, 150) });
export const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
export const context = (lines: string[]): Block => ({
  type: 'context',
  elements: lines.slice(0, 10).map((line) => mrkdwn(line)),
});
export const divider = (): Block => ({ type: 'divider' });

export function button(
  label: string,
  actionId: string,
  value: string,
  options: { style?: 'primary' | 'danger'; confirm?: { title: string; text: string; confirm: string } } = {},
): ButtonElement {
  return {
    type: 'button',
    text: plain(label),
    action_id: actionId,
    value,
    ...(options.style ? { style: options.style } : {}),
    ...(options.confirm
      ? {
          confirm: {
            title: plain(options.confirm.title, 100),
            text: plain(options.confirm.text, 300),
            confirm: plain(options.confirm.confirm, 30),
            deny: plain('Cancel', 30),
          },
        }
      : {}),
  };
}

export const actions = (blockId: string, elements: ButtonElement[]): Block => ({
  type: 'actions',
  block_id: blockId,
  elements: elements.slice(0, 25),
});

/** Inline code for values the user typed; backticks inside would end it early. */
export const code = (text: string) => `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``;

/** A block of code (criteria); mrkdwn still needs `& < >` escaped inside. */
export const codeBlock = (text: string) => `\`\`\`${escapeMrkdwn(text.replace(/```/g, "'''"))}\`\`\``;

export const bold = (text: string) => `*${escapeMrkdwn(text.replace(/\*/g, '∗'))}*`;

/** `2024-05-01T10:20:30.000Z` → `2024-05-01 10:20 UTC`: readable, and the same for everyone. */
export const shortTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
