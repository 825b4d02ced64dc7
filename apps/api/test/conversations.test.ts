import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asInfobip } from './support/infobip';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

describe.each(testDatabaseKinds())('conversations: create, get, PUT, PATCH, status on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const stored = (id: string) => api.db.prisma.conversation.findUnique({ where: { id } });
  const newQueue = (tenant: TestTenant, name: string) =>
    api.db.prisma.queue.create({ data: { organizationId: tenant.organization.id, name } });
  const newAgent = (tenant: TestTenant, capacity = 5) =>
    api.db.prisma.agent.create({
      data: { organizationId: tenant.organization.id, name: 'Ana', status: 'ACTIVE', capacity },
    });

  test('POST /ccaas/1/conversations with an empty body gets Infobip defaults', async () => {
    const res = await api.a.request('POST', '/ccaas/1/conversations', {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      topic: null,
      summary: null,
      status: 'OPEN',
      priority: 'NORMAL',
      channel: 'NO_CHANNEL',
      queueId: null,
      agentId: null,
      workspaceId: api.a.workspace.id,
      spaceId: null,
      tags: [],
      metadata: {},
      closedAt: null,
    });
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
    expect(await stored(res.body.id)).toMatchObject({
      organizationId: api.a.organization.id,
      status: 'OPEN',
    });
  });

  test('create with every property, through createCaller', async () => {
    const queue = await newQueue(api.a, 'Billing');
    const agent = await newAgent(api.a);
    const created = await api.a.caller.conversations.create({
      topic: 'Refund',
      summary: 'Customer wants a refund',
      status: 'WAITING',
      priority: 'HIGH',
      channel: 'WHATSAPP',
      queueId: queue.id,
      agentId: agent.id,
      metadata: { customerId: '88338833' },
      tags: ['vip', 'billing', ' vip '],
    });
    expect(created).toMatchObject({
      topic: 'Refund',
      status: 'WAITING',
      priority: 'HIGH',
      channel: 'WHATSAPP',
      queueId: queue.id,
      agentId: agent.id,
      metadata: { customerId: '88338833' },
      tags: ['vip', 'billing'],
      version: 1,
    });
    expect((await stored(created.id))?.assignedAt).toBeInstanceOf(Date);
  });

  test('bad values are 400 naming the field, and nothing is created', async () => {
    const before = await api.db.prisma.conversation.count();
    const cases: [object, string][] = [
      [{ topic: 'x'.repeat(256) }, 'topic'],
      [{ status: 'DONE' }, 'status'],
      [{ channel: 'whatsapp' }, 'channel'],
      [{ priority: 3 }, 'priority'],
      [{ tags: ['ok', ''] }, 'tags[1]'],
    ];
    for (const [body, field] of cases) {
      const res = await api.a.request('POST', '/ccaas/1/conversations', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.requestError.serviceException.details.field).toBe(field);
    }
    expect(await api.db.prisma.conversation.count()).toBe(before);
  });

  test("another organization's queue, agent, workspace or space is 404 naming the field", async () => {
    const queue = await newQueue(api.b, 'B queue');
    const agent = await newAgent(api.b);
    const space = await api.b.caller.spaces.create({ workspaceId: api.b.workspace.id, name: 'B space' });
    const before = await api.db.prisma.conversation.count();
    const cases: [object, string][] = [
      [{ queueId: queue.id }, 'queueId'],
      [{ agentId: agent.id }, 'agentId'],
      [{ workspaceId: api.b.workspace.id }, 'workspaceId'],
      [{ spaceId: space.id }, 'spaceId'],
    ];
    for (const [body, field] of cases) {
      const res = await api.a.request('POST', '/ccaas/1/conversations', body);
      expect(res.status, JSON.stringify(body)).toBe(404);
      expect(res.body.requestError.serviceException).toMatchObject({
        messageId: 'NOT_FOUND',
        details: { field },
      });
    }
    expect(await api.db.prisma.conversation.count()).toBe(before);
  });

  test('a space places the conversation in its workspace; a mismatched workspace is 400', async () => {
    const workspace = await api.a.caller.workspaces.create({ name: 'Sales' });
    const space = await api.a.caller.spaces.create({ workspaceId: workspace.id, name: 'EU' });
    const inSpace = await api.a.caller.conversations.create({ topic: 'General', spaceId: space.id });
    expect(inSpace).toMatchObject({ workspaceId: workspace.id, spaceId: space.id });
    const res = await api.a.request('POST', '/ccaas/1/conversations', {
      spaceId: space.id,
      workspaceId: api.a.workspace.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.requestError.serviceException.details.field).toBe('spaceId');
  });

  test('an agent at capacity cannot be given another conversation (409)', async () => {
    const agent = await newAgent(api.a, 1);
    await api.a.caller.conversations.create({ agentId: agent.id });
    const res = await api.a.request('POST', '/ccaas/1/conversations', { agentId: agent.id });
    expect(res.status).toBe(409);
    expect(res.body.requestError.serviceException.details.rule).toBe('AGENT_AT_CAPACITY');
    const other = await api.a.caller.conversations.create({});
    const patched = await api.a.request('PATCH', `/ccaas/1/conversations/${other.id}`, { agentId: agent.id });
    expect(patched.status).toBe(409);
    expect((await stored(other.id))?.agentId).toBeNull();
  });

  test('GET one conversation; another tenant gets 404 with the error body', async () => {
    const created = await api.a.caller.conversations.create({ topic: 'Mine' });
    const res = await api.a.request('GET', `/ccaas/1/conversations/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(asInfobip(created));
    expect(res.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const other = await api.b.request('GET', `/ccaas/1/conversations/${created.id}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual({
      requestError: {
        serviceException: {
          messageId: 'NOT_FOUND',
          text: 'Conversation not found',
          details: { field: 'conversationId' },
        },
      },
    });
    await expect(api.b.caller.conversations.get({ conversationId: created.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('PATCH changes only what is sent; PUT resets what is left out', async () => {
    const created = await api.a.caller.conversations.create({
      topic: 'T',
      summary: 'S',
      priority: 'HIGH',
      channel: 'SMS',
    });
    const patched = await api.a.request('PATCH', `/ccaas/1/conversations/${created.id}`, { summary: 'S2' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ topic: 'T', summary: 'S2', priority: 'HIGH', channel: 'SMS' });
    expect(patched.body.version).toBe(created.version + 1);

    const cleared = await api.a.request('PATCH', `/ccaas/1/conversations/${created.id}`, { topic: null });
    expect(cleared.body).toMatchObject({ topic: null, summary: 'S2' });

    const put = await api.a.request('PUT', `/ccaas/1/conversations/${created.id}`, { topic: 'T3' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      topic: 'T3',
      summary: null,
      status: 'OPEN',
      priority: 'NORMAL',
      channel: 'NO_CHANNEL',
      queueId: null,
      agentId: null,
      version: created.version + 3,
    });
    expect(await stored(created.id)).toMatchObject({ topic: 'T3', summary: null, priority: 'NORMAL' });
  });

  test('a PATCH that changes nothing keeps the version', async () => {
    const created = await api.a.caller.conversations.create({ topic: 'Same' });
    const same = await api.a.caller.conversations.patch({ conversationId: created.id, topic: 'Same' });
    expect(same.version).toBe(created.version);
  });

  test('closing stamps closedAt; a CLOSED conversation refuses changes and stays as it was', async () => {
    const created = await api.a.caller.conversations.create({ topic: 'Closing' });
    const closed = await api.a.caller.conversations.setStatus({
      conversationId: created.id,
      status: 'CLOSED',
    });
    expect(closed.status).toBe('CLOSED');
    expect(closed.closedAt).not.toBeNull();
    const row = await stored(created.id);

    const patch = await api.a.request('PATCH', `/ccaas/1/conversations/${created.id}`, { topic: 'Reopen?' });
    expect(patch.status).toBe(409);
    expect(patch.body.requestError.serviceException.messageId).toBe('CONFLICT');
    expect(patch.body.requestError.serviceException.text).toMatch(/CLOSED/);
    expect(patch.body.requestError.serviceException.details).toMatchObject({
      rule: 'CLOSED_IS_TERMINAL',
      fields: ['topic'],
    });
    const put = await api.a.request('PUT', `/ccaas/1/conversations/${created.id}`, { status: 'OPEN' });
    expect(put.status).toBe(409);
    await expect(
      api.a.caller.conversations.setStatus({ conversationId: created.id, status: 'OPEN' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stored(created.id)).toEqual(row);
  });

  test('status transitions between open states are allowed (SOLVED → OPEN)', async () => {
    const created = await api.a.caller.conversations.create({ status: 'SOLVED' });
    const reopened = await api.a.caller.conversations.setStatus({
      conversationId: created.id,
      status: 'OPEN',
    });
    expect(reopened).toMatchObject({ status: 'OPEN', closedAt: null });
  });

  test('a stale version is 409 and changes nothing', async () => {
    const created = await api.a.caller.conversations.create({ topic: 'v' });
    await api.a.caller.conversations.patch({ conversationId: created.id, topic: 'v2' });
    const row = await stored(created.id);
    const res = await api.a.request('PATCH', `/ccaas/1/conversations/${created.id}`, {
      topic: 'v3',
      version: created.version,
    });
    expect(res.status).toBe(409);
    expect(res.body.requestError.serviceException.details).toMatchObject({
      rule: 'VERSION_MISMATCH',
      field: 'version',
    });
    const put = await api.a.request('PUT', `/ccaas/1/conversations/${created.id}`, { version: 999 });
    expect(put.status).toBe(409);
    expect(await stored(created.id)).toEqual(row);
    const current = await api.a.request('PATCH', `/ccaas/1/conversations/${created.id}`, {
      topic: 'v3',
      version: row?.version,
    });
    expect(current.status).toBe(200);
  });

  test('two concurrent PATCHes with the same version: exactly one wins', async () => {
    const created = await api.a.caller.conversations.create({ topic: 'race' });
    const attempts = await Promise.all(
      ['first', 'second', 'third'].map((topic) =>
        api.a.request('PATCH', `/ccaas/1/conversations/${created.id}`, { topic, version: created.version }),
      ),
    );
    const statuses = attempts.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const winner = attempts.find((res) => res.status === 200)?.body;
    expect(await stored(created.id)).toMatchObject({ topic: winner.topic, version: created.version + 1 });
  });

  test('another tenant cannot PUT or PATCH a conversation (404), which stays unchanged', async () => {
    const created = await api.a.caller.conversations.create({ topic: 'private' });
    const row = await stored(created.id);
    for (const method of ['PUT', 'PATCH']) {
      const res = await api.b.request(method, `/ccaas/1/conversations/${created.id}`, { topic: 'stolen' });
      expect(res.status).toBe(404);
    }
    await expect(
      api.b.caller.conversations.setStatus({ conversationId: created.id, status: 'CLOSED' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await stored(created.id)).toEqual(row);
  });

  test('typed tRPC client over HTTP', async () => {
    const created = await api.a.client.conversations.create.mutate({
      topic: 'Over HTTP',
      priority: 'URGENT',
    });
    const got = await api.a.client.conversations.get.query({ conversationId: created.id });
    expect(got).toMatchObject({ topic: 'Over HTTP', priority: 'URGENT' });
    await expect(api.b.client.conversations.get.query({ conversationId: created.id })).rejects.toMatchObject({
      data: { httpStatus: 404 },
    });
  });
});
