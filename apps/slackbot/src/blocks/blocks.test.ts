import { describe, expect, test } from 'vitest';
import { actionIds, listPageActionPattern, untagActionPattern } from './action-ids';
import { conversationCard } from './conversation-card';
import { conversationList } from './conversation-list';
import { errorReply, pointAt } from './error-reply';
import { groupCard, groupList } from './group-card';
import type { ConversationDetails, ConversationSummary } from './views';

const id = '6f0e7c1e-2a44-4d6e-9d3c-0b7f5f1f6a10';
const summary = (overrides: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id,
  topic: 'Late <parcel> & refund',
  status: 'OPEN',
  priority: 'HIGH',
  channel: 'SMS',
  queueId: 'q-1',
  agentId: 'a-1',
  tags: ['vip', 'late'],
  updatedAt: '2024-05-01T10:20:30.000Z',
  ...overrides,
});
const details = (overrides: Partial<ConversationSummary> = {}): ConversationDetails => ({
  conversation: {
    ...summary(overrides),
    summary: null,
    createdAt: '2024-05-01T09:00:00.000Z',
    closedAt: null,
  },
  queueName: 'Billing',
  agent: { name: 'Alice', slackUserId: 'U123' },
  history: [{ at: '2024-05-01T10:20:30.000Z', who: '<@U123>', what: 'conversation.route' }],
});

// biome-ignore lint/suspicious/noExplicitAny: tests walk Block Kit JSON freely
const buttonsOf = (blocks: any[]) =>
  blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
const textOf = (value: unknown) => JSON.stringify(value);

describe('conversation card', () => {
  test('shows topic, status, priority, channel, queue, agent, tags and history', () => {
    const card = conversationCard(details());
    expect(card.ephemeral).toBe(false);
    expect(card.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Late <parcel> & refund', emoji: true },
    });
    const fields = (card.blocks[1] as { fields: { text: string }[] }).fields.map((field) => field.text);
    expect(fields).toEqual([
      '*Status*\nOPEN',
      '*Priority*\nHIGH',
      '*Channel*\nSMS',
      '*Queue*\nBilling',
      '*Agent*\n<@U123>',
      '*Tags*\nvip, late',
    ]);
    expect(textOf(card.blocks[1])).toContain('`6f0e7c1e`');
    expect(textOf(card.blocks[2])).toContain('2024-05-01 10:20 UTC · <@U123> · conversation.route');
  });

  test('buttons: Route, Assign to me, Close (confirmed) and one Remove per tag', () => {
    const buttons = buttonsOf(conversationCard(details()).blocks);
    expect(buttons.map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ['Route', actionIds.route, id],
      ['Assign to me', actionIds.assignMe, id],
      ['Close', actionIds.close, id],
      ['Remove vip', 'conv_untag:0', JSON.stringify({ id, tag: 'vip' })],
      ['Remove late', 'conv_untag:1', JSON.stringify({ id, tag: 'late' })],
    ]);
    expect(buttons[2].confirm.confirm.text).toBe('Close');
    expect(buttons.slice(3).every((b) => untagActionPattern.test(b.action_id))).toBe(true);
  });

  test('a CLOSED conversation keeps only the tag buttons', () => {
    const buttons = buttonsOf(conversationCard(details({ status: 'CLOSED' })).blocks);
    expect(buttons.map((b) => b.text.text)).toEqual(['Remove vip', 'Remove late']);
  });

  test('missing queue and agent show a dash; a notice goes first', () => {
    const card = conversationCard(
      { ...details({ tags: [] }), queueName: null, agent: null, history: [] },
      'Routed by <@U1>',
    );
    expect(card.blocks[0]).toMatchObject({ type: 'context', elements: [{ text: 'Routed by <@U1>' }] });
    expect(textOf(card.blocks)).toContain('*Queue*\\nq-1');
    expect(textOf(card.blocks)).toContain('*Agent*\\na-1');
    expect(textOf(card.blocks)).toContain('*Tags*\\n—');
  });
});

describe('conversation list', () => {
  test('one line and a Show button per conversation, user text escaped, Previous / Next where pages exist', () => {
    const list = conversationList({
      conversations: [summary()],
      criteria: 'priority>NORMAL',
      total: 12,
      offset: 10,
      previous: '{"page":0}',
      next: '{"page":2}',
    });
    expect(textOf(list.blocks[0])).toContain('matching `priority&gt;NORMAL` (11–11 of 12)');
    expect(list.blocks[1]).toMatchObject({
      text: { text: '`6f0e7c1e` *Late &lt;parcel&gt; &amp; refund* — OPEN · HIGH · SMS · vip, late' },
      accessory: { action_id: actionIds.show, value: id },
    });
    expect(buttonsOf(list.blocks).map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ['◀ Previous', 'conv_list_page:prev', '{"page":0}'],
      ['Next ▶', 'conv_list_page:next', '{"page":2}'],
    ]);
    expect(buttonsOf(list.blocks).every((b) => listPageActionPattern.test(b.action_id))).toBe(true);
    expect(listPageActionPattern.test('conv_list_more')).toBe(true);
  });

  test('no paging on a single page; an empty list says so', () => {
    expect(
      buttonsOf(conversationList({ conversations: [summary()], criteria: undefined, offset: 0 }).blocks),
    ).toEqual([]);
    expect(textOf(conversationList({ conversations: [], criteria: 'tags==x', offset: 0 }).blocks)).toContain(
      'No conversations matching `tags==x`.',
    );
  });
});

describe('group card', () => {
  const group = {
    id: 'g-1',
    name: 'VIP',
    description: 'Top customers',
    criteria: 'tags==vip and status==OPEN',
  };

  test('criteria, member count, a page of members and paging buttons', () => {
    const card = groupCard({ group, count: 12, members: [summary()], offset: 5, pageSize: 5 });
    const text = textOf(card.blocks);
    expect(text).toContain('```tags==vip and status==OPEN```');
    expect(text).toContain('*12* conversations match now · showing 6–6');
    expect(buttonsOf(card.blocks).map((b) => [b.text.text, JSON.parse(b.value)])).toEqual([
      ['◀ Previous', { groupId: 'g-1', offset: 0 }],
      ['Next ▶', { groupId: 'g-1', offset: 10 }],
    ]);
  });

  test('no paging when everything fits', () => {
    const card = groupCard({ group, count: 1, members: [summary()], offset: 0, pageSize: 5 });
    expect(buttonsOf(card.blocks)).toEqual([]);
    expect(textOf(card.blocks)).toContain('*1* conversation matches now');
  });

  test('group list with Show buttons and More', () => {
    const list = groupList([group], '{"cursor":"g-1"}');
    expect(buttonsOf(list.blocks).map((b) => b.action_id)).toEqual([actionIds.groupListMore]);
    expect(list.blocks[1]).toMatchObject({ accessory: { action_id: actionIds.groupShow, value: 'g-1' } });
  });
});

describe('error reply', () => {
  test('ephemeral, with the message, the usage line and a caret under the criteria', () => {
    const reply = errorReply({
      message: 'Unknown field "prio" at 1:18 — did you mean "priority"?',
      usage: '/conv list [criteria]',
      criteria: { text: 'status==OPEN and prio==HIGH', line: 1, column: 18 },
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toBe('Unknown field "prio" at 1:18 — did you mean "priority"?');
    expect(textOf(reply.blocks[1])).toContain(
      '```status==OPEN and prio==HIGH\\n                 ^ line 1, column 18```',
    );
    expect(textOf(reply.blocks[2])).toContain('`/conv list [criteria]`');
  });

  test('a mention the bot wrote stays a mention; everything else is escaped', () => {
    const reply = errorReply({ message: '<@U0ME> is not linked to an agent & <b> is text' });
    expect(textOf(reply.blocks[0])).toContain('<@U0ME> is not linked to an agent &amp; &lt;b&gt; is text');
  });

  test('the caret stays under the right character when the line has entities', () => {
    expect(pointAt({ text: 'priority>NORMAL and x', line: 1, column: 21 })).toBe(
      'priority>NORMAL and x\n                    ^ line 1, column 21',
    );
  });
});
