import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serviceException } from './support/infobip';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

/**
 * Infobip's linked conversations (a follow-up made with `parentConversationId`) and related
 * comments (social comments sent with `socialContext`), over REST and tRPC, tenant-scoped.
 */
describe.each(testDatabaseKinds())('Infobip linked conversations and related comments on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const plusZero = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/;
  const missingId = '00000000-0000-4000-8000-000000000000';

  async function createConversation(tenant: TestTenant, body: Record<string, unknown>): Promise<string> {
    const res = await tenant.request('POST', '/ccaas/1/conversations', body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id;
  }

  const linksOf = (tenant: TestTenant, id: string) =>
    tenant.request('GET', `/ccaas/1/conversations/${id}/links`);

  const conversationCount = (tenant: TestTenant) =>
    api.db.prisma.conversation.count({ where: { organizationId: tenant.organization.id } });

  describe('linked conversations', () => {
    test('a follow-up links to its parent; each conversation answers every pair it is in', async () => {
      const parent = await createConversation(api.a, { topic: 'Billing inquiry', channel: 'WHATSAPP' });
      const child = await createConversation(api.a, {
        topic: 'Follow-up',
        channel: 'LIVE_CHAT',
        parentConversationId: parent,
      });
      const grandchild = await createConversation(api.a, { parentConversationId: child });
      const alone = await createConversation(api.a, { topic: 'Alone' });

      const ofChild = await linksOf(api.a, child);
      expect(ofChild.status).toBe(200);
      const pairs = ofChild.body.linkedConversations as {
        parentConversation: Record<string, unknown>;
        childConversation: Record<string, unknown>;
      }[];
      expect(
        pairs.map((pair) => [pair.parentConversation.conversationId, pair.childConversation.conversationId]),
      ).toEqual([
        [parent, child],
        [child, grandchild],
      ]);
      expect(pairs[0]?.parentConversation).toEqual({
        conversationId: parent,
        createdAt: expect.stringMatching(plusZero),
        updatedAt: expect.stringMatching(plusZero),
        topic: 'Billing inquiry',
        channel: 'WHATSAPP',
        status: 'OPEN',
      });
      // Absent members are left out, not null (the grandchild has no topic).
      expect(pairs[1]?.childConversation).not.toHaveProperty('topic');

      const ofParent = await linksOf(api.a, parent);
      expect(ofParent.body.linkedConversations).toHaveLength(1);
      expect(ofParent.body.linkedConversations[0].childConversation.conversationId).toBe(child);
      const ofGrandchild = await linksOf(api.a, grandchild);
      expect(
        ofGrandchild.body.linkedConversations.map(
          (p: (typeof pairs)[number]) => p.parentConversation.conversationId,
        ),
      ).toEqual([child]);
      expect((await linksOf(api.a, alone)).body).toEqual({ linkedConversations: [] });

      // tRPC: whole conversations and when the link was made.
      const links = await api.a.caller.conversations.links({ conversationId: child });
      expect(links.links.map((link) => [link.parent.id, link.child.id])).toEqual([
        [parent, child],
        [child, grandchild],
      ]);
      expect(links.links[0]?.child.topic).toBe('Follow-up');
      expect(links.links[0]?.linkedAt).toMatch(/Z$/);
    });

    test('the link is part of the create: conversation.created names the parent', async () => {
      const parent = await createConversation(api.a, { topic: 'Parent' });
      const child = await api.a.caller.conversations.create({ topic: 'Child', parentConversationId: parent });
      // Routed on create (the default settings), so conversation.routed follows each.
      const events = await api.db.prisma.event.findMany({
        where: {
          organizationId: api.a.organization.id,
          conversationId: { in: [parent, child.id] },
          type: 'conversation.created',
        },
        orderBy: { sequence: 'asc' },
      });
      expect(events.map((event) => [event.type, event.conversationId])).toEqual([
        ['conversation.created', parent],
        ['conversation.created', child.id],
      ]);
      const [parentEvent, childEvent] = events.map(
        (event) => event.payload as { data: Record<string, unknown> },
      );
      expect(parentEvent?.data).not.toHaveProperty('parentConversationId');
      expect(childEvent?.data.parentConversationId).toBe(parent);
      expect(childEvent?.data.conversation).toMatchObject({ id: child.id, topic: 'Child' });
      expect(childEvent?.data.conversation).not.toHaveProperty('parentConversationId');
      const audit = await api.db.prisma.auditEvent.findFirstOrThrow({
        where: { entityId: child.id, action: 'conversation.create' },
      });
      expect(audit.after).toMatchObject({ id: child.id, parentConversationId: parent });
    });

    test("another organization's conversation as parent is answered like a missing one; nothing is made", async () => {
      const ofA = await createConversation(api.a, { topic: 'A only' });
      const before = await conversationCount(api.b);
      const eventsBefore = await api.db.prisma.event.count({
        where: { organizationId: api.b.organization.id },
      });
      const cross = await api.b.request('POST', '/ccaas/1/conversations', { parentConversationId: ofA });
      const random = await api.b.request('POST', '/ccaas/1/conversations', {
        parentConversationId: missingId,
      });
      for (const res of [cross, random]) {
        expect(res.status).toBe(404);
        expect(serviceException(res.body)).toMatchObject({
          messageId: 'NOT_FOUND',
          details: { field: 'parentConversationId' },
        });
      }
      expect(serviceException(cross.body).text).toBe(
        serviceException(random.body).text.replace(missingId, ofA),
      );
      await expect(api.b.caller.conversations.create({ parentConversationId: ofA })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await conversationCount(api.b)).toBe(before);
      expect(await api.db.prisma.event.count({ where: { organizationId: api.b.organization.id } })).toBe(
        eventsBefore,
      );
      expect(await api.db.prisma.conversationLink.count({ where: { parentId: ofA } })).toBe(0);

      // Reading A's links from B: the same 404 as an id that never existed.
      const read = await linksOf(api.b, ofA);
      const readRandom = await linksOf(api.b, missingId);
      expect(read.status).toBe(404);
      expect(readRandom.status).toBe(404);
      expect(serviceException(read.body).text).toBe(`Invalid id '${ofA}' given! No such entity exists.`);
      expect(serviceException(readRandom.body).text).toBe(
        `Invalid id '${missingId}' given! No such entity exists.`,
      );
      await expect(api.b.caller.conversations.links({ conversationId: ofA })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    test('a bad parentConversationId is 400 naming it, before anything is written', async () => {
      const before = await conversationCount(api.a);
      for (const parentConversationId of ['', 42, 'x'.repeat(65)]) {
        const res = await api.a.request('POST', '/ccaas/1/conversations', { parentConversationId });
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(serviceException(res.body).validationErrors).toHaveProperty('parentConversationId');
      }
      expect(await conversationCount(api.a)).toBe(before);
    });

    test('deleting a conversation removes its links', async () => {
      const parent = await createConversation(api.a, {});
      const child = await createConversation(api.a, { parentConversationId: parent });
      await api.a.caller.conversations.delete({ conversationId: parent });
      expect((await linksOf(api.a, child)).body).toEqual({ linkedConversations: [] });
    });
  });

  describe('related comments', () => {
    let sequence = 0;
    /** An INBOUND comment on a post, in its own conversation unless one is given. */
    async function comment(
      tenant: TestTenant,
      socialContext: Record<string, unknown>,
      options: { conversationId?: string; text?: string; direction?: string; channel?: string } = {},
    ) {
      const conversationId =
        options.conversationId ?? (await createConversation(tenant, { channel: 'FACEBOOK_POST' }));
      const res = await tenant.request('POST', `/ccaas/1/conversations/${conversationId}/messages`, {
        from: `user-${++sequence}`,
        to: 'page',
        channel: options.channel ?? 'FACEBOOK_POST',
        direction: options.direction ?? 'INBOUND',
        contentType: 'TEXT',
        content: { text: options.text ?? `comment ${sequence}` },
        socialContext,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return { conversationId, message: res.body };
    }

    const relatedOf = (tenant: TestTenant, id: string) =>
      tenant.request('GET', `/ccaas/1/conversations/${id}/related-comments`);

    test("the comments on the same post and level around the conversation's inbound comment", async () => {
      const postId = `post-${Math.random()}`;
      const first = await comment(
        api.a,
        { postId, username: 'John Doe', externalId: 'c1' },
        { text: 'Test' },
      );
      const mine = await comment(api.a, { postId, externalId: 'c2', permalinkUrl: 'https://fb.example/c2' });
      // The page's answer, in the same conversation at the same level: a newer comment.
      const reply = await comment(
        api.a,
        { postId },
        { conversationId: mine.conversationId, direction: 'OUTBOUND', text: '@John Doe OK' },
      );
      // Not related: a reply to the first comment (another level), another post, another
      // channel, a message without social context, and another organization's comment on the post.
      await comment(api.a, { postId, parentId: 'c1' });
      await comment(api.a, { postId: `${postId}-other` });
      await comment(api.a, { postId }, { channel: 'INSTAGRAM_POST' });
      await api.a.request('POST', `/ccaas/1/conversations/${mine.conversationId}/messages`, {
        from: 'x',
        to: 'page',
        channel: 'FACEBOOK_POST',
        direction: 'INBOUND',
        contentType: 'TEXT',
        content: { text: 'no context' },
      });
      await comment(api.b, { postId }, { text: 'B only' });

      const res = await relatedOf(api.a, mine.conversationId);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.conversationsMessage).toMatchObject({
        id: mine.message.id,
        channel: 'FACEBOOK_POST',
        direction: 'INBOUND',
        authorType: 'CUSTOMER',
        conversationId: mine.conversationId,
        createdAt: expect.stringMatching(plusZero),
        singleSendMessage: {
          socialContext: {
            postId,
            parentId: null,
            externalId: 'c2',
            username: null,
            permalinkUrl: 'https://fb.example/c2',
          },
          channel: 'FACEBOOK_POST',
          direction: 'INBOUND',
        },
      });
      expect(res.body.olderComments).toEqual([
        {
          id: first.message.id,
          channel: 'FACEBOOK_POST',
          authorName: 'John Doe',
          direction: 'INBOUND',
          conversationId: first.conversationId,
          createdAt: expect.stringMatching(plusZero),
          content: { text: 'Test' },
          contentType: 'TEXT',
          singleSendMessage: expect.objectContaining({ socialContext: expect.objectContaining({ postId }) }),
        },
      ]);
      expect(res.body.newerComments.map((c: { id: string }) => c.id)).toEqual([reply.message.id]);
      expect(res.body.newerComments[0]).toMatchObject({
        direction: 'OUTBOUND',
        authorName: reply.message.from,
      });
      expect(JSON.stringify(res.body)).not.toContain('B only');

      // tRPC: the same, as Switchboard's messages.
      const trpc = await api.a.caller.messages.relatedComments({ conversationId: mine.conversationId });
      expect(trpc.comment.socialContext).toEqual({
        postId,
        parentId: null,
        externalId: 'c2',
        username: null,
        permalinkUrl: 'https://fb.example/c2',
      });
      expect(trpc.olderComments.map((m) => m.id)).toEqual([first.message.id]);
      expect(trpc.newerComments.map((m) => m.id)).toEqual([reply.message.id]);
    });

    test('a reply reads its siblings (the same parent comment) only', async () => {
      const postId = `post-${Math.random()}`;
      await comment(api.a, { postId, externalId: 'top' });
      const sibling = await comment(api.a, { postId, parentId: 'top' });
      const mine = await comment(api.a, { postId, parentId: 'top' });
      await comment(api.a, { postId, parentId: 'elsewhere' });
      const res = await relatedOf(api.a, mine.conversationId);
      expect(res.body.olderComments.map((c: { id: string }) => c.id)).toEqual([sibling.message.id]);
      expect(res.body.newerComments).toEqual([]);
    });

    test('at most the 50 nearest older and 50 nearest newer comments, oldest first', async () => {
      const postId = `post-${Math.random()}`;
      const mine = await comment(api.a, { postId });
      const at = new Date(
        (await api.db.prisma.message.findUniqueOrThrow({ where: { id: mine.message.id } })).createdAt,
      );
      const holder = await createConversation(api.a, { channel: 'FACEBOOK_POST' });
      const rows = [-60, 60].flatMap((side) =>
        Array.from({ length: 60 }, (_, i) => ({
          id: `${side < 0 ? 'old' : 'new'}-${postId}-${String(i).padStart(2, '0')}`,
          organizationId: api.a.organization.id,
          conversationId: holder,
          from: 'someone',
          channel: 'FACEBOOK_POST',
          content: { text: `${side} ${i}` },
          text: `${side} ${i}`,
          socialPostId: postId,
          createdAt: new Date(at.getTime() + Math.sign(side) * (i + 1) * 1000),
        })),
      );
      await api.db.prisma.message.createMany({ data: rows });
      const res = await relatedOf(api.a, mine.conversationId);
      const older = res.body.olderComments.map((c: { id: string }) => c.id);
      const newer = res.body.newerComments.map((c: { id: string }) => c.id);
      // Older: the 50 just before (1 to 50 seconds), oldest first; newer: 1 to 50 seconds after.
      expect(older).toEqual(
        Array.from({ length: 50 }, (_, i) => `old-${postId}-${String(49 - i).padStart(2, '0')}`),
      );
      expect(newer).toEqual(
        Array.from({ length: 50 }, (_, i) => `new-${postId}-${String(i).padStart(2, '0')}`),
      );
    });

    test('no inbound comment, an unknown conversation and another organization are NOT_FOUND', async () => {
      const plain = await createConversation(api.a, { channel: 'SMS' });
      await api.a.request('POST', `/ccaas/1/conversations/${plain}/messages`, {
        from: 'a',
        to: 'b',
        channel: 'SMS',
        contentType: 'TEXT',
        content: { text: 'not a comment' },
        direction: 'INBOUND',
      });
      // The page's own comment is not an inbound one.
      const outbound = await comment(api.a, { postId: 'p' }, { direction: 'OUTBOUND' });
      for (const id of [plain, outbound.conversationId]) {
        const res = await relatedOf(api.a, id);
        expect(res.status).toBe(404);
        expect(serviceException(res.body)).toMatchObject({ messageId: 'NOT_FOUND' });
        expect(serviceException(res.body).text).toContain('has no inbound comment');
      }

      const ofA = await comment(api.a, { postId: 'p' });
      const cross = await relatedOf(api.b, ofA.conversationId);
      const random = await relatedOf(api.b, missingId);
      expect(cross.status).toBe(404);
      expect(random.status).toBe(404);
      expect(serviceException(cross.body).text).toBe(
        `Invalid conversationId '${ofA.conversationId}' given! No such entity exists.`,
      );
      expect(serviceException(random.body).text).toBe(
        `Invalid conversationId '${missingId}' given! No such entity exists.`,
      );
      await expect(
        api.b.caller.messages.relatedComments({ conversationId: ofA.conversationId }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    test('a bad socialContext is 400 naming it, and nothing is stored', async () => {
      const id = await createConversation(api.a, { channel: 'FACEBOOK_POST' });
      const base = {
        from: 'u',
        to: 'page',
        contentType: 'TEXT',
        content: { text: 'hi' },
        direction: 'INBOUND',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, channel: 'SMS', socialContext: { postId: 'p' } }, 'socialContext'],
        [{ ...base, socialContext: { postId: 'p' } }, 'socialContext'],
        [{ ...base, channel: 'FACEBOOK_POST', socialContext: {} }, 'socialContext.postId'],
        [{ ...base, channel: 'FACEBOOK_POST', socialContext: { postId: '' } }, 'socialContext.postId'],
        [{ ...base, channel: 'FACEBOOK_POST', socialContext: 'p' }, 'socialContext'],
        [
          { ...base, channel: 'FACEBOOK_POST', socialContext: { postId: 'p', permalinkUrl: 'not a url' } },
          'socialContext.permalinkUrl',
        ],
      ];
      for (const [body, field] of cases) {
        const res = await api.a.request('POST', `/ccaas/1/conversations/${id}/messages`, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(Object.keys(serviceException(res.body).validationErrors), JSON.stringify(body)).toEqual([
          field,
        ]);
      }
      // A note is never a comment.
      await expect(
        api.a.caller.messages.create({
          conversationId: id,
          from: 'agent',
          text: 'internal',
          channel: 'FACEBOOK_POST',
          internal: true,
          socialContext: { postId: 'p' },
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(await api.db.prisma.message.count({ where: { conversationId: id } })).toBe(0);
    });

    test('messages answer their social context; other messages have none', async () => {
      const { conversationId, message } = await comment(api.a, { postId: 'p2', username: 'Ann' });
      expect(message.singleSendMessage.socialContext).toMatchObject({ postId: 'p2', username: 'Ann' });
      await api.a.request('POST', `/ccaas/1/conversations/${conversationId}/messages`, {
        from: 'page',
        to: 'u',
        channel: 'FACEBOOK_POST',
        contentType: 'TEXT',
        content: { text: 'plain' },
      });
      const list = await api.a.request('GET', `/ccaas/1/conversations/${conversationId}/messages?limit=999`);
      expect(
        list.body.messages.map((m: { singleSendMessage?: unknown }) => m.singleSendMessage !== undefined),
      ).toEqual([true, false]);
      const viaTrpc = await api.a.caller.messages.list({ conversationId });
      expect(viaTrpc.messages.map((m) => m.socialContext?.postId ?? null)).toEqual(['p2', null]);
    });
  });
});
