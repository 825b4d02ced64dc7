import type { ConversationStatus, Priority } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

interface Seed {
  at: string;
  status?: ConversationStatus;
  priority?: Priority;
  metadata?: Record<string, string>;
  tags?: string[];
}

/** Five conversations a day apart; `john` (metadata.agentId==johndoe) holds c1, c2, c3 and c5. */
const seeds: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5', Seed> = {
  c1: {
    at: '2024-01-01T10:00:00.000Z',
    priority: 'HIGH',
    metadata: { agentId: 'johndoe', label: 'External' },
    tags: ['vip'],
  },
  c2: { at: '2024-01-02T10:00:00.000Z', metadata: { agentId: 'johndoe' } },
  c3: {
    at: '2024-01-03T10:00:00.000Z',
    status: 'CLOSED',
    priority: 'LOW',
    metadata: { agentId: 'johndoe', label: 'Internal' },
    tags: ['vip'],
  },
  c4: {
    at: '2024-01-04T10:00:00.000Z',
    status: 'WAITING',
    priority: 'URGENT',
    metadata: { agentId: 'janedoe' },
    tags: ['vip'],
  },
  c5: { at: '2024-01-05T10:00:00.000Z', metadata: { agentId: 'johndoe' }, tags: ['billing'] },
};

describe.each(testDatabaseKinds())('group members, counts and previews on %s', (kind) => {
  let api: TestApi;
  let tenant: TestTenant;
  const ids: Record<string, string> = {};
  let groupId: string;

  async function seedConversation(owner: TestTenant, seed: Seed): Promise<string> {
    const { prisma } = api.db;
    const organizationId = owner.organization.id;
    const row = await prisma.conversation.create({
      data: {
        organizationId,
        workspaceId: owner.workspace.id,
        createdAt: new Date(seed.at),
        status: seed.status ?? 'OPEN',
        priority: seed.priority ?? 'NORMAL',
        metadata: seed.metadata ?? {},
        closedAt: seed.status === 'CLOSED' ? new Date(seed.at) : null,
      },
    });
    for (const name of seed.tags ?? []) {
      const tag = await prisma.tag.upsert({
        where: { organizationId_name: { organizationId, name } },
        create: { organizationId, name },
        update: {},
      });
      await prisma.conversationTag.create({
        data: { conversationId: row.id, conversationCreatedAt: row.createdAt, tagId: tag.id, organizationId },
      });
    }
    return row.id;
  }

  const members = async (query = '') => {
    const res = await tenant.request('GET', `/v1/groups/${groupId}/conversations${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const idsOf = (body: { conversations: { id: string }[] }) =>
    body.conversations.map((c) => Object.keys(ids).find((key) => ids[key] === c.id));

  beforeAll(async () => {
    api = await startTestApi(kind);
    tenant = await api.newTenant('Members');
    for (const [key, seed] of Object.entries(seeds)) ids[key] = await seedConversation(tenant, seed);
    // Tenant B has a conversation that matches the same criteria: it must never show up for A.
    ids.other = await seedConversation(api.b, {
      at: '2024-01-03T12:00:00.000Z',
      metadata: { agentId: 'johndoe' },
    });
    const created = await tenant.request('POST', '/v1/manage/group', {
      name: 'Calls made by John',
      criteria: 'conversation.metadata.agentId==johndoe',
    });
    groupId = created.body.group.id;
  });
  afterAll(() => api.close());

  test("default page: oldest first (Symbl's default order), Symbl's conversation shape, totals and paging fields", async () => {
    const body = await members();
    expect(idsOf(body)).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(body).toMatchObject({ totalCount: 4, limit: 20, offset: 0, nextCursor: null });
    expect(body.conversations[2]).toEqual({
      id: ids.c3,
      type: 'meeting',
      name: ids.c3,
      startTime: seeds.c3.at,
      endTime: seeds.c3.at,
      members: [],
      metadata: { agentId: 'johndoe', label: 'Internal' },
    });
  });

  test('order, limit and offset', async () => {
    expect(idsOf(await members('?order=desc'))).toEqual(['c5', 'c3', 'c2', 'c1']);
    const first = await members('?limit=2');
    expect(idsOf(first)).toEqual(['c1', 'c2']);
    expect(first).toMatchObject({ totalCount: 4, limit: 2, offset: 0, nextCursor: expect.any(String) });
    expect(idsOf(await members('?limit=2&offset=2'))).toEqual(['c3', 'c5']);
    expect(idsOf(await members('?limit=2&offset=2&order=desc'))).toEqual(['c2', 'c1']);
    // Symbl: "limit set to 0 returns 0 items"; the total still counts.
    expect(await members('?limit=0')).toMatchObject({ conversations: [], totalCount: 4, limit: 0 });
    expect(idsOf(await members('?sort=conversation.startTime&order=desc&limit=1'))).toEqual(['c5']);
    expect(await members('?offset=10')).toMatchObject({ conversations: [], totalCount: 4 });
    // limit is capped at the organization's maxPageSize rather than refused.
    expect((await members('?limit=5000')).limit).toBe(100);
  });

  test('startTime and endTime bound createdAt, both inclusive', async () => {
    const body = await members(
      `?startTime=${encodeURIComponent('2024-01-02T10:00:00Z')}&endTime=${encodeURIComponent('2024-01-03T11:00:00+01:00')}`,
    );
    expect(idsOf(body)).toEqual(['c2', 'c3']);
    expect(body.totalCount).toBe(2);
    expect(idsOf(await members('?startTime=2024-01-03T00:00:00Z'))).toEqual(['c3', 'c5']);
    expect(idsOf(await members('?endTime=2024-01-01T23:59:59Z'))).toEqual(['c1']);
  });

  test('filter is criteria ANDed with the group criteria', async () => {
    expect(idsOf(await members(`?filter=${encodeURIComponent('tags==vip')}`))).toEqual(['c1', 'c3']);
    // An empty filter is no filter.
    expect(idsOf(await members('?filter='))).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(idsOf(await members(`?filter=${encodeURIComponent('status!=CLOSED;priority>=HIGH')}`))).toEqual([
      'c1',
    ]);
    const combined = await members(
      `?filter=${encodeURIComponent('metadata.label=in=(Internal,External)')}&startTime=2024-01-02T00:00:00Z&order=asc`,
    );
    expect(idsOf(combined)).toEqual(['c3']);
    expect(combined.totalCount).toBe(1);
  });

  test('bad parameters are 400 naming them; a bad filter carries the structured criteria error', async () => {
    const badFilter = await tenant.request(
      'GET',
      `/v1/groups/${groupId}/conversations?filter=${encodeURIComponent('tag==vip')}`,
    );
    expect(badFilter.status).toBe(400);
    expect(badFilter.body).toMatchObject({
      error: 'Invalid Criteria',
      details: { code: 'UNKNOWN_FIELD', input: 'filter', suggestion: 'tags', offset: 0, line: 1, column: 1 },
    });
    const cases: [string, string][] = [
      ['?startTime=yesterday', 'startTime'],
      ['?startTime=2024-01-02', 'startTime'],
      ['?startTime=2024-01-03T00:00:00Z&endTime=2024-01-02T00:00:00Z', 'endTime'],
      ['?order=sideways', 'order'],
      ['?limit=-1', 'limit'],
      ['?sort=conversation.name', 'sort'],
      ['?offset=-1', 'offset'],
      ['?cursor=not-a-cursor', 'cursor'],
    ];
    for (const [query, field] of cases) {
      const res = await tenant.request('GET', `/v1/groups/${groupId}/conversations${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.details.field, query).toBe(field);
    }
  });

  test('tRPC groups.members pages with cursors; groups.count counts in the database', async () => {
    const first = await tenant.caller.groups.members({ groupId, limit: 3 });
    expect(idsOf(first)).toEqual(['c5', 'c3', 'c2']);
    const second = await tenant.client.groups.members.query({
      groupId,
      limit: 3,
      cursor: first.nextCursor ?? '',
    });
    expect(idsOf(second)).toEqual(['c1']);
    expect(second.nextCursor).toBeNull();
    const ascending = await tenant.caller.groups.members({
      groupId,
      limit: 2,
      order: 'asc',
      filter: 'tags==vip',
    });
    expect(idsOf(ascending)).toEqual(['c1', 'c3']);
    expect(ascending.nextCursor).toBeNull();
    await expect(
      tenant.caller.groups.members({ groupId, offset: 1, cursor: first.nextCursor ?? '' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await tenant.caller.groups.count({ groupId })).toEqual({ groupId, count: 4 });
  });

  test('groups.memberPage is the same page without the total, over tRPC and REST', async () => {
    for (const input of [
      { groupId, limit: 3 },
      { groupId, limit: 2, order: 'asc' as const, filter: 'tags==vip' },
      { groupId, startTime: '2024-01-02T00:00:00Z', endTime: '2024-01-03T23:00:00Z' },
    ]) {
      const { totalCount, ...page } = await tenant.caller.groups.members(input);
      expect(totalCount).toBeGreaterThan(0);
      expect(await tenant.caller.groups.memberPage(input)).toEqual(page);
    }
    const first = await tenant.caller.groups.memberPage({ groupId, limit: 3 });
    const second = await tenant.caller.groups.memberPage({
      groupId,
      limit: 3,
      cursor: first.nextCursor ?? '',
    });
    expect([...idsOf(first), ...idsOf(second)]).toEqual(['c5', 'c3', 'c2', 'c1']);
    const rest = await tenant.request('GET', `/v1/groups/${groupId}/conversations/page?limit=2`);
    expect(rest.status).toBe(200);
    expect(idsOf(rest.body)).toEqual(['c5', 'c3']);
    expect(rest.body).not.toHaveProperty('totalCount');
    const refused = await tenant.request('GET', `/v1/groups/${groupId}/conversations/page?offset=1&cursor=x`);
    expect(refused.status).toBe(400);
    const foreign = await api.b.request('GET', `/v1/groups/${groupId}/conversations/page`);
    expect(foreign.status).toBe(404);
  });

  test('membership is dynamic: it follows the conversations as they change', async () => {
    const extra = await seedConversation(tenant, {
      at: '2024-01-06T10:00:00.000Z',
      metadata: { agentId: 'janedoe' },
    });
    expect((await tenant.caller.groups.count({ groupId })).count).toBe(4);
    await api.db.prisma.conversation.update({
      where: { id: extra },
      data: { metadata: { agentId: 'johndoe' } },
    });
    expect((await tenant.caller.groups.count({ groupId })).count).toBe(5);
    await api.db.prisma.conversation.delete({ where: { id: extra } });
    expect((await tenant.caller.groups.count({ groupId })).count).toBe(4);
  });

  test("tenancy: a group of B with the same criteria sees only B's conversations", async () => {
    const { group } = await api.b.caller.groups.create({
      name: 'John in B',
      criteria: 'metadata.agentId==johndoe',
    });
    const res = await api.b.request('GET', `/v1/groups/${group.id}/conversations`);
    expect(res.body.conversations.map((c: { id: string }) => c.id)).toEqual([ids.other]);
    expect(res.body.totalCount).toBe(1);
    expect(await api.b.caller.groups.count({ groupId: group.id })).toEqual({ groupId: group.id, count: 1 });
    const preview = await api.b.caller.groups.preview({ criteria: 'metadata.agentId==johndoe' });
    expect(preview.count).toBe(1);
    expect((await tenant.caller.groups.preview({ criteria: 'metadata.agentId==johndoe' })).count).toBe(4);
  });

  test('groups.preview: valid, AST, canonical text, count and the newest sample, without saving', async () => {
    const before = await api.db.prisma.conversationGroup.count();
    const preview = await tenant.caller.groups.preview({
      criteria: 'conversation.tags==vip and status=in=(OPEN,WAITING)',
    });
    expect(preview).toMatchObject({
      valid: true,
      canonical: 'tags==vip;status=in=(OPEN,WAITING)',
      ast: {
        type: 'and',
        children: [
          { type: 'comparison', field: 'tags', operator: '==', values: ['vip'] },
          { type: 'comparison', field: 'status', operator: '=in=', values: ['OPEN', 'WAITING'] },
        ],
      },
      count: 2,
    });
    expect(preview.sample.map((c) => c.id)).toEqual([ids.c4, ids.c1]);
    const one = await tenant.client.groups.preview.query({ criteria: 'tags==vip', limit: 1 });
    expect(one.count).toBe(3);
    expect(one.sample.map((c) => c.id)).toEqual([ids.c4]);
    expect(await api.db.prisma.conversationGroup.count()).toBe(before);
  });

  test('groups.preview refuses bad criteria with 400 and the structured error', async () => {
    await expect(tenant.caller.groups.preview({ criteria: 'priority==SUPER' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(tenant.client.groups.preview.query({ criteria: 'status==OPEN and' })).rejects.toMatchObject({
      data: {
        httpStatus: 400,
        domainCode: 'INVALID_CRITERIA',
        details: { code: 'SYNTAX', offset: 16, line: 1, column: 17, input: 'criteria' },
      },
    });
  });
});
