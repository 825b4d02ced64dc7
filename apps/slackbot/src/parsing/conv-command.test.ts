import { describe, expect, test } from 'vitest';
import { parseConvCommand } from './conv-command';
import { convUsage } from './usage';
import { UsageError } from './usage-error';

const parsed = (text: string) => parseConvCommand(text);

function usageErrorOf(text: string): UsageError {
  try {
    parseConvCommand(text);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe('/conv parsing', () => {
  test.each([
    ['', { name: 'help' }],
    ['help', { name: 'help' }],
    ['HELP', { name: 'help' }],
    ['list', { name: 'list' }],
    ['list status==OPEN', { name: 'list', criteria: 'status==OPEN' }],
    [
      'list status==OPEN and priority=ge=HIGH',
      { name: 'list', criteria: 'status==OPEN and priority=ge=HIGH' },
    ],
    ['list   status==OPEN   or  tags==vip  ', { name: 'list', criteria: 'status==OPEN   or  tags==vip' }],
    ['list limit=5 status==OPEN', { name: 'list', criteria: 'status==OPEN', limit: 5 }],
    ['list status==OPEN limit=5', { name: 'list', criteria: 'status==OPEN', limit: 5 }],
    ['list priority&gt;NORMAL', { name: 'list', criteria: 'priority>NORMAL' }],
    ['list topic=="late parcel"', { name: 'list', criteria: 'topic=="late parcel"' }],
    ['list topic==“late parcel”', { name: 'list', criteria: 'topic=="late parcel"' }],
    ['list status=in=(OPEN,WAITING)', { name: 'list', criteria: 'status=in=(OPEN,WAITING)' }],
    ['show 1a2b3c4d', { name: 'show', ref: '1a2b3c4d' }],
    [
      'route 6f0e7c1e-2a44-4d6e-9d3c-0b7f5f1f6a10',
      { name: 'route', ref: '6f0e7c1e-2a44-4d6e-9d3c-0b7f5f1f6a10' },
    ],
    ['close 1a2b3c4d', { name: 'close', ref: '1a2b3c4d' }],
    ['create Refund request', { name: 'create', topic: 'Refund request' }],
    ['create "Refund request" priority=high', { name: 'create', topic: 'Refund request', priority: 'HIGH' }],
    [
      'create Late parcel channel=SMS tags=vip,late queue=q1',
      { name: 'create', topic: 'Late parcel', channel: 'SMS', tags: ['vip', 'late'], queueId: 'q1' },
    ],
    ['create "priority=HIGH"', { name: 'create', topic: 'priority=HIGH' }],
    ['create Tom &amp; Jerry', { name: 'create', topic: 'Tom & Jerry' }],
    ['tag 1a2b3c4d vip', { name: 'tag', ref: '1a2b3c4d', tags: ['vip'] }],
    [
      'tag 1a2b3c4d vip "late parcel" a,b',
      { name: 'tag', ref: '1a2b3c4d', tags: ['vip', 'late parcel', 'a', 'b'] },
    ],
    ['untag 1a2b3c4d vip', { name: 'untag', ref: '1a2b3c4d', tags: ['vip'] }],
    [
      'assign 1a2b3c4d <@U012AB3CD|alice>',
      { name: 'assign', ref: '1a2b3c4d', assignee: { kind: 'user', slackUserId: 'U012AB3CD' } },
    ],
    [
      'assign 1a2b3c4d <@W012AB3CD>',
      { name: 'assign', ref: '1a2b3c4d', assignee: { kind: 'user', slackUserId: 'W012AB3CD' } },
    ],
    [
      'assign 1a2b3c4d <@U012AB3CD|alice smith>',
      { name: 'assign', ref: '1a2b3c4d', assignee: { kind: 'user', slackUserId: 'U012AB3CD' } },
    ],
    ['assign 1a2b3c4d me', { name: 'assign', ref: '1a2b3c4d', assignee: { kind: 'me' } }],
    ['assign 1a2b3c4d nobody', { name: 'assign', ref: '1a2b3c4d', assignee: { kind: 'nobody' } }],
    ['list group:VIP status==OPEN', { name: 'list', group: 'VIP', criteria: 'status==OPEN' }],
    ['list group:vip', { name: 'list', group: 'vip' }],
    ['status 1a2b3c4d waiting', { name: 'status', ref: '1a2b3c4d', status: 'WAITING' }],
    // Words with "=" that are no slip of an option stay part of the topic.
    ['create Refund x=1', { name: 'create', topic: 'Refund x=1' }],
  ])('%j', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  test.each([
    ['frobnicate', /Unknown subcommand "frobnicate" for \/conv\.$/, /\/conv list/],
    ['lsit status==OPEN', /Unknown subcommand "lsit" for \/conv — did you mean "list"\?/, /\/conv list/],
    ['"list"', /Unknown subcommand "list"/, /\/conv help/],
    ['show', /conversation id/, convUsage.show],
    ['show a b', /Unexpected "b"/, convUsage.show],
    ['show ab', /not a conversation id/, convUsage.show],
    ['create', /topic/, convUsage.create],
    [
      'create x priority=SOON',
      /priority must be one of LOW, NORMAL, HIGH, URGENT; got "SOON"/,
      convUsage.create,
    ],
    ['tag 1a2b3c4d', /Name the tag to add/, convUsage.tag],
    ['untag 1a2b3c4d', /Name the tag to remove/, convUsage.untag],
    ['assign 1a2b3c4d @alice', /not a Slack mention/, convUsage.assign],
    ['assign 1a2b3c4d', /Mention the Slack user/, convUsage.assign],
    ['status 1a2b3c4d DONE', /Status must be one of OPEN, WAITING, SOLVED, CLOSED/, convUsage.status],
    ['list limit=0', /limit must be a whole number from 1 to 25/, convUsage.list],
    ['list limit=26', /limit must be a whole number from 1 to 25/, convUsage.list],
    ['create Refund prio=HIGH', /Unknown option "prio=" — did you mean "priority="\?/, convUsage.create],
    ['create Refund tag=vip', /Unknown option "tag=" — did you mean "tags="\?/, convUsage.create],
    ['list status==OPEN lmit=5', /Unknown option "lmit=" — did you mean "limit="\?/, convUsage.list],
    ['assign 1a2b3c4d', /or write "me" or "nobody"/, convUsage.assign],
  ])('%j is refused', (text, message, usage) => {
    const error = usageErrorOf(text);
    expect(error.message).toMatch(message);
    if (typeof usage === 'string') expect(error.usage).toBe(usage);
    else expect(error.usage).toMatch(usage);
  });

  test('an unclosed quote names its column', () => {
    expect(() => parsed('create "Refund')).toThrow(/Unclosed quote " at column 8/);
  });
});
