import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Received } from './support/fake-slack';
import { type Harness, startHarness } from './support/harness';
import { buttonClickBody, eventBody, interactionBody, postEvent, postSigned } from './support/slack-requests';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
const textOf = (value: any) => JSON.stringify(value);
const settle = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabaseKinds())('live inbox on %s', (kind) => {
  let h: Harness;
  let bobId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await h.api.a.caller.groups.create({ name: 'VIP', criteria: 'tags==vip' });
    ({ id: bobId } = await h.api.a.caller.agents.create({ name: 'Bob', slackUserId: 'U0BOB' }));
  });
  afterAll(() => h.close());

  const cardsIn = (channel: string) =>
    h.slack.calls('chat.postMessage').filter((body) => body.channel === channel && !body.thread_ts);
  const threadOf = (channel: string, ts: string) =>
    h.slack.calls('chat.postMessage').filter((body) => body.channel === channel && body.thread_ts === ts);
  const isCardPost = (channel: string, topic: string) => (r: Received) =>
    r.path === '/api/chat.postMessage' &&
    r.body.channel === channel &&
    !r.body.thread_ts &&
    textOf(r.body.blocks).includes(topic);

  /** Watches a channel and returns the card of a new conversation that enters VIP there. */
  async function cardFor(channel: string, topic: string) {
    await h.command({ command: '/group', text: 'watch vip', channelId: channel });
    const conversation = await h.api.a.caller.conversations.create({ topic, tags: ['vip'] });
    await h.slack.waitFor(isCardPost(channel, topic));
    return { conversation, ts: await tsOf(channel, h.slack.received.find(isCardPost(channel, topic))) };
  }
  /** The card's ts, once the bot has recorded it as the conversation's thread in the channel. */
  const tsOf = async (channel: string, posted: Received | undefined) => {
    const ts = posted?.ts ?? '';
    for (let tries = 0; tries < 100; tries++) {
      const found = await h.api.a.caller.slack.findCard({ channelId: channel, messageTs: ts });
      if (found.conversationId) return ts;
      await settle(50);
    }
    throw new Error(`no card recorded for ${channel} ${ts}`);
  };

  test('watch → enter → card with names and the customer message → change → update + one coalesced thread line → leave → marked', async () => {
    const watched = await h.command({ command: '/group', text: 'watch VIP', channelId: 'C0VIP' });
    expect(textOf(watched.body.blocks)).toContain('watch *VIP*');
    const listed = await h.command({ command: '/group', text: 'watching', channelId: 'C0VIP' });
    expect(textOf(listed.body.blocks)).toContain('*VIP*');

    const queue = await h.api.a.caller.queues.create({ name: 'Billing' });
    const carol = await h.api.a.caller.agents.create({ name: 'Carol' });
    const conversation = await h.api.a.caller.conversations.create({
      topic: 'Refund please',
      queueId: queue.id,
      agentId: carol.id,
    });
    await h.api.a.caller.messages.create({
      conversationId: conversation.id,
      from: '+385911',
      text: 'Where is my refund?',
    });
    await h.api.a.caller.tags.addToConversation({ conversationId: conversation.id, tagName: 'vip' });

    const card = await h.slack.waitFor(isCardPost('C0VIP', 'Refund please'));
    const shown = textOf(card.body.blocks);
    for (const expected of [
      conversation.id.slice(0, 8),
      'OPEN',
      'NORMAL',
      'Billing',
      'Carol',
      'vip',
      'Where is my refund?',
      'Reply to customer',
    ]) {
      expect(shown).toContain(expected);
    }
    expect(shown).not.toContain(queue.id);
    const ts = await tsOf('C0VIP', card);

    // Two changes in a burst: one update, one thread message naming both.
    await Promise.all([
      h.api.a.caller.conversations.setStatus({ conversationId: conversation.id, status: 'WAITING' }),
      h.api.a.caller.conversations.patch({ conversationId: conversation.id, priority: 'HIGH' }),
    ]);
    await h.slack.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.thread_ts === ts);
    await settle(1500);
    const lines = threadOf('C0VIP', ts);
    expect(lines).toHaveLength(1);
    expect(lines[0].text).toContain('status OPEN → WAITING');
    expect(lines[0].text).toContain('priority NORMAL → HIGH');
    const update = h.slack
      .calls('chat.update')
      .filter((body) => body.ts === ts)
      .at(-1);
    expect(textOf(update.blocks)).toContain('WAITING');
    expect(textOf(update.blocks)).toContain('HIGH');

    await h.api.a.caller.tags.removeFromConversation({ conversationId: conversation.id, tagName: 'vip' });
    await h.slack.waitFor(
      (r) => r.path === '/api/chat.update' && r.body.ts === ts && textOf(r.body.blocks).includes('Left VIP'),
    );
    const left = await h.slack.waitFor(
      (r) => r.body.thread_ts === ts && String(r.body.text).includes('Left VIP'),
    );
    expect(left.body.text).toContain('Left VIP: tags −vip');
    // A later change keeps the mark.
    await h.api.a.caller.conversations.setStatus({ conversationId: conversation.id, status: 'SOLVED' });
    await h.slack.waitFor(
      (r) => r.path === '/api/chat.update' && r.body.ts === ts && textOf(r.body.blocks).includes('SOLVED'),
    );
    const last = h.slack
      .calls('chat.update')
      .filter((body) => body.ts === ts)
      .at(-1);
    expect(textOf(last.blocks)).toContain('Left VIP');
    expect(cardsIn('C0VIP').filter((body) => textOf(body.blocks).includes('Refund please'))).toHaveLength(1);
  });

  test('two bot processes on one event log post one card, and both keep serving', async () => {
    const second = await h.startBot();
    try {
      await h.command({ command: '/group', text: 'watch VIP', channelId: 'C0TWO' });
      const conversation = await h.api.a.caller.conversations.create({ topic: 'Twice?', tags: ['vip'] });
      await h.slack.waitFor(isCardPost('C0TWO', 'Twice?'));
      const ts = await tsOf('C0TWO', h.slack.received.find(isCardPost('C0TWO', 'Twice?')));
      await h.api.a.caller.conversations.setStatus({ conversationId: conversation.id, status: 'WAITING' });
      await h.slack.waitFor((r) => r.body.channel === 'C0TWO' && r.body.thread_ts === ts);
      await settle(2000);
      expect(cardsIn('C0TWO').filter((body) => textOf(body.blocks).includes('Twice?'))).toHaveLength(1);
      expect(threadOf('C0TWO', ts)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  test('a reply in the card thread is a note by that Slack user; retries and replays to another process run once', async () => {
    const { conversation, ts } = await cardFor('C0NOTE', 'Noted');
    const second = await h.startBot();
    try {
      const body = eventBody({
        type: 'message',
        channel: 'C0NOTE',
        user: 'U0ALICE',
        text: 'Called them back',
        ts: '1700000100.000001',
        thread_ts: ts,
      });
      expect((await postEvent(h.botUrl, body)).status).toBe(200);
      expect((await postEvent(h.botUrl, body, 1)).status).toBe(200);
      expect((await postEvent(`http://127.0.0.1:${second.port}`, body, 2)).status).toBe(200);
      await settle(1000);
      const { messages } = await h.api.a.caller.messages.list({ conversationId: conversation.id });
      const notes = messages.filter((message) => message.internal);
      expect(notes).toEqual([
        expect.objectContaining({ from: 'slack:U0ALICE', text: 'Called them back', internal: true }),
      ]);
      const { events } = await h.api.a.caller.conversations.history({
        conversationId: conversation.id,
        order: 'desc',
        limit: 1,
      });
      expect(events[0]?.actor).toEqual({ type: 'SLACK_USER', id: 'U0ALICE' });
    } finally {
      await second.stop();
    }
  });

  test('bot messages in a card thread are ignored (other bots, bot subtypes, our own)', async () => {
    const { conversation, ts } = await cardFor('C0BOTS', 'Bots talk');
    const thread = { channel: 'C0BOTS', thread_ts: ts, type: 'message' };
    await postEvent(
      h.botUrl,
      eventBody({ ...thread, bot_id: 'B9', user: 'U0OTHERBOT', text: 'beep', ts: '1700000200.000001' }),
    );
    await postEvent(
      h.botUrl,
      eventBody({ ...thread, subtype: 'bot_message', bot_id: 'B9', text: 'boop', ts: '1700000200.000002' }),
    );
    await postEvent(
      h.botUrl,
      eventBody({ ...thread, user: 'UBOT', text: 'our own line', ts: '1700000200.000003' }),
    );
    await settle(1000);
    const { messages } = await h.api.a.caller.messages.list({ conversationId: conversation.id });
    expect(messages.filter((message) => message.internal)).toEqual([]);
  });

  test('an agent linked to Slack gets a DM card when a conversation is assigned to them', async () => {
    const conversation = await h.api.a.caller.conversations.create({ topic: 'For Bob' });
    await h.api.a.caller.conversations.assign({ conversationId: conversation.id, agentId: bobId });
    const dm = await h.slack.waitFor(
      (r) =>
        r.path === '/api/chat.postMessage' &&
        r.body.channel === 'DU0BOB' &&
        textOf(r.body.blocks).includes('For Bob'),
    );
    expect(textOf(dm.body.blocks)).toContain('Assigned to you');
    expect(h.slack.calls('conversations.open').some((body) => body.users === 'U0BOB')).toBe(true);
  });

  test('routing that assigns a linked agent sends them the DM card too', async () => {
    const { caller } = h.api.a;
    const queue = await caller.queues.create({ name: 'Escalations', isAutoAssignmentEnabled: true });
    await caller.agents.setStatus({ agentId: bobId, status: 'ONLINE' });
    await caller.queues.addAgent({ queueId: queue.id, agentId: bobId });
    await caller.routing.set({
      routes: [{ name: 'Escalate', queueId: queue.id, criteria: 'tags==escalate' }],
    });
    await caller.conversations.create({ topic: 'Routed to Bob', tags: ['escalate'] });
    const dm = await h.slack.waitFor(
      (r) =>
        r.path === '/api/chat.postMessage' &&
        r.body.channel === 'DU0BOB' &&
        textOf(r.body.blocks).includes('Routed to Bob'),
    );
    expect(textOf(dm.body.blocks)).toContain('Escalations');
    await caller.routing.set({ routes: [] });
  });

  test('App Home shows my open conversations and the watched groups with their channels', async () => {
    await postEvent(
      h.botUrl,
      eventBody({ type: 'app_home_opened', user: 'U0BOB', channel: 'DU0BOB', tab: 'home' }),
    );
    const published = await h.slack.waitFor(
      (r) => r.path === '/api/views.publish' && r.body.user_id === 'U0BOB',
    );
    const view = textOf(published.body.view);
    expect(view).toContain('For Bob');
    expect(view).toContain('VIP');
    expect(view).toContain('<#C0VIP>');
  });

  test('rate-limited posts are retried after Retry-After, in that channel only', async () => {
    await h.command({ command: '/group', text: 'watch VIP', channelId: 'C0SLOW' });
    h.slack.rateLimit('chat.postMessage', 1, { channel: 'C0SLOW' });
    const started = Date.now();
    await h.api.a.caller.conversations.create({ topic: 'Slow down', tags: ['vip'] });
    const limited = await h.slack.waitFor(
      (r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0SLOW',
    );
    const posted = await h.slack.waitFor(
      (r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C0SLOW' && r !== limited,
      15_000,
    );
    expect(posted.at - limited.at).toBeGreaterThanOrEqual(1000);
    expect(posted.at - started).toBeLessThan(10_000);
  });

  test('an archived channel stops its watches and says so in /group watching and App Home', async () => {
    await h.command({ command: '/group', text: 'watch VIP', channelId: 'C0GONE' });
    await postEvent(h.botUrl, eventBody({ type: 'channel_archive', channel: 'C0GONE', user: 'U0ALICE' }));
    await settle(500);
    const listed = await h.command({ command: '/group', text: 'watching', channelId: 'C0GONE' });
    expect(textOf(listed.body.blocks)).toContain('stopped: channel archived');
    const { watches } = await h.api.a.caller.slack.watches({ channelId: 'C0GONE' });
    expect(watches[0]?.disabledReason).toBe('channel archived');
    await postEvent(h.botUrl, eventBody({ type: 'app_home_opened', user: 'U0CAROL', tab: 'home' }));
    const home = await h.slack.waitFor(
      (r) => r.path === '/api/views.publish' && r.body.user_id === 'U0CAROL',
    );
    expect(textOf(home.body.view)).toContain('<#C0GONE> (stopped: channel archived)');
  });

  test('a channel the bot was removed from (Slack answers not_in_channel) stops its watches', async () => {
    await h.command({ command: '/group', text: 'watch VIP', channelId: 'C0KICKED' });
    h.slack.fail('chat.postMessage', 'not_in_channel', { channel: 'C0KICKED' });
    await h.api.a.caller.conversations.create({ topic: 'Nobody hears', tags: ['vip'] });
    for (let tries = 0; tries < 100; tries++) {
      const { watches } = await h.api.a.caller.slack.watches({ channelId: 'C0KICKED' });
      if (watches[0]?.disabledReason) break;
      await settle(100);
    }
    const listed = await h.command({ command: '/group', text: 'watching', channelId: 'C0KICKED' });
    expect(textOf(listed.body.blocks)).toContain('stopped: the bot was removed from the channel');
  });

  test('App Home buttons open the card in a modal; buttons in the modal update it or stack on it', async () => {
    const conversation = await h.api.a.caller.conversations.create({ topic: 'Home button' });
    await h.api.a.caller.messages.create({ conversationId: conversation.id, from: '+1555', text: 'Hello?' });
    const fromHome = { view: { id: 'VHOME', type: 'home' as const } };
    const click = (actionId: string, value: string, view: { id: string; type: 'home' | 'modal' }) =>
      postSigned(
        h.botUrl,
        buttonClickBody({ actionId, value, responseUrl: '', view, triggerId: `t.${actionId}.${view.id}` }),
      );

    expect((await click('conv_show', conversation.id, fromHome.view)).status).toBe(200);
    const opened = await h.slack.waitFor(
      (r) => r.path === '/api/views.open' && r.body.trigger_id === 't.conv_show.VHOME',
    );
    expect(opened.body.view.type).toBe('modal');
    expect(textOf(opened.body.view.blocks)).toContain('Home button');
    expect(textOf(opened.body.view.blocks)).toContain('Hello?');

    expect((await click('conv_route', conversation.id, { id: 'VMODAL1', type: 'modal' })).status).toBe(200);
    const updated = await h.slack.waitFor(
      (r) => r.path === '/api/views.update' && r.body.view_id === 'VMODAL1',
    );
    expect(textOf(updated.body.view.blocks)).toContain('Routed by <@U0ALICE>: No route matched');

    const { group } = await h.api.a.caller.groups.get({ name: 'VIP' });
    expect((await click('group_show', group.id, fromHome.view)).status).toBe(200);
    const groupModal = await h.slack.waitFor(
      (r) => r.path === '/api/views.open' && r.body.trigger_id === 't.group_show.VHOME',
    );
    expect(textOf(groupModal.body.view.blocks)).toContain('tags==vip');

    // Reply to customer from the card in a modal: its form goes on top (views.push).
    expect((await click('conv_reply', conversation.id, { id: 'VMODAL2', type: 'modal' })).status).toBe(200);
    const form = await h.slack.waitFor(
      (r) => r.path === '/api/views.push' && r.body.trigger_id === 't.conv_reply.VMODAL2',
    );
    expect(form.body.view.callback_id).toBe('conv_reply_modal');
  });

  test('the message shortcut creates a conversation whose first inbound message is that message', async () => {
    const responseUrl = h.slack.responseUrl();
    const body = interactionBody({
      type: 'message_action',
      callback_id: 'create_conversation_from_message',
      response_url: responseUrl,
      user: { id: 'U0ALICE', name: 'alice' },
      channel: { id: 'C0SUP', name: 'support' },
      message: {
        type: 'message',
        user: 'U0CUST',
        ts: '1700000300.000001',
        text: 'Printer on fire\nIt smells.',
      },
    });
    expect((await postSigned(h.botUrl, body)).status).toBe(200);
    const [reply] = await h.slack.waitForResponses(responseUrl);
    expect(textOf(reply.blocks)).toContain('Printer on fire');
    const { conversations } = await h.api.a.caller.conversations.list({
      criteria: 'topic=="Printer on fire"',
    });
    expect(conversations).toHaveLength(1);
    const { messages } = await h.api.a.caller.messages.list({ conversationId: conversations[0]?.id ?? '' });
    expect(messages).toEqual([
      expect.objectContaining({
        from: 'slack:U0CUST',
        text: 'Printer on fire\nIt smells.',
        direction: 'INBOUND',
        internal: false,
      }),
    ]);
  });

  test('Reply to customer opens a modal, and its submission sends an outbound message', async () => {
    const conversation = await h.api.a.caller.conversations.create({ topic: 'Needs an answer' });
    const click = interactionBody({
      type: 'block_actions',
      user: { id: 'U0ALICE', username: 'alice', team_id: 'T1' },
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: false },
      channel: { id: 'C1', name: 'support' },
      message: { ts: '1.1', text: 'card', blocks: [] },
      response_url: h.slack.responseUrl(),
      actions: [
        {
          type: 'button',
          action_id: 'conv_reply',
          block_id: 'b1',
          value: conversation.id,
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    });
    expect((await postSigned(h.botUrl, click)).status).toBe(200);
    const opened = await h.slack.waitFor(
      (r) => r.path === '/api/views.open' && r.body.view.private_metadata === conversation.id,
    );
    expect(opened.body.view.callback_id).toBe('conv_reply_modal');

    const submit = interactionBody({
      type: 'view_submission',
      user: { id: 'U0ALICE', username: 'alice', team_id: 'T1' },
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: 'conv_reply_modal',
        private_metadata: conversation.id,
        state: { values: { reply_text: { text: { type: 'plain_text_input', value: 'We are on it.' } } } },
      },
    });
    expect((await postSigned(h.botUrl, submit)).status).toBe(200);
    const { messages } = await h.api.a.caller.messages.list({ conversationId: conversation.id });
    expect(messages).toEqual([
      expect.objectContaining({ from: 'slack:U0ALICE', text: 'We are on it.', direction: 'OUTBOUND' }),
    ]);
  });

  test('/conv list group:vip narrows a group by name (any case); a near-miss group name gets a suggestion', async () => {
    await h.api.a.caller.conversations.create({ topic: 'Open VIP', tags: ['vip'] });
    const solved = await h.api.a.caller.conversations.create({ topic: 'Solved VIP', tags: ['vip'] });
    await h.api.a.caller.conversations.setStatus({ conversationId: solved.id, status: 'SOLVED' });
    await h.api.a.caller.conversations.create({ topic: 'Open regular' });
    const listed = await h.command({ command: '/conv', text: 'list group:vip status==OPEN limit=25' });
    const shown = textOf(listed.body.blocks);
    expect(shown).toContain('Open VIP');
    expect(shown).not.toContain('Solved VIP');
    expect(shown).not.toContain('Open regular');
    const missed = await h.command({ command: '/group', text: 'show VPI' });
    expect(textOf(missed.body.blocks)).toContain('No group named \\"VPI\\" — did you mean \\"VIP\\"?');
  });

  test('auth.test is asked once per token, not per delivery', async () => {
    await h.command({ command: '/group', text: 'watching', channelId: 'C0AUTH' });
    const before = h.slack.calls('auth.test').length;
    for (let i = 0; i < 5; i++) await h.command({ command: '/group', text: 'watching', channelId: 'C0AUTH' });
    expect(h.slack.calls('auth.test').length).toBe(before);
  });
});
