import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from './support/test-api';

const agentJohn = {
  name: 'Calls made by John',
  description: 'All the conversations made by the agent John Doe are captured in this Group.',
  criteria: 'conversation.metadata.agentId==johndoe',
};

describe.each(testDatabaseKinds())('conversation groups (Symbl) on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const groupsOf = (organizationId: string) =>
    api.db.prisma.conversationGroup.findMany({ where: { organizationId }, orderBy: { createdAt: 'asc' } });

  test('POST /v1/manage/group → { group }, GET, PUT and DELETE answer the Symbl shapes', async () => {
    const created = await api.a.request('POST', '/v1/manage/group', agentJohn);
    expect(created.status).toBe(200);
    const { group } = created.body;
    expect(group).toEqual({
      id: expect.any(String),
      ...agentJohn,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const fetched = await api.a.request('GET', `/v1/manage/group/${group.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ group });

    const replacement = {
      id: group.id,
      name: 'Calls made by John to Acme Corp',
      criteria: 'conversation.metadata.agentId==johndoe and conversation.metadata.customerId==88338833',
    };
    const updated = await api.a.request('PUT', `/v1/manage/group/${group.id}`, replacement);
    expect(updated.status).toBe(200);
    // PUT replaces: the description that was not sent is cleared; criteria come back as written.
    expect(updated.body.group).toMatchObject({ ...replacement, description: null });

    const deleted = await api.a.request('DELETE', `/v1/manage/group/${group.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: group.id, type: 'group', deleted: true });
    expect((await api.a.request('GET', `/v1/manage/group/${group.id}`)).status).toBe(404);
    expect(await api.db.prisma.conversationGroup.findUnique({ where: { id: group.id } })).toBeNull();
  });

  test('POST /v1/manage/groups takes a bare array and answers { groups }; GET /v1/manage/groups lists them', async () => {
    const tenant = await api.newTenant('Bulk groups');
    const body = [
      {
        name: 'Group for all Internal calls',
        description: 'Group for sales team meetings',
        criteria: 'conversation.metadata.label==Internal',
      },
      {
        name: 'Group for all conversations with Acme Corp company',
        description: 'Group for Acme Corp conversations',
        criteria: 'conversation.metadata.label==External',
      },
    ];
    const created = await tenant.request('POST', '/v1/manage/groups', body);
    expect(created.status).toBe(200);
    expect(created.body.groups.map((g: { name: string }) => g.name)).toEqual(body.map((g) => g.name));
    expect(created.body.groups[1]).toMatchObject(body[1] as object);

    const list = await tenant.request('GET', '/v1/manage/groups');
    expect(list.status).toBe(200);
    // Groups created in one request share their createdAt: the list orders them by (createdAt, id).
    const listOrder = [...created.body.groups].sort(
      (x: { createdAt: string; id: string }, y: { createdAt: string; id: string }) =>
        x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id),
    );
    expect(list.body).toEqual({ groups: listOrder, nextCursor: null });

    const firstPage = await tenant.request('GET', '/v1/manage/groups?limit=1');
    expect(firstPage.body.groups).toEqual([listOrder[0]]);
    const secondPage = await tenant.request(
      'GET',
      `/v1/manage/groups?limit=1&cursor=${firstPage.body.nextCursor}`,
    );
    expect(secondPage.body).toEqual({ groups: [listOrder[1]], nextCursor: null });

    const byName = await tenant.request(
      'GET',
      `/v1/manage/groups?name=${encodeURIComponent(body[0]?.name ?? '')}`,
    );
    expect(byName.body.groups).toEqual([created.body.groups[0]]);
  });

  test('bulk create is all or nothing: an invalid item is 400 naming groups.<i>.<field>', async () => {
    const tenant = await api.newTenant('All or nothing');
    const good = { name: 'Fine', criteria: 'status==OPEN' };
    const cases: [unknown[], string, RegExp][] = [
      [[good, { name: 'No criteria' }], 'groups.1.criteria', /groups\.1\.criteria/],
      [[good, { name: 'x'.repeat(129), criteria: 'status==OPEN' }], 'groups.1.name', /128/],
      [[good, { name: 'Bad <chars>', criteria: 'status==OPEN' }], 'groups.1.name', /letters, digits/],
      [
        [good, good, { name: 'Long', criteria: 'status==OPEN', description: 'd'.repeat(513) }],
        'groups.2.description',
        /512/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await tenant.request('POST', '/v1/manage/groups', body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('Bad Request');
      expect(res.body.message).toMatch(message);
      expect(res.body.details.field).toBe(field);
    }

    const badCriteria = await tenant.request('POST', '/v1/manage/groups', [
      good,
      { name: 'Typo', criteria: 'stauts==OPEN' },
    ]);
    expect(badCriteria.status).toBe(400);
    expect(badCriteria.body).toMatchObject({
      error: 'Invalid Criteria',
      message: 'groups.1.criteria: Unknown field "stauts" at 1:1 — did you mean "status"?',
      details: { code: 'UNKNOWN_FIELD', input: 'groups.1.criteria', suggestion: 'status', offset: 0 },
    });

    const notArray = await tenant.request('POST', '/v1/manage/groups', {
      name: 'x',
      criteria: 'status==OPEN',
    });
    expect(notArray.status).toBe(400);
    expect(notArray.body.details.field).toBe('groups');
    expect((await tenant.request('POST', '/v1/manage/groups', [])).status).toBe(400);

    expect(await groupsOf(tenant.organization.id)).toEqual([]);
  });

  test('bulk create refuses names taken in the organization or repeated in the request (409), creating nothing', async () => {
    const tenant = await api.newTenant('Bulk conflicts');
    await tenant.request('POST', '/v1/manage/group', { name: 'Existing', criteria: 'status==OPEN' });

    const taken = await tenant.request('POST', '/v1/manage/groups', [
      { name: 'New one', criteria: 'status==OPEN' },
      { name: 'Existing', criteria: 'status==CLOSED' },
    ]);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'Conflict', details: { field: 'groups.1.name' } });

    const repeated = await tenant.request('POST', '/v1/manage/groups', [
      { name: 'Twice', criteria: 'status==OPEN' },
      { name: 'Other', criteria: 'status==OPEN' },
      { name: ' Twice ', criteria: 'status==OPEN' },
    ]);
    expect(repeated.status).toBe(409);
    expect(repeated.body.details.field).toBe('groups.2.name');

    expect((await groupsOf(tenant.organization.id)).map((g) => g.name)).toEqual(['Existing']);
  });

  test('invalid criteria are 400 INVALID_CRITERIA with the structured error from core', async () => {
    const unknownField = await api.a.request('POST', '/v1/manage/group', {
      name: 'Typo',
      criteria: 'metadata.agentId==john and agnetId==x',
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toEqual({
      error: 'Invalid Criteria',
      message: 'criteria: Unknown field "agnetId" at 1:28 — did you mean "agentId"?',
      details: {
        code: 'UNKNOWN_FIELD',
        message: 'Unknown field "agnetId" at 1:28 — did you mean "agentId"?',
        offset: 27,
        line: 1,
        column: 28,
        field: 'agnetId',
        validFields: expect.arrayContaining(['status', 'metadata.<key>', 'trackers', 'entities']),
        suggestion: 'agentId',
        input: 'criteria',
      },
    });

    const syntax = await api.a.request('POST', '/v1/manage/group', {
      name: 'Unclosed',
      criteria: 'status==OPEN and\n  (priority==HIGH',
    });
    expect(syntax.status).toBe(400);
    expect(syntax.body.details).toMatchObject({
      code: 'SYNTAX',
      offset: 34,
      line: 2,
      column: 18,
      expected: [')', ';', 'and', ',', 'or'],
    });

    const update = await api.a.request('POST', '/v1/manage/group', {
      name: 'To update',
      criteria: 'status==OPEN',
    });
    const badUpdate = await api.a.request('PUT', `/v1/manage/group/${update.body.group.id}`, {
      name: 'To update',
      criteria: 'priority=gt=SUPER',
    });
    expect(badUpdate.status).toBe(400);
    expect(badUpdate.body.details).toMatchObject({ code: 'BAD_VALUE', input: 'criteria' });
    expect((await api.a.request('GET', `/v1/manage/group/${update.body.group.id}`)).body.group.criteria).toBe(
      'status==OPEN',
    );
  });

  test('names: trimmed, unique per organization (409 on create and rename), Symbl characters only', async () => {
    const tenant = await api.newTenant('Names');
    const first = await tenant.request('POST', '/v1/manage/group', {
      name: '  VIP customers (EU)  ',
      criteria: 'tags==vip',
    });
    expect(first.body.group.name).toBe('VIP customers (EU)');
    const again = await tenant.request('POST', '/v1/manage/group', {
      name: 'VIP customers (EU)',
      criteria: 'tags==x',
    });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ field: 'name' });

    const second = await tenant.request('POST', '/v1/manage/group', {
      name: 'Tier-2: billing/refunds',
      criteria: 'tags==b',
    });
    const rename = await tenant.request('PUT', `/v1/manage/group/${second.body.group.id}`, {
      name: 'VIP customers (EU)',
      criteria: 'tags==b',
    });
    expect(rename.status).toBe(409);
    // Keeping its own name is not a conflict.
    const keep = await tenant.request('PUT', `/v1/manage/group/${second.body.group.id}`, {
      name: 'Tier-2: billing/refunds',
      description: 'changed',
      criteria: 'tags==b',
    });
    expect(keep.status).toBe(200);

    const wrongId = await tenant.request('PUT', `/v1/manage/group/${second.body.group.id}`, {
      id: first.body.group.id,
      name: 'Tier-2: billing/refunds',
      criteria: 'tags==b',
    });
    expect(wrongId.status).toBe(400);
    expect(wrongId.body.details.field).toBe('id');

    for (const name of ['', '   ', '#general', 'a\nb']) {
      const res = await tenant.request('POST', '/v1/manage/group', { name, criteria: 'tags==x' });
      expect(res.status).toBe(400);
      expect(res.body.details.field).toBe('name');
    }
    // Tenants do not share names.
    const elsewhere = await api.b.request('POST', '/v1/manage/group', {
      name: 'VIP customers (EU)',
      criteria: 'tags==vip',
    });
    expect(elsewhere.status).toBe(200);
  });

  test('tRPC: createCaller and the typed client; groups.get by id or by name', async () => {
    const tenant = await api.newTenant('tRPC groups');
    const { group } = await tenant.caller.groups.create({ name: 'Escalations', criteria: 'priority>=HIGH' });
    expect(await tenant.caller.groups.get({ name: 'Escalations' })).toEqual({ group });
    expect(await tenant.client.groups.get.query({ groupId: group.id })).toEqual({ group });
    const { groups } = await tenant.client.groups.createMany.mutate({
      groups: [
        { name: 'A', criteria: 'status==OPEN' },
        { name: 'B', criteria: 'status==WAITING' },
      ],
    });
    expect(groups).toHaveLength(2);
    await expect(tenant.caller.groups.get({ name: 'Nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tenant.caller.groups.get({})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      tenant.client.groups.create.mutate({ name: 'Bad', criteria: 'status=OPEN' }),
    ).rejects.toMatchObject({ data: { httpStatus: 400, domainCode: 'INVALID_CRITERIA' } });
    expect(await tenant.caller.groups.delete({ groupId: group.id })).toEqual({
      id: group.id,
      type: 'group',
      deleted: true,
    });
  });

  test("tenancy: another organization's group is 404 for get, update, delete and members", async () => {
    const { body } = await api.a.request('POST', '/v1/manage/group', {
      name: 'Private',
      criteria: 'status==OPEN',
    });
    const id = body.group.id;
    expect((await api.b.request('GET', `/v1/manage/group/${id}`)).status).toBe(404);
    const put = await api.b.request('PUT', `/v1/manage/group/${id}`, {
      name: 'Stolen',
      criteria: 'status==CLOSED',
    });
    expect(put.status).toBe(404);
    expect(put.body).toEqual({
      error: 'Not Found',
      message: 'Group not found',
      details: { field: 'groupId' },
    });
    expect((await api.b.request('DELETE', `/v1/manage/group/${id}`)).status).toBe(404);
    expect((await api.b.request('GET', `/v1/groups/${id}/conversations`)).status).toBe(404);
    await expect(api.b.caller.groups.get({ name: 'Private' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.b.caller.groups.count({ groupId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await api.b.request('GET', '/v1/manage/groups')).body.groups.map((g: { id: string }) => g.id),
    ).not.toContain(id);
    expect(await api.db.prisma.conversationGroup.findUnique({ where: { id } })).toMatchObject({
      name: 'Private',
      criteria: 'status==OPEN',
    });
  });

  test('every mutation records an audit event with before and after', async () => {
    const tenant = await api.newTenant('Audit');
    const { group } = await tenant.caller.groups.create({ name: 'Audited', criteria: 'status==OPEN' });
    await tenant.caller.groups.update({ groupId: group.id, name: 'Audited 2', criteria: 'status==OPEN' });
    await tenant.caller.groups.delete({ groupId: group.id });
    const events = await api.db.prisma.auditEvent.findMany({
      where: { organizationId: tenant.organization.id, entityType: 'group' },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['group.create', 'group.update', 'group.delete']);
    expect(events[1]).toMatchObject({
      actorType: 'API_KEY',
      actorId: tenant.apiKey.id,
      before: { name: 'Audited' },
      after: { name: 'Audited 2' },
    });
  });

  test('the OpenAPI document lists the Symbl paths; bulk bodies are documented as arrays', async () => {
    const document = (await api.a.request('GET', '/openapi.json')).body;
    for (const path of [
      '/v1/manage/group',
      '/v1/manage/groups',
      '/v1/manage/group/{groupId}',
      '/v1/groups/{groupId}/conversations',
    ]) {
      expect(document.paths[path], path).toBeDefined();
    }
    const bulk = document.paths['/v1/manage/groups'].post.requestBody.content['application/json'].schema;
    expect(bulk.type).toBe('array');
  });
});
