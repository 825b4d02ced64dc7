import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import express from 'express';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pollFallbackMs } from '../../src/events/event-stream';
import { openEventStream } from '../../src/events/open-event-stream';
import { authentication } from '../../src/http/authentication';
import { eventStream } from '../../src/http/event-stream';
import { createLogger } from '../../src/logger';
import type { AppRouter } from '../../src/routers';
import { startTestApi, type TestApi, type TestTenant } from '../support/test-api';
import { openSse } from './support/sse-client';

describe.each(testDatabaseKinds())('the event log and its streams on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const lastOf = async (tenant: TestTenant): Promise<number> => {
    const row = await api.db.prisma.eventSequence.findUnique({
      where: { organizationId: tenant.organization.id },
    });
    return Number(row?.lastSequence ?? 0);
  };
  const list = (tenant: TestTenant, query: string) => tenant.request('GET', `/v1/events?${query}`);

  test('GET /v1/events pages the log by sequence; each event has the documented shape', async () => {
    const after = await lastOf(api.a);
    const created = await api.a.caller.conversations.create({ topic: 'paged' });
    const conversationId = created.id;
    await api.a.request('PATCH', `/ccaas/1/conversations/${conversationId}`, { topic: 'renamed' });
    await api.a.caller.tags.addToConversation({ conversationId, tagName: 'vip' });
    await api.a.caller.messages.create({ conversationId, from: 'customer', text: 'hello' });
    await api.a.caller.conversations.setStatus({ conversationId, status: 'CLOSED' });

    const types: string[] = [];
    let cursor = after;
    for (;;) {
      const page = await list(api.a, `after=${cursor}&limit=2`);
      expect(page.status).toBe(200);
      types.push(...page.body.events.map((event: { type: string }) => event.type));
      cursor = page.body.next;
      if (!page.body.hasMore) break;
    }
    // Organizations route new conversations by default: a create is created + routed.
    expect(types).toEqual([
      'conversation.created',
      'conversation.routed',
      'conversation.updated',
      'conversation.tagged',
      'message.created',
      'conversation.closed',
    ]);

    const all = (await list(api.a, `after=${after}`)).body.events;
    expect(all.map((event: { sequence: number }) => event.sequence)).toEqual(
      [1, 2, 3, 4, 5, 6].map((i) => after + i),
    );
    const [, , updated, , message, closed] = all;
    expect(updated).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'conversation.updated',
      sequence: after + 3,
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      organizationId: api.a.organization.id,
      actor: { type: 'API_KEY', id: api.a.apiKey.id },
      data: {
        conversation: expect.objectContaining({ id: conversationId, topic: 'renamed', version: 3 }),
        changes: { topic: { before: 'paged', after: 'renamed' } },
      },
    });
    expect(message.data.message).toEqual(expect.objectContaining({ from: 'customer', text: 'hello' }));
    expect(message.data.conversation.tags).toEqual(['vip']);
    expect(closed.data.changes.status).toEqual({ before: 'OPEN', after: 'CLOSED' });
    expect(closed.data.conversation.closedAt).toEqual(expect.any(String));
  });

  test('a change made for a Slack user (the bot) names that user as the actor', async () => {
    const after = await lastOf(api.a);
    const res = await api.a.request(
      'POST',
      '/ccaas/1/conversations',
      { topic: 'from Slack' },
      {
        'x-acting-slack-user': 'U0SLACKER',
      },
    );
    expect(res.status).toBe(200);
    const [created] = (await list(api.a, `after=${after}&types=conversation.created`)).body.events;
    expect(created.actor).toEqual({ type: 'SLACK_USER', id: 'U0SLACKER' });
  });

  test('types, criteria and groupId select events; a bad selection is a 4xx that says what to fix', async () => {
    const after = await lastOf(api.a);
    const group = await api.a.caller.groups.create({ name: 'Urgent ones', criteria: 'priority==URGENT' });
    const plain = await api.a.caller.conversations.create({ topic: 'plain' });
    const urgent = await api.a.caller.conversations.create({ topic: 'urgent' });
    await api.a.caller.conversations.patch({ conversationId: urgent.id, priority: 'URGENT' });
    await api.a.caller.tags.addToConversation({ conversationId: plain.id, tagName: 'gold' });

    const typed = await list(api.a, `after=${after}&types=conversation.tagged,group.entered`);
    expect(typed.body.events.map((e: { type: string }) => e.type)).toEqual([
      'group.entered',
      'conversation.tagged',
    ]);
    const byCriteria = await list(api.a, `after=${after}&criteria=${encodeURIComponent('tags==gold')}`);
    expect(byCriteria.body.events.map((e: { type: string }) => e.type)).toEqual(['conversation.tagged']);
    const byGroup = await list(api.a, `after=${after}&groupId=${group.group.id}`);
    // The group's own events, then those of its conversations (judged after the change).
    expect(byGroup.body.events.map((e: { type: string }) => e.type)).toEqual([
      'group.created',
      'conversation.updated',
      'group.entered',
    ]);
    expect(byGroup.body.events[2].data.group).toEqual({ id: group.group.id, name: 'Urgent ones' });

    const unknownType = await list(api.a, 'types=conversation.exploded');
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.message).toContain('types: "conversation.exploded" is not an event type');
    const badCriteria = await list(api.a, `criteria=${encodeURIComponent('status==OPEN;')}`);
    expect(badCriteria.status).toBe(400);
    expect(badCriteria.body.message).toMatch(/^criteria: /);
    expect(badCriteria.body.details).toEqual(
      expect.objectContaining({ offset: expect.any(Number), input: 'criteria' }),
    );
    const othersGroup = await list(api.b, `groupId=${group.group.id}`);
    expect(othersGroup.status).toBe(404);
    const othersStream = await openSse(`${api.url}/v1/events/stream?groupId=${group.group.id}`, {
      'x-api-key': api.b.apiKey.key,
    });
    expect(othersStream.status).toBe(404);
    expect(othersStream.body).toEqual(expect.objectContaining({ message: 'Group not found' }));
  });

  test('GET /v1/events/stream sends new events live, and resumes after Last-Event-ID', async () => {
    const key = { 'x-api-key': api.a.apiKey.key };
    const stream = await openSse(`${api.url}/v1/events/stream?types=conversation.created`, key);
    expect(stream.status).toBe(200);
    await expect.poll(() => stream.frames.length).toBeGreaterThan(0); // ": connected"
    const first = await api.a.caller.conversations.create({ topic: 'live 1' });
    await api.a.caller.conversations.patch({ conversationId: first.id, topic: 'not a create' });
    const second = await api.a.caller.conversations.create({ topic: 'live 2' });
    await expect.poll(() => stream.events().length).toBe(2);
    expect(stream.events().map((e) => e.data.conversation.id)).toEqual([first.id, second.id]);
    const firstId = stream.frames.find((frame) => frame.data)?.id;
    expect(firstId).toBe(String(stream.events()[0].sequence));
    stream.close();

    const resumed = await openSse(`${api.url}/v1/events/stream?types=conversation.created`, {
      ...key,
      'last-event-id': String(firstId),
    });
    await expect.poll(() => resumed.events().length).toBe(1);
    expect(resumed.events()[0].data.conversation.id).toBe(second.id);
    resumed.close();

    const bad = await openSse(`${api.url}/v1/events/stream?types=nope`, key);
    expect(bad.status).toBe(400);
    const anonymous = await openSse(`${api.url}/v1/events/stream`, {});
    expect(anonymous.status).toBe(401);
  });

  test('a quiet stream gets keepalive comments', async () => {
    const app = express();
    app.use(authentication(api.db.prisma, undefined));
    app.get('/stream', eventStream({ db: api.db, logger: createLogger('silent'), keepaliveMs: 50 }));
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const stream = await openSse(`http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`, {
      'x-api-key': api.a.apiKey.key,
    });
    await expect
      .poll(() => stream.frames.filter((frame) => frame.comment === 'keepalive').length)
      .toBeGreaterThan(1);
    stream.close();
    server.closeAllConnections();
    server.close();
  });

  test('a stream aborted while it reads the log ends at once, not after the poll interval', async () => {
    const { organization } = api.a;
    const abort = new AbortController();
    const stream = await openEventStream(
      { db: api.db, prisma: api.db.prisma, organizationId: organization.id },
      {},
      undefined,
      abort.signal,
    );
    const first = stream.next(); // runs until the log read awaits the database
    abort.abort(); // so the abort lands during that read
    const stillWaiting = new Promise((resolve) => setTimeout(resolve, pollFallbackMs / 2, 'still waiting'));
    expect(await Promise.race([first, stillWaiting])).toEqual({ done: true, value: undefined });
  });

  test('no tenant sees another tenant’s events: log and stream', async () => {
    const streamB = await openSse(`${api.url}/v1/events/stream?after=0`, { 'x-api-key': api.b.apiKey.key });
    await api.a.caller.conversations.create({ topic: 'secret of A' });
    const ofB = await api.b.caller.conversations.create({ topic: 'of B' });
    await expect.poll(() => streamB.events().some((e) => e.data.conversation?.id === ofB.id)).toBe(true);
    expect(streamB.events().every((e) => e.organizationId === api.b.organization.id)).toBe(true);
    streamB.close();
    const logB = await list(api.b, 'after=0&limit=1000');
    expect(logB.body.events.length).toBeGreaterThan(0);
    expect(JSON.stringify(logB.body)).not.toContain(api.a.organization.id);
    expect(JSON.stringify(logB.body)).not.toContain('secret of A');
  });

  test('tRPC events.stream over httpSubscriptionLink: tracked ids, resume from lastEventId', async () => {
    const headers = { 'x-api-key': api.a.apiKey.key };
    const client = createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({
            url: `${api.url}/trpc`,
            EventSource,
            eventSourceOptions: {
              fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
            },
          }),
          false: httpLink({ url: `${api.url}/trpc`, headers }),
        }),
      ],
    });
    const received: { id: string; type: string; topic: string }[] = [];
    const start = await lastOf(api.a);
    const subscription = client.events.stream.subscribe(
      { types: ['conversation.created'], after: start },
      {
        onData: ({ id, data }) =>
          received.push({ id, type: data.type, topic: (data.data.conversation as { topic: string }).topic }),
      },
    );
    await client.conversations.create.mutate({ topic: 'over tRPC 1' });
    await client.conversations.create.mutate({ topic: 'over tRPC 2' });
    await expect.poll(() => received.length).toBe(2);
    subscription.unsubscribe();
    expect(received.map((r) => r.topic)).toEqual(['over tRPC 1', 'over tRPC 2']);

    const resumed: string[] = [];
    const again = client.events.stream.subscribe(
      { types: ['conversation.created'], lastEventId: received[0]?.id },
      { onData: ({ data }) => resumed.push((data.data.conversation as { topic: string }).topic) },
    );
    await expect.poll(() => resumed).toEqual(['over tRPC 2']);
    again.unsubscribe();
  });
});
