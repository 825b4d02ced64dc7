import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('workspaces and access tokens on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('health names the database', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(await res.json()).toEqual({ status: 'ok', database: kind });
  });

  test('create, get and list workspaces over REST', async () => {
    const created = await api.a.request('POST', '/v1/workspaces', { name: 'Support' });
    expect(created.status).toBe(200);
    const workspace = created.body;
    expect(workspace).toMatchObject({ name: 'Support', isDefault: false });

    const fetched = await api.a.request('GET', `/v1/workspaces/${workspace.id}`);
    expect(fetched.body).toEqual(workspace);

    const list = (await api.a.request('GET', '/v1/workspaces?limit=100')).body;
    expect(list.workspaces.map((w: { name: string }) => w.name)).toEqual(['Default', 'Support']);
  });

  test("another tenant's workspace is 404, never 403", async () => {
    const res = await api.b.request('GET', `/v1/workspaces/${api.a.workspace.id}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: 'Not Found',
      message: 'Workspace not found',
      errorId: expect.any(String),
      details: { field: 'workspaceId' },
    });
  });

  test('Sharely token exchange: x-api-key → bearer token that authenticates', async () => {
    const res = await send(`${api.url}/workspaces/${api.a.workspace.id}/generate-access-key-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': api.a.apiKey.key },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const { token, expiresAt } = res.body;
    // Sharely documents 24 hours.
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(24 * 60 - 1);
    expect(minutes).toBeLessThanOrEqual(24 * 60);

    const withToken = await fetch(`${api.url}/v1/workspaces/${api.a.workspace.id}`, {
      headers: { authorization: `Bearer ${token}`, organizationid: api.a.organization.id },
    });
    expect(withToken.status).toBe(200);

    const wrongOrg = await fetch(`${api.url}/v1/workspaces/${api.a.workspace.id}`, {
      headers: { authorization: `Bearer ${token}`, organizationid: api.b.organization.id },
    });
    expect(wrongOrg.status).toBe(401);
  });

  test('token lifetime is capped at 24 hours', async () => {
    const res = await api.a.request('POST', `/workspaces/${api.a.workspace.id}/generate-access-key-token`, {
      expiresInSeconds: 90_000,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/expiresInSeconds/);
  });

  test('missing and wrong credentials are 401 with the documented body', async () => {
    const missing = await send(`${api.url}/v1/workspaces`, {});
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: 'Unauthorized' });
    const wrong = await fetch(`${api.url}/v1/workspaces`, { headers: { 'x-api-key': 'nope-nope-nope' } });
    expect(wrong.status).toBe(401);
    const app = await fetch(`${api.url}/v1/workspaces`, {
      headers: { authorization: `App ${api.a.apiKey.key}` },
    });
    expect(app.status).toBe(200);
  });

  test('malformed JSON is 400 and an unknown route is 404, both as { error, message }', async () => {
    const malformed = await api.a.request('POST', '/v1/workspaces', '{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: 'Bad Request', message: expect.stringMatching(/JSON/) });
    const unknown = await api.a.request('GET', '/v1/nothing-here');
    expect(unknown.status).toBe(404);
  });

  test('typed tRPC client over HTTP', async () => {
    const created = await api.a.client.workspaces.create.mutate({ name: 'Sales' });
    const got = await api.a.client.workspaces.get.query({ workspaceId: created.id });
    expect(got.name).toBe('Sales');
    await expect(api.b.client.workspaces.get.query({ workspaceId: created.id })).rejects.toMatchObject({
      data: { httpStatus: 404 },
    });
  });

  test('mutations leave an audit event naming the actor', async () => {
    const created = await api.a.caller.workspaces.create({ name: 'Audited' });
    const events = await api.db.prisma.auditEvent.findMany({ where: { entityId: created.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'workspace.create',
      actorType: 'API_KEY',
      actorId: api.a.apiKey.id,
    });
  });
});
