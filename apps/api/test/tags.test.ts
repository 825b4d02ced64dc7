import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

describe.each(testDatabaseKinds())('tags (Infobip) on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const tagsOf = (tenant: TestTenant, id: string) =>
    tenant
      .request('GET', `/ccaas/1/conversations/${id}/tags`)
      .then((res) => res.body.tags.map((t: { name: string }) => t.name));
  const orgTag = (tenant: TestTenant, name: string) =>
    api.db.prisma.tag.findFirst({ where: { organizationId: tenant.organization.id, name } });

  test('POST { tagName } tags a conversation, creating the tag; adding it again changes nothing', async () => {
    const conversation = await api.a.caller.conversations.create({ topic: 'tagging' });
    const res = await api.a.request('POST', `/ccaas/1/conversations/${conversation.id}/tags`, {
      tagName: 'vip',
    });
    expect(res.status).toBe(200);
    // Infobip's StatusCodeResponse, as its document answers; the tRPC procedure answers the tag.
    expect(res.body).toEqual({ statusCode: 'SUCCESS', message: 'Tag added to conversation successfully.' });
    expect(await orgTag(api.a, 'vip')).not.toBeNull();

    const again = await api.a.request('POST', `/ccaas/1/conversations/${conversation.id}/tags`, {
      tagName: ' vip ',
    });
    expect(again.body).toEqual(res.body);
    expect(
      await api.a.caller.tags.addToConversation({ conversationId: conversation.id, tagName: 'vip' }),
    ).toEqual({ name: 'vip', createdAt: expect.any(String) });
    const got = await api.a.caller.conversations.get({ conversationId: conversation.id });
    expect(got.tags).toEqual(['vip']);
    expect(got.version).toBe(conversation.version + 1);
  });

  test('creates racing to make the same new tags all link them, in the order sent, and make each tag once', async () => {
    const tenant = await api.newTenant('Tag race');
    const names = ['race-a', 'race-b', 'race-c'];
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        tenant.request('POST', '/ccaas/1/conversations', {
          topic: `race ${i}`,
          tags: i % 2 === 0 ? names : [...names].reverse(),
        }),
      ),
    );
    for (const [i, res] of created.entries()) {
      expect(res.status).toBe(200);
      expect(res.body.tags).toEqual(i % 2 === 0 ? names : [...names].reverse());
      expect(await tagsOf(tenant, res.body.id)).toEqual(res.body.tags);
    }
    const tags = await api.db.prisma.tag.findMany({ where: { organizationId: tenant.organization.id } });
    expect(tags.map((tag) => tag.name).sort()).toEqual(names);
  });

  test('a create in an organization without a workspace is 409 and writes neither the conversation nor its tags', async () => {
    const tenant = await api.newTenant('No workspace');
    await api.db.prisma.workspace.deleteMany({ where: { organizationId: tenant.organization.id } });
    const res = await tenant.request('POST', '/ccaas/1/conversations', { topic: 'x', tags: ['orphan'] });
    expect(res.status).toBe(409);
    expect(res.body.requestError.serviceException.text).toMatch(/no workspace; create one first/);
    const where = { organizationId: tenant.organization.id };
    expect(await api.db.prisma.conversation.count({ where })).toBe(0);
    expect(await api.db.prisma.tag.count({ where })).toBe(0);
  });

  test('GET lists the tags in the order added; DELETE removes the link only', async () => {
    const conversation = await api.a.caller.conversations.create({ tags: ['first'] });
    await api.a.caller.tags.addToConversation({ conversationId: conversation.id, tagName: 'needs review' });
    const listed = await api.a.request('GET', `/ccaas/1/conversations/${conversation.id}/tags`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      tags: [
        { name: 'first', createdAt: expect.any(String) },
        { name: 'needs review', createdAt: expect.any(String) },
      ],
    });

    const removed = await api.a.request(
      'DELETE',
      `/ccaas/1/conversations/${conversation.id}/tags/needs%20review`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ statusCode: 'SUCCESS', message: 'Tag removed successfully.' });
    expect(await tagsOf(api.a, conversation.id)).toEqual(['first']);
    expect(await orgTag(api.a, 'needs review')).not.toBeNull();

    const missing = await api.a.request(
      'DELETE',
      `/ccaas/1/conversations/${conversation.id}/tags/needs%20review`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.requestError.serviceException.details.field).toBe('tagName');
  });

  test('bad tag names are 400 naming tagName', async () => {
    const conversation = await api.a.caller.conversations.create({});
    for (const tagName of ['', '   ', 'x'.repeat(101), 'bad\nname']) {
      const res = await api.a.request('POST', `/ccaas/1/conversations/${conversation.id}/tags`, { tagName });
      expect(res.status, JSON.stringify(tagName)).toBe(400);
      expect(res.body.requestError.serviceException.details.field).toBe('tagName');
    }
    const missing = await api.a.request('POST', `/ccaas/1/conversations/${conversation.id}/tags`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.requestError.serviceException.details.field).toBe('tagName');
    expect(await tagsOf(api.a, conversation.id)).toEqual([]);
  });

  test('tags may change on a CLOSED conversation', async () => {
    const conversation = await api.a.caller.conversations.create({ status: 'CLOSED', tags: ['old'] });
    const added = await api.a.request('POST', `/ccaas/1/conversations/${conversation.id}/tags`, {
      tagName: 'reported',
    });
    expect(added.status).toBe(200);
    const removed = await api.a.request('DELETE', `/ccaas/1/conversations/${conversation.id}/tags/old`);
    expect(removed.status).toBe(200);
    expect(await tagsOf(api.a, conversation.id)).toEqual(['reported']);
  });

  test("another tenant's conversation is 404 for every tag endpoint and stays as it was", async () => {
    const conversation = await api.a.caller.conversations.create({ tags: ['secret'] });
    const path = `/ccaas/1/conversations/${conversation.id}/tags`;
    expect((await api.b.request('POST', path, { tagName: 'x' })).status).toBe(404);
    expect((await api.b.request('GET', path)).status).toBe(404);
    expect((await api.b.request('DELETE', `${path}/secret`)).status).toBe(404);
    expect((await api.b.request('DELETE', '/ccaas/1/tags/secret')).status).toBe(404);
    expect(await orgTag(api.b, 'x')).toBeNull();
    expect(await tagsOf(api.a, conversation.id)).toEqual(['secret']);
  });

  test('GET /ccaas/1/tags lists the organization tags with counts, Infobip-paged', async () => {
    const tenant = await api.newTenant('Tag list');
    await tenant.caller.conversations.create({ tags: ['beta', 'alpha'] });
    await tenant.caller.conversations.create({ tags: ['beta'] });
    const res = await tenant.request('GET', '/ccaas/1/tags');
    expect(res.status).toBe(200);
    const tagView = {
      id: expect.any(String),
      createdAt: expect.stringMatching(/\+0000$/),
      updatedAt: expect.any(String),
    };
    expect(res.body).toEqual({
      tags: [
        { name: 'alpha', ...tagView, conversationCount: 1 },
        { name: 'beta', ...tagView, conversationCount: 2 },
      ],
      pagination: { totalItems: 2, page: 0, limit: 10, orderBy: 'name:asc' },
    });
    const paged = await tenant.request('GET', '/ccaas/1/tags?limit=1&page=1&orderBy=name:desc');
    expect(paged.body.tags.map((t: { name: string }) => t.name)).toEqual(['alpha']);
    expect((await tenant.request('GET', '/ccaas/1/tags?orderBy=size')).status).toBe(400);
    const viaTrpc = await tenant.caller.tags.list({});
    expect(viaTrpc.tags).toHaveLength(2);
    const byId = await tenant.request('GET', '/ccaas/1/tags?orderBy=id:ASC');
    const ids = byId.body.tags.map((t: { id: string }) => t.id);
    expect(ids).toEqual([...ids].sort());
    expect((await tenant.request('GET', '/ccaas/1/tags?limit=999')).status).toBe(200);
    expect((await tenant.request('GET', '/ccaas/1/tags?limit=1000')).status).toBe(400);
  });

  test('POST /ccaas/1/tags creates a tag; GET filters by conversationId and name', async () => {
    const tenant = await api.newTenant('Tag create');
    const created = await tenant.request('POST', '/ccaas/1/tags', { name: 'Tag_1' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Tag_1',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      updatedAt: created.body.createdAt,
    });
    const again = await tenant.request('POST', '/ccaas/1/tags', { name: 'Tag_1' });
    expect(again.status).toBe(400);
    expect(again.body.requestError.serviceException.validationErrors).toHaveProperty('name');
    expect((await tenant.request('POST', '/ccaas/1/tags', {})).status).toBe(400);

    const conversation = await tenant.caller.conversations.create({ tags: ['other'] });
    const ofConversation = await tenant.request('GET', `/ccaas/1/tags?conversationId=${conversation.id}`);
    expect(ofConversation.body.tags.map((t: { name: string }) => t.name)).toEqual(['other']);
    const named = await tenant.request('GET', '/ccaas/1/tags?name=Tag_1');
    expect(named.body.tags).toEqual([{ ...created.body, conversationCount: 0 }]);
    const foreign = await api.b.request('GET', `/ccaas/1/tags?conversationId=${conversation.id}`);
    expect(foreign.body.tags).toEqual([]);
  });

  test('DELETE /ccaas/1/tags/{tagName} unlinks the tag everywhere and deletes it', async () => {
    const one = await api.a.caller.conversations.create({ tags: ['doomed', 'keep'] });
    const two = await api.a.caller.conversations.create({ status: 'CLOSED', tags: ['doomed'] });
    const untouched = await api.a.caller.conversations.create({ tags: ['keep'] });
    const bConversation = await api.b.caller.conversations.create({ tags: ['doomed'] });

    const res = await api.a.request('DELETE', '/ccaas/1/tags/doomed');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 'SUCCESS', message: 'Tag deleted successfully.' });
    expect(await orgTag(api.a, 'doomed')).toBeNull();
    expect(await tagsOf(api.a, one.id)).toEqual(['keep']);
    expect(await tagsOf(api.a, two.id)).toEqual([]);

    const after = await api.a.caller.conversations.get({ conversationId: one.id });
    expect(after.version).toBe(one.version + 1);
    expect((await api.a.caller.conversations.get({ conversationId: untouched.id })).version).toBe(
      untouched.version,
    );
    const history = await api.a.caller.conversations.history({ conversationId: two.id, limit: 100 });
    expect(history.events.at(-1)).toMatchObject({
      action: 'conversation.tag.remove',
      before: { tags: ['doomed'] },
      after: { tags: [] },
    });

    expect(await tagsOf(api.b, bConversation.id)).toEqual(['doomed']);
    expect((await api.a.request('DELETE', '/ccaas/1/tags/doomed')).status).toBe(404);
    await expect(api.a.caller.tags.delete({ tagName: 'doomed' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
