import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('Slack bot state (slack.*) on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('ten concurrent card claims for one conversation and channel: exactly one wins', async () => {
    const conversation = await api.a.caller.conversations.create({ topic: 'claimed' });
    const claims = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.a.caller.slack.claimCard({ conversationId: conversation.id, channelId: 'C1' }),
      ),
    );
    expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
    await api.a.caller.slack.recordCard({
      conversationId: conversation.id,
      channelId: 'C1',
      messageTs: '10.5',
    });
    expect(await api.a.caller.slack.claimCard({ conversationId: conversation.id, channelId: 'C1' })).toEqual({
      claimed: false,
      messageTs: '10.5',
    });
    expect(await api.a.caller.slack.findCard({ channelId: 'C1', messageTs: '10.5' })).toEqual({
      conversationId: conversation.id,
    });
    expect(await api.a.caller.slack.cards({ conversationId: conversation.id })).toEqual({
      cards: [{ channelId: 'C1', messageTs: '10.5', mark: null }],
    });
    await api.a.caller.slack.markCard({ conversationId: conversation.id, channelId: 'C1', mark: 'Left VIP' });
    expect((await api.a.caller.slack.cards({ conversationId: conversation.id })).cards[0]?.mark).toBe(
      'Left VIP',
    );
  });

  test('a claimant that never posts lets the next caller claim after its lease', async () => {
    const conversation = await api.a.caller.conversations.create({ topic: 'abandoned' });
    const key = { conversationId: conversation.id, channelId: 'C2', leaseSeconds: 1 };
    expect((await api.a.caller.slack.claimCard(key)).claimed).toBe(true);
    expect((await api.a.caller.slack.claimCard(key)).claimed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await api.a.caller.slack.claimCard(key)).claimed).toBe(true);
  });

  test('claimOnce: one first per key, concurrently; the key frees after its time to live', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => api.a.caller.slack.claimOnce({ key: 'event:Ev1', ttlSeconds: 1 })),
    );
    expect(results.filter((result) => result.first)).toHaveLength(1);
    // Keys are per organization: the other tenant's identical key is its own.
    expect(await api.b.caller.slack.claimOnce({ key: 'event:Ev1' })).toEqual({ first: true });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await api.a.caller.slack.claimOnce({ key: 'event:Ev1' })).toEqual({ first: true });
  });

  test('the event cursor only moves forward', async () => {
    expect(await api.a.caller.slack.cursor()).toEqual({ sequence: 0 });
    await api.a.caller.slack.advanceCursor({ sequence: 7 });
    await api.a.caller.slack.advanceCursor({ sequence: 3 });
    expect(await api.a.caller.slack.cursor()).toEqual({ sequence: 7 });
    expect(await api.b.caller.slack.cursor()).toEqual({ sequence: 0 });
  });

  test('watch, list, disable with a reason, re-watch enables; another tenant sees nothing', async () => {
    const { group } = await api.a.caller.groups.create({ name: 'VIP', criteria: 'tags==vip' });
    const watch = await api.a.caller.slack.watch({ channelId: 'C9', groupId: group.id });
    expect(watch).toMatchObject({
      channelId: 'C9',
      group: { id: group.id, name: 'VIP' },
      disabledReason: null,
    });
    expect(await api.a.caller.slack.watch({ channelId: 'C9', groupId: group.id })).toEqual(watch);
    expect((await api.a.caller.slack.watches({ channelId: 'C9' })).watches).toEqual([watch]);
    expect(await api.a.caller.slack.disableChannel({ channelId: 'C9', reason: 'channel archived' })).toEqual({
      disabled: 1,
    });
    expect((await api.a.caller.slack.watches({})).watches[0]?.disabledReason).toBe('channel archived');
    expect(
      (await api.a.caller.slack.watch({ channelId: 'C9', groupId: group.id })).disabledReason,
    ).toBeNull();

    await expect(api.b.caller.slack.watch({ channelId: 'C9', groupId: group.id })).rejects.toThrow(
      'Group not found',
    );
    expect((await api.b.caller.slack.watches({})).watches).toEqual([]);
    await api.a.caller.slack.unwatch({ channelId: 'C9', groupId: group.id });
    await expect(api.a.caller.slack.unwatch({ channelId: 'C9', groupId: group.id })).rejects.toThrow(
      'does not watch',
    );
  });

  test("another tenant's conversation cannot be claimed", async () => {
    const conversation = await api.a.caller.conversations.create({ topic: 'mine' });
    await expect(
      api.b.caller.slack.claimCard({ conversationId: conversation.id, channelId: 'C1' }),
    ).rejects.toThrow('Conversation not found');
  });

  test('an internal note is stored as such and listed with its flag', async () => {
    const conversation = await api.a.caller.conversations.create({ topic: 'noted' });
    const note = await api.a.caller.messages.create({
      conversationId: conversation.id,
      from: 'Alice (Slack U0ALICE)',
      text: 'called them back',
      internal: true,
    });
    expect(note).toMatchObject({ internal: true, direction: 'INBOUND' });
  });
});
