import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, startTestApi, type TestApi } from './support/test-api';

const unauthorizedBody = {
  error: 'Unauthorized',
  message: 'Invalid or missing access token',
  errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
};

describe.each(testDatabaseKinds())('Sharely spaces and group conversations on %s', (kind) => {
  let api: TestApi;
  let workspaceId: string;
  let spaceId: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    workspaceId = api.a.workspace.id;
    const space = await api.a.request('POST', `/v1/workspaces/${workspaceId}/spaces`, { name: 'Customers' });
    spaceId = space.body.id;
  });
  afterAll(() => api.close());

  /** The seed's step 1: trade the API key for an access token. */
  async function accessToken(): Promise<string> {
    const res = await send(`${api.url}/workspaces/${workspaceId}/generate-access-key-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-api-key': api.a.apiKey.key },
      body: JSON.stringify({}),
    });
    expect(res.status).toBe(200);
    return res.body.token;
  }

  /** The seed's step 2, exactly as its curl and fetch examples send it. */
  const createGroup = (token: string | undefined, path: string, body: unknown, organizationId?: string) =>
    send(`${api.url}${path}`, {
      method: 'POST',
      headers: {
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        organizationid: organizationId ?? api.a.organization.id,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  const groupPath = () => `/v1/workspaces/${workspaceId}/spaces/${spaceId}/group`;

  test('create, get and list spaces', async () => {
    const created = await api.a.request('POST', `/v1/workspaces/${workspaceId}/spaces`, {
      name: '  Partners ',
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(String),
      workspaceId,
      name: 'Partners',
      description: null,
      createdAt: expect.any(String),
    });
    const fetched = await api.a.request('GET', `/v1/workspaces/${workspaceId}/spaces/${created.body.id}`);
    expect(fetched.body).toMatchObject({ id: created.body.id, name: 'Partners', status: 'ACTIVE' });
    const list = await api.a.request('GET', `/v1/workspaces/${workspaceId}/spaces?limit=1`);
    expect(list.body.spaces.map((s: { name: string }) => s.name)).toEqual(['Customers']);
    const next = await api.a.request(
      'GET',
      `/v1/workspaces/${workspaceId}/spaces?limit=1&cursor=${list.body.nextCursor}`,
    );
    expect(next.body).toEqual({ spaces: [created.body], nextCursor: null });
  });

  test('space names are checked and the refusal names the field', async () => {
    const before = await api.db.prisma.space.count();
    for (const name of ['', '   ', 'x'.repeat(129)]) {
      const res = await api.a.request('POST', `/v1/workspaces/${workspaceId}/spaces`, { name });
      expect(res.status).toBe(400);
      expect(res.body.details.field).toBe('name');
    }
    expect(await api.db.prisma.space.count()).toBe(before);
  });

  test('the seed flow: access token, then POST …/group with Bearer and organizationid → 200', async () => {
    const token = await accessToken();
    const res = await createGroup(token, groupPath(), { name: 'Technical Support' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['createdAt', 'id', 'name']);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Technical Support',
      createdAt: expect.any(String),
    });
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);

    const stored = await api.db.prisma.conversation.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored).toMatchObject({
      organizationId: api.a.organization.id,
      workspaceId,
      spaceId,
      topic: 'Technical Support',
      status: 'OPEN',
      priority: 'NORMAL',
      channel: 'NO_CHANNEL',
    });
    // Created like any conversation: audited (auto-routing, when on, adds its own event).
    const audit = await api.db.prisma.auditEvent.findMany({
      where: { entityId: res.body.id, action: 'conversation.create' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: 'ACCESS_TOKEN',
      after: expect.objectContaining({ spaceId }),
    });
  });

  test('name defaults to "General" (no body field, empty object, null)', async () => {
    const token = await accessToken();
    for (const body of [{}, { name: null }]) {
      const res = await createGroup(token, groupPath(), body);
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('General');
    }
  });

  test('name longer than 255 characters or empty is 400 naming the field, and creates nothing', async () => {
    const token = await accessToken();
    const before = await api.db.prisma.conversation.count();
    for (const name of ['x'.repeat(256), '', 42]) {
      const res = await createGroup(token, groupPath(), { name });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'Bad Request', details: { field: 'name' } });
    }
    const longest = await createGroup(token, groupPath(), { name: 'é'.repeat(255) });
    expect(longest.status).toBe(200);
    expect(await api.db.prisma.conversation.count()).toBe(before + 1);
  });

  test('missing or invalid token → 401 with the documented body exactly', async () => {
    const before = await api.db.prisma.conversation.count();
    const missing = await createGroup(undefined, groupPath(), { name: 'x' });
    const invalid = await createGroup('not-a-real-token', groupPath(), { name: 'x' });
    const jqNull = await createGroup('null', groupPath(), { name: 'x' });
    const empty = await createGroup('', groupPath(), { name: 'x' });
    for (const res of [missing, invalid, jqNull, empty]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(unauthorizedBody);
    }
    expect(await api.db.prisma.conversation.count()).toBe(before);
  });

  test('an expired token is 401 and says so', async () => {
    const token = await accessToken();
    await api.db.prisma.accessToken.updateMany({
      where: { apiKeyId: api.a.apiKey.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await createGroup(token, groupPath(), {});
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/expired/);
  });

  test('organizationid of another organization is 401', async () => {
    const token = await accessToken();
    const res = await createGroup(token, groupPath(), {}, api.b.organization.id);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/organizationid/);
  });

  test('unknown space → 404 "Space not found"; unknown workspace → 404 "Workspace not found"', async () => {
    const token = await accessToken();
    const before = await api.db.prisma.conversation.count();
    const noSpace = await createGroup(token, `/v1/workspaces/${workspaceId}/spaces/nope/group`, {});
    expect(noSpace.status).toBe(404);
    expect(noSpace.body).toMatchObject({ error: 'Not Found', message: 'Space not found' });
    const noWorkspace = await createGroup(token, `/v1/workspaces/nope/spaces/${spaceId}/group`, {});
    expect(noWorkspace.status).toBe(404);
    expect(noWorkspace.body.message).toBe('Workspace not found');
    const got = await api.a.request('GET', `/v1/workspaces/${workspaceId}/spaces/nope`);
    expect(got.status).toBe(404);
    expect(got.body.message).toBe('Space not found');
    expect(await api.db.prisma.conversation.count()).toBe(before);
  });

  test('a space of another workspace in the same organization is "Space not found"', async () => {
    const other = await api.a.caller.workspaces.create({ name: 'Elsewhere' });
    const res = await api.a.request('GET', `/v1/workspaces/${other.id}/spaces/${spaceId}`);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Space not found');
    const group = await api.a.request('POST', `/v1/workspaces/${other.id}/spaces/${spaceId}/group`, {});
    expect(group.status).toBe(404);
  });

  test("another tenant's workspace and space are 404 everywhere and stay unchanged", async () => {
    const spacesBefore = await api.db.prisma.space.count();
    const conversationsBefore = await api.db.prisma.conversation.count();
    const b = api.b;
    const attempts = [
      b.request('GET', `/v1/workspaces/${workspaceId}/spaces`),
      b.request('POST', `/v1/workspaces/${workspaceId}/spaces`, { name: 'Intruder' }),
      b.request('GET', `/v1/workspaces/${workspaceId}/spaces/${spaceId}`),
      b.request('POST', `/v1/workspaces/${workspaceId}/spaces/${spaceId}/group`, { name: 'Intruder' }),
      b.request('GET', `/v1/workspaces/${workspaceId}/spaces/${spaceId}/groups`),
      // b's own workspace with a's space id
      b.request('GET', `/v1/workspaces/${b.workspace.id}/spaces/${spaceId}`),
      b.request('POST', `/v1/workspaces/${b.workspace.id}/spaces/${spaceId}/group`, {}),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(['Workspace not found', 'Space not found']).toContain(res.body.message);
    }
    await expect(b.caller.spaces.get({ workspaceId, spaceId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.db.prisma.space.count()).toBe(spacesBefore);
    expect(await api.db.prisma.conversation.count()).toBe(conversationsBefore);
  });

  test('list a space’s group conversations, oldest first, paginated', async () => {
    const space = await api.a.caller.spaces.create({ workspaceId, name: 'Onboarding' });
    const names = ['Getting Started', 'Integration Help', 'API Questions'];
    for (const name of names) await api.a.caller.spaces.createGroup({ workspaceId, spaceId: space.id, name });
    const path = `/v1/workspaces/${workspaceId}/spaces/${space.id}/groups`;
    const all = await api.a.request('GET', path);
    expect(all.status).toBe(200);
    expect(all.body.groups.map((g: { name: string }) => g.name)).toEqual(names);
    for (const group of all.body.groups)
      expect(Object.keys(group).sort()).toEqual(['createdAt', 'id', 'name']);
    const first = await api.a.request('GET', `${path}?limit=2`);
    expect(first.body.groups).toHaveLength(2);
    const rest = await api.a.request('GET', `${path}?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body).toEqual({ groups: [all.body.groups[2]], nextCursor: null });
  });

  test('typed tRPC client over HTTP and createCaller agree', async () => {
    const space = await api.a.client.spaces.create.mutate({ workspaceId, name: 'Typed' });
    const group = await api.a.client.spaces.createGroup.mutate({ workspaceId, spaceId: space.id });
    expect(group.name).toBe('General');
    const listed = await api.a.caller.spaces.listGroups({ workspaceId, spaceId: space.id });
    expect(listed.groups).toEqual([group]);
    const spaces = await api.a.client.spaces.list.query({ workspaceId, limit: 100 });
    expect(spaces.spaces.map((s) => s.id)).toContain(space.id);
    await expect(
      api.b.client.spaces.createGroup.mutate({ workspaceId, spaceId: space.id }),
    ).rejects.toMatchObject({ data: { httpStatus: 404 } });
  });

  test('space creation is audited', async () => {
    const space = await api.a.caller.spaces.create({ workspaceId, name: 'Audited' });
    const events = await api.db.prisma.auditEvent.findMany({ where: { entityId: space.id } });
    expect(events).toEqual([
      expect.objectContaining({ action: 'space.create', actorType: 'API_KEY', actorId: api.a.apiKey.id }),
    ]);
  });
});
