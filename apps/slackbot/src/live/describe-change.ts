import { escapeMrkdwn } from '../parsing/slack-text';
import type { FeedEvent } from './event-feed';
import type { NameBook } from './names';

type Changes = Record<string, { before: unknown; after: unknown }>;

/** Who did it, in mrkdwn: the Slack user, or what acted for Switchboard (routing, an API key…). */
export function actorText(actor: FeedEvent['actor']): string {
  switch (actor.type) {
    case 'SLACK_USER':
      return `<@${actor.id}>`;
    case 'API_KEY':
      return 'An API key';
    case 'ACCESS_TOKEN':
      return 'An access token';
    case 'ADMIN':
      return 'The operator';
    default:
      return 'Switchboard';
  }
}

export interface DescribedChange {
  /** The thread line: who, then what ("<@U1> status OPEN → SOLVED; assigned to Alice"). */
  line: string;
  /** What alone ("status OPEN → SOLVED"), for "Left VIP: …". */
  what: string;
}

/**
 * One thread line for an event on a conversation, with queue and agent names; undefined for
 * events that change nothing a person follows here.
 */
export async function describeChange(
  event: FeedEvent,
  names: NameBook,
): Promise<DescribedChange | undefined> {
  if (event.type === 'message.created') {
    const message = event.data.message as {
      from: string;
      text: string;
      direction: string;
      internal?: boolean;
    };
    // Notes come from the card's own thread (or the team's tools): echoing them adds nothing.
    if (message.internal) return undefined;
    const who =
      message.direction === 'OUTBOUND' ? 'Reply sent' : `New message from ${escapeMrkdwn(message.from)}`;
    const what = `${who}: ${escapeMrkdwn(message.text.slice(0, 200))}`;
    return { line: what, what };
  }
  const changes = (event.data.changes ?? {}) as Changes;
  const parts = await Promise.all(
    Object.entries(changes).map(([field, change]) => describeField(field, change, names)),
  );
  const said = parts.filter((part): part is string => part !== undefined);
  if (said.length === 0) return undefined;
  const what = said.join('; ');
  return { line: `${actorText(event.actor)} ${what}`, what };
}

async function describeField(
  field: string,
  change: Changes[string],
  names: NameBook,
): Promise<string | undefined> {
  const { before, after } = change;
  switch (field) {
    case 'status':
    case 'priority':
      return `${field} ${show(before)} → ${show(after)}`;
    case 'agentId':
      return after ? `assigned to ${await names.agentText(String(after))}` : 'unassigned';
    case 'queueId':
      return after ? `queue → ${await names.queueText(String(after))}` : 'queue removed';
    case 'topic':
      return `topic → ${escapeMrkdwn(show(after))}`;
    case 'tags': {
      const was = Array.isArray(before) ? before.map(String) : [];
      const is = Array.isArray(after) ? after.map(String) : [];
      const added = is.filter((tag) => !was.includes(tag)).map((tag) => `+${tag}`);
      const removed = was.filter((tag) => !is.includes(tag)).map((tag) => `−${tag}`);
      return `tags ${escapeMrkdwn([...added, ...removed].join(' '))}`;
    }
    default:
      return undefined;
  }
}

const show = (value: unknown) => (value === null || value === undefined ? '—' : String(value).slice(0, 80));
