import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../src/logger';
import { appRouter } from '../src/routers';
import { createContextInner } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/init';
import { ADMIN_KEY, send, startTestApi, type TestApi } from './support/test-api';

const createCaller = createCallerFactory(appRouter);

describe.each(testDatabaseKinds())('admin on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const asAdmin = (method: string, path: string, body?: unknown, key = ADMIN_KEY) =>
    send(`${api.url}${path}`, {
      method,
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  test('POST /admin/organizations creates the organization, its default workspace and owner key', async () => {
    const res = await asAdmin('POST', '/admin/organizations', { name: 'Acme' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      organization: { id: expect.any(String), name: 'Acme', createdAt: expect.any(String) },
      workspace: { id: expect.any(String), name: 'Default', createdAt: expect.any(String) },
      apiKey: { id: expect.any(String), prefix: expect.any(String), key: expect.any(String) },
    });
    const { organization, workspace, apiKey } = res.body;

    // The key works, belongs to the new organization and is its owner key.
    const workspaces = await send(`${api.url}/v1/workspaces`, { headers: { 'x-api-key': apiKey.key } });
    expect(workspaces.body.workspaces).toEqual([
      {
        ...workspace,
        isDefault: true,
        organizationId: organization.id,
        rbacStatus: 'INACTIVE',
        updatedAt: expect.any(String),
      },
    ]);
    const keys = await send(`${api.url}/v1/api-keys`, { headers: { 'x-api-key': apiKey.key } });
    expect(keys.body.apiKeys).toEqual([
      expect.objectContaining({ id: apiKey.id, prefix: apiKey.prefix, isOwner: true, canActForUsers: true }),
    ]);

    const audit = await api.db.prisma.auditEvent.findMany({
      where: { organizationId: organization.id },
      omit: { sequence: true },
    });
    expect(audit).toEqual([expect.objectContaining({ action: 'organization.create', actorType: 'ADMIN' })]);
    expect(JSON.stringify(audit)).not.toContain(apiKey.key);

    const listed = await asAdmin('GET', '/admin/organizations?limit=100');
    expect(listed.body.organizations.map((o: { name: string }) => o.name)).toEqual([
      'Organization A',
      'Organization B',
      'Acme',
    ]);
  });

  test("an organization's own key, a token, a wrong key or none → 401, and nothing is created", async () => {
    const before = await api.db.prisma.organization.count();
    const token = await api.a.request(
      'POST',
      `/workspaces/${api.a.workspace.id}/generate-access-key-token`,
      {},
    );
    const attempts = [
      api.a.request('POST', '/admin/organizations', { name: 'Mine' }),
      send(`${api.url}/admin/organizations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.body.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Mine' }),
      }),
      asAdmin('POST', '/admin/organizations', { name: 'Mine' }, `${ADMIN_KEY}x`),
      send(`${api.url}/admin/organizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Mine' }),
      }),
      api.a.request('GET', '/admin/organizations'),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('Unauthorized');
    }
    expect(await api.db.prisma.organization.count()).toBe(before);
  });

  test('the operator key is not an organization key', async () => {
    const res = await asAdmin('GET', '/v1/workspaces');
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/ADMIN_API_KEY/);
  });

  test('a missing or too long name is 400 naming the field', async () => {
    for (const body of [{}, { name: ' ' }, { name: 'x'.repeat(129) }]) {
      const res = await asAdmin('POST', '/admin/organizations', body);
      expect(res.status).toBe(400);
      expect(res.body.details.field).toBe('name');
    }
  });

  test('createCaller with the admin authentication', async () => {
    const logger = createLogger('silent');
    const admin = createCaller(createContextInner({ db: api.db, logger, auth: { kind: 'admin' } }));
    const created = await admin.admin.createOrganization({ name: 'Via caller' });
    expect(created.workspace.name).toBe('Default');
    await expect(api.a.caller.admin.createOrganization({ name: 'Nope' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
