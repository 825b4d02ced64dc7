import { peelOptions } from './options';
import { mentionedUserId } from './slack-text';
import { unknownSubcommand } from './suggest-name';
import { rawBetween, type Token, tokenize } from './tokenize';
import { type ConvSubcommand, convSubcommands, convUsage } from './usage';
import { UsageError } from './usage-error';
import {
  conversationRef,
  oneOf,
  type Priority,
  positiveInt,
  priorities,
  type Status,
  splitList,
  statuses,
} from './values';

export type Assignee = { kind: 'user'; slackUserId: string } | { kind: 'me' } | { kind: 'nobody' };

export type ConvCommand =
  | { name: 'help' }
  | { name: 'list'; criteria?: string; limit?: number; group?: string }
  | { name: 'show' | 'route' | 'close'; ref: string }
  | {
      name: 'create';
      topic: string;
      priority?: Priority;
      channel?: string;
      queueId?: string;
      tags?: string[];
    }
  | { name: 'tag' | 'untag'; ref: string; tags: string[] }
  | { name: 'assign'; ref: string; assignee: Assignee }
  | { name: 'status'; ref: string; status: Status };

// A message holds at most 50 blocks: one per conversation, plus the heading and the More button.
const maxListLimit = 25;

export const allConvUsage = convSubcommands.map((name) => convUsage[name]).join('\n');

/** Reads the text after `/conv`. Throws UsageError naming what is wrong and the usage line. */
export function parseConvCommand(text: string): ConvCommand {
  const tokens = tokenize(text);
  const first = tokens[0];
  if (!first) return { name: 'help' };
  const name = first.value.toLowerCase() as ConvSubcommand;
  if (first.quoted || !convSubcommands.includes(name)) {
    throw unknownSubcommand(first.value, '/conv', convSubcommands, allConvUsage);
  }
  const args = tokens.slice(1);
  const usage = convUsage[name];
  switch (name) {
    case 'help':
      return { name };
    case 'list':
      return parseList(text, args, usage);
    case 'show':
    case 'route':
    case 'close':
      noExtra(args, 1, usage);
      return { name, ref: conversationRef(args, 0, usage) };
    case 'create':
      return parseCreate(args, usage);
    case 'tag':
    case 'untag': {
      const ref = conversationRef(args, 0, usage);
      const tags = args.slice(1).flatMap((token) => splitList(token.value));
      if (tags.length === 0)
        throw new UsageError(`Name the tag to ${name === 'tag' ? 'add' : 'remove'}.`, usage);
      return { name, ref, tags };
    }
    case 'assign':
      noExtra(args, 2, usage);
      return { name, ref: conversationRef(args, 0, usage), assignee: parseAssignee(args[1], usage) };
    case 'status': {
      noExtra(args, 2, usage);
      const ref = conversationRef(args, 0, usage);
      const status = args[1];
      if (!status) throw new UsageError('Give the new status.', usage);
      return { name, ref, status: oneOf(status.value, statuses, 'Status', usage) };
    }
  }
}

const groupPrefix = 'group:';

/** `[group:<name>] [criteria] [limit=N]`: a group's conversations, optionally narrowed further. */
function parseList(text: string, args: Token[], usage: string): ConvCommand {
  const { options, rest: all } = peelOptions(args, ['limit'], usage);
  const group = all[0]?.value.toLowerCase().startsWith(groupPrefix)
    ? all[0].value.slice(groupPrefix.length)
    : undefined;
  if (group === '') throw new UsageError('Name the group after group:, e.g. group:VIP.', usage);
  const rest = group === undefined ? all : all.slice(1);
  const first = rest[0];
  const last = rest[rest.length - 1];
  const criteria = first && last ? rawBetween(text, first, last) : undefined;
  return {
    name: 'list',
    ...(group !== undefined ? { group } : {}),
    ...(criteria ? { criteria } : {}),
    ...(options.limit !== undefined
      ? { limit: positiveInt(options.limit, 'limit', maxListLimit, usage) }
      : {}),
  };
}

function parseCreate(args: Token[], usage: string): ConvCommand {
  const { options, rest } = peelOptions(args, ['priority', 'channel', 'queue', 'tags'], usage);
  const topic = rest
    .map((token) => token.value)
    .join(' ')
    .trim();
  if (topic === '') throw new UsageError('Give the topic of the new conversation.', usage);
  return {
    name: 'create',
    topic,
    ...(options.priority !== undefined
      ? { priority: oneOf(options.priority, priorities, 'priority', usage) }
      : {}),
    ...(options.channel !== undefined ? { channel: options.channel } : {}),
    ...(options.queue !== undefined ? { queueId: options.queue } : {}),
    ...(options.tags !== undefined ? { tags: splitList(options.tags) } : {}),
  };
}

function parseAssignee(token: Token | undefined, usage: string): Assignee {
  if (!token)
    throw new UsageError('Mention the Slack user to assign (@user), or write "me" or "nobody".', usage);
  const slackUserId = mentionedUserId(token.raw);
  if (slackUserId) return { kind: 'user', slackUserId };
  const word = token.value.toLowerCase();
  if (word === 'me') return { kind: 'me' };
  if (word === 'nobody' || word === 'none') return { kind: 'nobody' };
  throw new UsageError(
    `"${token.value}" is not a Slack mention: pick the user from the @ menu so Slack sends their id.`,
    usage,
  );
}

function noExtra(args: readonly Token[], allowed: number, usage: string): void {
  const extra = args[allowed];
  if (extra) throw new UsageError(`Unexpected "${extra.value}".`, usage);
}
