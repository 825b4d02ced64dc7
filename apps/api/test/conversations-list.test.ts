import { testDatabaseKinds } from '@switchboard/db/testing';
import type { inferProcedureInput } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppRouter } from '../src/routers';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

type CreateInput = inferProcedureInput<AppRouter['conversations']['create']>;

/**
 * Six conversations c1…c6 with fixed timestamps (created 00:00:01…06, updated in reverse), so every
 * filter and ordering has one exact answer.
 */
describe.each(testDatabaseKinds())('GET /ccaas/1/conversations (Infobip list) on %s', (kind) => {
  let api: TestApi;
  let tenant: TestTenant;
  const ids: string[] = [];
  const queues: string[] = [];
  let agentId: string;

  beforeAll(async () => {
    api = await startTestApi(kind);
    tenant = await api.newTenant('Lists');
    const organizationId = tenant.organization.id;
    await api.db.prisma.settings.update({
      where: { organizationId },
      data: { document: { routing: { autoRouteOnCreate: false } } },
    });
    for (const name of ['Q1', 'Q2']) {
      queues.push((await api.db.prisma.queue.create({ data: { organizationId, name } })).id);
    }
    agentId = (await api.db.prisma.agent.create({ data: { organizationId, name: 'Ana', status: 'ACTIVE' } }))
      .id;
    const specs: CreateInput[] = [
      { status: 'OPEN', priority: 'LOW', queueId: queues[0], tags: ['vip'] },
      { status: 'WAITING', priority: 'NORMAL', queueId: queues[1] },
      { status: 'SOLVED', priority: 'HIGH', agentId, tags: ['vip'] },
      { status: 'OPEN', priority: 'URGENT', metadata: { customerId: '88' } },
      { status: 'CLOSED', priority: 'HIGH', queueId: queues[0] },
      { status: 'OPEN', priority: 'NORMAL', tags: ['billing'] },
    ];
    for (const [index, spec] of specs.entries()) {
      const created = await tenant.caller.conversations.create({ ...spec, topic: `c${index + 1}` });
      ids.push(created.id);
      await api.db.prisma.conversation.update({
        where: { id: created.id },
        data: { createdAt: at(index + 1), updatedAt: at(10 - index) },
      });
    }
  });
  afterAll(() => api.close());

  const at = (second: number) => new Date(`2025-01-01T00:00:${String(second).padStart(2, '0')}.000Z`);
  const list = (query: string) => tenant.request('GET', `/ccaas/1/conversations${query}`);
  const topics = (body: { conversations: { topic: string }[] }) => body.conversations.map((c) => c.topic);

  test('the answer is exactly { conversations, pagination } with Infobip defaults', async () => {
    const res = await list('');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['conversations', 'pagination']);
    expect(res.body.pagination).toEqual({ totalItems: 6, page: 0, limit: 10, orderBy: 'createdAt:ASC' });
    expect(topics(res.body)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(res.body.conversations[0]).toMatchObject({
      id: ids[0],
      topic: 'c1',
      summary: null,
      status: 'OPEN',
      priority: 'LOW',
      queueId: queues[0],
      agentId: null,
      channel: 'NO_CHANNEL',
      createdAt: '2025-01-01T00:00:01.000+0000',
    });
  });

  test("limit and 0-based page; up to Infobip's 999, more is refused (never silently cut)", async () => {
    const page = await list('?limit=2&page=1');
    expect(topics(page.body)).toEqual(['c3', 'c4']);
    expect(page.body.pagination).toEqual({ totalItems: 6, page: 1, limit: 2, orderBy: 'createdAt:ASC' });
    const largest = await list('?limit=999');
    expect(largest.status).toBe(200);
    expect(largest.body.pagination.limit).toBe(999);
    const huge = await list('?limit=1000');
    expect(huge.status).toBe(400);
    expect(huge.body.requestError.serviceException).toMatchObject({
      messageId: 'BAD_REQUEST',
      validationErrors: { limit: [expect.stringContaining('999')] },
    });
    const zero = await list('?limit=0');
    expect(zero.body).toMatchObject({ conversations: [], pagination: { totalItems: 6, limit: 0 } });
    const past = await list('?limit=5&page=7');
    expect(past.body).toMatchObject({ conversations: [], pagination: { totalItems: 6, page: 7 } });
  });

  test.each([
    ['createdAt:desc', ['c6', 'c5', 'c4', 'c3', 'c2', 'c1']],
    ['createdAt:ASC', ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']],
    ['updatedAt:asc', ['c6', 'c5', 'c4', 'c3', 'c2', 'c1']],
    ['updatedAt', ['c6', 'c5', 'c4', 'c3', 'c2', 'c1']],
  ])('orderBy=%s', async (orderBy, expected) => {
    const res = await list(`?orderBy=${orderBy}`);
    expect(topics(res.body)).toEqual(expected);
  });

  test('orderBy=id:ASC (the documented default form) orders by id', async () => {
    const res = await list('?orderBy=id:ASC');
    const ids = res.body.conversations.map((c: { id: string }) => c.id);
    expect(ids).toEqual([...ids].sort());
    expect(res.body.pagination.orderBy).toBe('id:ASC');
  });

  test.each(['name:asc', 'createdAt:sideways', 'topic'])(
    'orderBy=%s is 400 naming orderBy',
    async (orderBy) => {
      const res = await list(`?orderBy=${orderBy}`);
      expect(res.status).toBe(400);
      expect(res.body.requestError.serviceException.details.field).toBe('orderBy');
    },
  );

  test.each([
    ['status=WAITING', ['c2']],
    ['status=OPEN,SOLVED', ['c1', 'c3', 'c4', 'c6']],
    ['status=CLOSED&status=WAITING', ['c2', 'c5']],
    ['priority=HIGH', ['c3', 'c5']],
    ['priority=HIGH&status=CLOSED', ['c5']],
    ['createdAfter=2025-01-01T00:00:04.000Z', ['c5', 'c6']],
    ['createdAfter=2025-01-01T00:00:04.000%2B0000', ['c5', 'c6']],
    ['createdAfter=2025-01-01T00:00:04.000+0000', ['c5', 'c6']],
    ['createdBefore=2025-01-01T02:00:03.000%2B02:00', ['c1', 'c2']],
    ['updatedAfter=2025-01-01T00:00:08.000Z', ['c1', 'c2']],
    ['updatedBefore=2025-01-01T00:00:07.000Z', ['c5', 'c6']],
    ['criteria=tags==vip', ['c1', 'c3']],
    ['tagNames=vip', ['c1', 'c3']],
    ['tagNames=vip&tagNames=billing', ['c1', 'c3', 'c6']],
    ['closedAfter=2000-01-01T00:00:00.000%2B0000', ['c5']],
    ['closedBefore=2000-01-01T00:00:00.000Z', []],
    ['criteria=conversation.metadata.customerId==88', ['c4']],
    [`criteria=${encodeURIComponent('tags==vip;priority>=HIGH')}`, ['c3']],
    [`criteria=${encodeURIComponent('tags==vip or tags==billing')}&status=OPEN`, ['c1', 'c6']],
  ])('%s', async (query, expected) => {
    const res = await list(`?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(topics(res.body)).toEqual(expected);
    expect(res.body.pagination.totalItems).toBe(expected.length);
  });

  test('agentId, queueIds and conversationIds', async () => {
    expect(topics((await list(`?agentId=${agentId}`)).body)).toEqual(['c3']);
    expect(topics((await list(`?queueIds=${queues[0]}`)).body)).toEqual(['c1', 'c5']);
    expect(topics((await list(`?queueIds=${queues[0]},${queues[1]}`)).body)).toEqual(['c1', 'c2', 'c5']);
    expect(topics((await list(`?conversationIds=${ids[0]}&conversationIds=${ids[3]}`)).body)).toEqual([
      'c1',
      'c4',
    ]);
  });

  test('bad instants and statuses are 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['createdAfter=2025-01-01', 'createdAfter'],
      ['updatedBefore=yesterday', 'updatedBefore'],
      ['status=DONE', 'status.0'],
      ['priority=huge', 'priority.0'],
    ]) {
      const res = await list(`?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.requestError.serviceException.details.field, query).toBe(field);
    }
  });

  test('bad criteria are 400 with the position and what was expected', async () => {
    const unknown = await list(`?criteria=${encodeURIComponent('statuz==OPEN')}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.requestError.serviceException).toMatchObject({
      messageId: 'BAD_REQUEST',
      details: {
        code: 'UNKNOWN_FIELD',
        offset: 0,
        line: 1,
        column: 1,
        suggestion: 'status',
        input: 'criteria',
      },
    });
    expect(unknown.body.requestError.serviceException.details.validFields).toContain('priority');
    const syntax = await list(`?criteria=${encodeURIComponent('status==OPEN;\npriority=')}`);
    expect(syntax.status).toBe(400);
    expect(syntax.body.requestError.serviceException.details).toMatchObject({ line: 2 });
    expect(syntax.body.requestError.serviceException.details.offset).toBeGreaterThan(13);
    expect(typeof syntax.body.requestError.serviceException.details.column).toBe('number');
  });

  test('tRPC shares the procedure', async () => {
    const page = await tenant.caller.conversations.list({
      status: ['OPEN'],
      orderBy: 'createdAt:desc',
      limit: 2,
    });
    expect(page.conversations.map((c) => c.topic)).toEqual(['c6', 'c4']);
    expect(page.pagination).toEqual({ totalItems: 3, page: 0, limit: 2, orderBy: 'createdAt:DESC' });
  });

  test('another organization sees none of these, even by id', async () => {
    const res = await api.b.request('GET', `/ccaas/1/conversations?conversationIds=${ids.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      conversations: [],
      pagination: { totalItems: 0, page: 0, limit: 10, orderBy: 'createdAt:ASC' },
    });
  });
});
