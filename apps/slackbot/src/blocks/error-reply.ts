import { escapeMrkdwn, escapeMrkdwnKeepingMentions } from '../parsing/slack-text';
import { type Block, codeBlock, context, type Reply, section } from './kit';

export interface ErrorDetails {
  message: string;
  /** The usage line(s) of the command that failed. */
  usage?: string;
  /** The criteria the user wrote and where the API found the problem. */
  criteria?: { text: string; line: number; column: number };
}

/** Only the user who ran the command sees it: what went wrong, where, and how to write it. */
export function errorReply(details: ErrorDetails): Reply {
  const blocks: Block[] = [section(`:warning: ${escapeMrkdwnKeepingMentions(details.message)}`)];
  if (details.criteria) blocks.push(section(codeBlock(pointAt(details.criteria))));
  if (details.usage) blocks.push(context([`*Usage*\n${usageLines(details.usage)}`]));
  return { text: details.message, blocks, ephemeral: true };
}

/**
 * The criteria line with the problem and a caret under its column, e.g.
 * ```
 * status==OPEN and prio==HIGH
 *                  ^ line 1, column 18
 * ```
 */
export function pointAt(criteria: { text: string; line: number; column: number }): string {
  const lines = criteria.text.split('\n');
  const line = lines[criteria.line - 1] ?? lines[lines.length - 1] ?? '';
  const column = Math.max(1, Math.min(criteria.column, line.length + 1));
  return `${line}\n${' '.repeat(column - 1)}^ line ${criteria.line}, column ${criteria.column}`;
}

const usageLines = (usage: string) =>
  usage
    .split('\n')
    .map((line) => `\`${escapeMrkdwn(line)}\``)
    .join('\n');
