import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { send, startTestApi, type TestApi, type TestResponse, type TestTenant } from './support/test-api';

/**
 * Sharely's contract: every request / response example of the reference pages
 * (../shared/reference/sharely/) and every call of the client summary (client-calls.md: the
 * server SDK, the widget and its RBAC playground), over HTTP. Shapes are checked with zod schemas
 * written from the examples; unknown keys are allowed.
 */
const errorShape = z.object({ error: z.string().min(1), message: z.string().min(1), errorId: z.uuid() });
const roleShape = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  customerRoleId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
const workflowShape = z.object({ workflowId: z.uuid(), role: roleShape });
const workspaceShape = z.object({
  id: z.string(),
  name: z.string(),
  organizationId: z.string(),
  rbacStatus: z.enum(['ACTIVE', 'INACTIVE']),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

function expectShape<T extends z.ZodType>(res: TestResponse, status: number, shape: T): z.infer<T> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('x-api-version')).toBe('v1');
  const parsed = shape.safeParse(res.body);
  expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
  return parsed.data as z.infer<T>;
}

describe.each(testDatabaseKinds())('Sharely contract on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const post = (url: string, headers: Record<string, string>, body: unknown) =>
    send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  /** authentication.md step 1, as the server SDK sends it: x-api-key, `{}` or one role field. */
  async function exchange(tenant: TestTenant, body: unknown = {}): Promise<TestResponse> {
    return post(
      `${api.url}/workspaces/${tenant.workspace.id}/generate-access-key-token`,
      { 'x-api-key': tenant.apiKey.key },
      body,
    );
  }

  /** A client with a role-less access token and the organizationid header (step 2). */
  async function sharelyClient(name: string) {
    const tenant = await api.newTenant(name);
    const { token } = expectShape(await exchange(tenant), 200, z.object({ token: z.string() }));
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      send(`${api.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          organizationid: tenant.organization.id,
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    return { tenant, token, call, ws: tenant.workspace.id };
  }

  test('generate-access-key-token: 24 h, role-scoped by roleId or customerRoleId, both → 400 as documented', async () => {
    const { tenant, call, ws } = await sharelyClient('Sharely tokens');
    const plain = await exchange(tenant);
    const { token, expiresAt } = expectShape(
      plain,
      200,
      z.object({ token: z.string(), expiresAt: z.iso.datetime() }),
    );
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(24 * 3600_000 - 60_000);
    // expiresInSeconds stays as an extension.
    const short = expectShape(
      await exchange(tenant, { expiresInSeconds: 600 }),
      200,
      z.object({ expiresAt: z.string() }),
    );
    expect(Date.parse(short.expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);
    // The server SDK reads `exp` from the token (decoded without verification) to know when to exchange again.
    const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());
    expect(claims(token).exp * 1000).toBe(Date.parse(expiresAt));
    expect(claims(token).user_metadata).toBeUndefined();

    const { role } = expectShape(
      await call('POST', `/v1/workspaces/${ws}/role`, {
        name: 'Sales Manager',
        customerRoleId: 'sales-manager',
      }),
      201,
      workflowShape,
    );
    for (const body of [{ roleId: role.id }, { customerRoleId: 'sales-manager' }]) {
      const scoped = expectShape(
        await exchange(tenant, body),
        200,
        z.object({ token: z.string(), roleId: z.string() }),
      );
      expect(scoped.roleId).toBe(role.id);
      // The widget's RbacBlocker reads the role from the token's user_metadata.
      expect(claims(scoped.token).user_metadata).toEqual({
        roleId: role.id,
        customerRoleId: 'sales-manager',
      });
      // The token carries its role: a user space opened with it gets the role without asking.
      const space = await send(`${api.url}/workspaces/${ws}/activate-or-retrieve-user-space`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${scoped.token}` },
        body: JSON.stringify({ customerIdString: 'role-check' }),
      });
      const userSpace = expectShape(space, 200, z.object({ roleId: z.string(), token: z.string() }));
      expect(userSpace.roleId).toBe(role.id);
      expect(claims(userSpace.token).user_metadata.roleId).toBe(role.id);
    }
    const both = await exchange(tenant, { roleId: role.id, customerRoleId: 'sales-manager' });
    expect(expectShape(both, 400, errorShape)).toMatchObject({
      error: 'Bad Request',
      message: 'Provide only one of roleId or customerRoleId',
    });
    expect(
      expectShape(await exchange(tenant, { customerRoleId: 'not valid!' }), 400, errorShape).message,
    ).toContain('customerRoleId');
    expectShape(await exchange(tenant, { customerRoleId: 'no-such-role' }), 404, errorShape);
    expectShape(await exchange(api.b, { roleId: role.id }), 404, errorShape);
    // Only an API key trades; a token does not.
    const withToken = await post(
      `${api.url}/workspaces/${ws}/generate-access-key-token`,
      { authorization: `Bearer ${token}` },
      {},
    );
    expectShape(withToken, 401, errorShape);
  });

  test('workspace reads: documented authenticated /v1 read and the public read clients use', async () => {
    const { tenant, call, ws } = await sharelyClient('Sharely workspace');
    const read = expectShape(await call('GET', `/v1/workspaces/${ws}`), 200, workspaceShape);
    expect(read).toMatchObject({ id: ws, organizationId: tenant.organization.id, rbacStatus: 'INACTIVE' });
    // The RBAC playground reads it with no headers at all, to learn organizationid and rbacStatus.
    const anonymous = await send(`${api.url}/workspaces/${ws}`, {});
    const open = expectShape(
      anonymous,
      200,
      z.object({
        id: z.string(),
        name: z.string(),
        organizationId: z.string(),
        organizationName: z.string(),
        rbacStatus: z.string(),
      }),
    );
    expect(open).toEqual({
      id: ws,
      name: tenant.workspace.name,
      organizationId: tenant.organization.id,
      organizationName: 'Sharely workspace',
      rbacStatus: 'INACTIVE',
    });
    expectShape(
      await send(`${api.url}/workspaces/00000000-0000-4000-8000-000000000000`, {}),
      404,
      errorShape,
    );
    // With another tenant's credential, A's workspace is like no workspace.
    expectShape(
      await send(`${api.url}/workspaces/${ws}`, { headers: { 'x-api-key': api.b.apiKey.key } }),
      404,
      errorShape,
    );
    // Documented errors: 401 without a token, 404 for an unknown one, organizationid of another org 401.
    expect(expectShape(await send(`${api.url}/v1/workspaces/${ws}`, {}), 401, errorShape)).toMatchObject({
      error: 'Unauthorized',
      message: 'Invalid or missing access token',
    });
    expect(expectShape(await call('GET', '/v1/workspaces/no-such-workspace'), 404, errorShape).message).toBe(
      'Workspace not found',
    );
    expectShape(
      await call('GET', `/v1/workspaces/${ws}`, undefined, { organizationid: api.b.organization.id }),
      401,
      errorShape,
    );

    // rbac-status: both documented bodies.
    const on = expectShape(
      await call('PUT', `/v1/workspaces/${ws}/rbac-status`, { rbacStatus: 'ACTIVE' }),
      200,
      z.object({ id: z.string(), rbacStatus: z.literal('ACTIVE'), updatedAt: z.string() }),
    );
    expect(on.id).toBe(ws);
    expect((await send(`${api.url}/workspaces/${ws}`, {})).body.rbacStatus).toBe('ACTIVE');
    expectShape(
      await call('PUT', `/v1/workspaces/${ws}/rbac-status`, { rbacEnabled: false }),
      200,
      z.object({ rbacStatus: z.literal('INACTIVE') }),
    );
    expectShape(await call('PUT', `/v1/workspaces/${ws}/rbac-status`, {}), 400, errorShape);
  });

  test('roles: list { roles, total }, create 201 { workflowId, role }, get, update the fields sent', async () => {
    const { tenant, call, ws } = await sharelyClient('Sharely roles');
    expect(
      expectShape(
        await call('GET', `/v1/workspaces/${ws}/role`),
        200,
        z.object({ roles: z.array(roleShape), total: z.number() }),
      ),
    ).toEqual({ roles: [], total: 0 });
    const created = expectShape(
      await call('POST', `/v1/workspaces/${ws}/role`, {
        name: 'Sales Manager',
        description: 'Access to sales-related content',
        customerRoleId: 'sales-manager',
      }),
      201,
      workflowShape,
    );
    expect(created.role).toMatchObject({
      name: 'Sales Manager',
      description: 'Access to sales-related content',
      customerRoleId: 'sales-manager',
    });
    await call('POST', `/v1/workspaces/${ws}/role`, {
      name: 'Content Editor',
      description: 'Can edit and manage content',
      customerRoleId: 'content-editor',
    });
    const listed = expectShape(
      await call('GET', `/v1/workspaces/${ws}/role`),
      200,
      z.object({ roles: z.array(roleShape), total: z.literal(2) }),
    );
    expect(listed.roles.map((role) => role.customerRoleId)).toEqual(['sales-manager', 'content-editor']);
    // roles-list.md Revision B lists with the raw key.
    const rawKey = await send(`${api.url}/v1/workspaces/${ws}/role`, {
      headers: { 'x-api-key': tenant.apiKey.key },
    });
    expect(expectShape(rawKey, 200, z.object({ total: z.literal(2) })).total).toBe(2);

    const { id } = created.role;
    const renamed = expectShape(
      await call('PUT', `/v1/workspaces/${ws}/role/${id}`, { name: 'Senior Sales Manager' }),
      200,
      workflowShape,
    );
    expect(renamed.role).toMatchObject({
      id,
      name: 'Senior Sales Manager',
      description: 'Access to sales-related content',
    });
    const described = expectShape(
      await call('PUT', `/v1/workspaces/${ws}/role/${id}`, {
        description: 'Updated description with broader access',
        customerRoleId: 'senior-sales-manager',
      }),
      200,
      workflowShape,
    );
    expect(described.role).toMatchObject({
      name: 'Senior Sales Manager',
      customerRoleId: 'senior-sales-manager',
    });
    // workspace.md: the background-job check, e.g. of the role changes' workflowIds.
    const jobs = expectShape(
      await call('POST', `/v1/workspaces/${ws}/background-jobs`, {
        jobIds: [created.workflowId, renamed.workflowId, 'job-uuid-1'],
      }),
      200,
      z.object({
        jobs: z.array(z.object({ id: z.string(), status: z.string(), entityId: z.string().nullable() })),
      }),
    );
    expect(jobs.jobs).toMatchObject([
      { id: created.workflowId, status: 'COMPLETED', entityId: id },
      { id: renamed.workflowId, status: 'COMPLETED', entityId: id },
      { id: 'job-uuid-1', status: 'NOT_FOUND', entityId: null },
    ]);
    expectShape(await call('POST', `/v1/workspaces/${ws}/background-jobs`, { jobIds: [] }), 400, errorShape);
    // authentication.md also shows the raw key as the Bearer credential.
    const rawBearer = await send(`${api.url}/v1/workspaces/${ws}/role`, {
      headers: { authorization: `Bearer ${tenant.apiKey.key}` },
    });
    expect(expectShape(rawBearer, 200, z.object({ total: z.number() })).total).toBe(2);
    expect(expectShape(await call('GET', `/v1/workspaces/${ws}/role/${id}`), 200, roleShape).name).toBe(
      'Senior Sales Manager',
    );
    expectShape(
      await call('POST', `/v1/workspaces/${ws}/role`, { name: 'Twin', customerRoleId: 'content-editor' }),
      409,
      errorShape,
    );
    expectShape(await call('POST', `/v1/workspaces/${ws}/role`, { description: 'no name' }), 400, errorShape);
    expectShape(await call('PUT', `/v1/workspaces/${ws}/role/no-such-role`, { name: 'x' }), 404, errorShape);
    const other = await sharelyClient('Sharely roles B');
    expectShape(await other.call('GET', `/v1/workspaces/${ws}/role/${id}`), 404, errorShape);
    expectShape(
      await other.call('POST', `/v1/workspaces/${ws}/background-jobs`, { jobIds: [created.workflowId] }),
      404,
      errorShape,
    );
    const otherJobs = await other.call('POST', `/v1/workspaces/${other.ws}/background-jobs`, {
      jobIds: [created.workflowId],
    });
    expect(otherJobs.body.jobs).toMatchObject([{ status: 'NOT_FOUND' }]);
  });

  test('spaces: create with description, get with status, workspace and spaceGroupConversation; group create, rename, delete', async () => {
    const { tenant, call, ws } = await sharelyClient('Sharely spaces');
    const space = (
      await call('POST', `/v1/workspaces/${ws}/spaces`, {
        name: 'Sales Team Space',
        description: 'Space for the sales team',
      })
    ).body;
    expect(space).toMatchObject({ name: 'Sales Team Space', description: 'Space for the sales team' });
    // spaces-group-create.md: Bearer + organizationid, { name } → { id, name, createdAt }.
    const group = expectShape(
      await call('POST', `/v1/workspaces/${ws}/spaces/${space.id}/group`, { name: 'Technical Support' }),
      200,
      z.object({ id: z.string(), name: z.literal('Technical Support'), createdAt: z.string() }),
    );
    await tenant.request('POST', `/ccaas/1/conversations/${group.id}/messages`, {
      from: 'customer',
      text: 'How do I get started with the API?',
      direction: 'INBOUND',
    });
    const spaceShape = z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      status: z.string(),
      createdAt: z.string(),
      workspace: z.object({
        id: z.string(),
        name: z.string(),
        organizationName: z.string(),
        organizationId: z.string(),
      }),
      hosts: z.array(z.unknown()),
      coHosts: z.array(z.unknown()),
      guests: z.array(z.unknown()),
      spaceGroupConversation: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          type: z.string(),
          lastMessageAt: z.string().nullable(),
          createdAt: z.string(),
          updatedAt: z.string(),
          conversations: z.array(z.object({ id: z.string() })),
        }),
      ),
    });
    for (const path of [
      `/v1/workspaces/${ws}/spaces/${space.id}`,
      `/spaces/${space.id}`,
      `/public-spaces/${space.id}`,
    ]) {
      const got = expectShape(await call('GET', path), 200, spaceShape);
      expect(got).toMatchObject({
        id: space.id,
        status: 'ACTIVE',
        workspace: { id: ws, organizationId: tenant.organization.id, organizationName: 'Sharely spaces' },
        spaceGroupConversation: [
          {
            id: group.id,
            name: 'Technical Support',
            lastMessageAt: expect.any(String),
            conversations: [{ id: group.id }],
          },
        ],
      });
    }
    // spaces-messages.md: GET …/message?groupId= (and without groupId, the space's first group).
    const documentedMessage = z.object({
      id: z.string(),
      type: z.string(),
      message: z.string(),
      temporalUserId: z.string().nullable(),
      content: z.string().nullable(),
      sources: z.array(z.string()).nullable(),
      sourcesMetadata: z.array(z.unknown()).nullable(),
      thumbUp: z.boolean(),
      thumbDown: z.boolean(),
      user: z.object({ id: z.string(), name: z.string() }).nullable(),
    });
    for (const query of [`?groupId=${group.id}`, '']) {
      const listed = expectShape(
        await call('GET', `/v1/workspaces/${ws}/spaces/${space.id}/message${query}`),
        200,
        z.object({ messages: z.array(documentedMessage) }),
      );
      expect(listed.messages).toMatchObject([
        {
          type: 'USER',
          message: 'How do I get started with the API?',
          thumbUp: false,
          user: { name: 'customer' },
        },
      ]);
    }
    expectShape(
      await call('GET', `/v1/workspaces/${ws}/spaces/${space.id}/message?groupId=${space.id}`),
      404,
      errorShape,
    );
    // The widget's rename, and its auto-name after the first exchange (reads groupName).
    const renamed = await call('PUT', `/spaces/${space.id}/groups/${group.id}`, {
      name: 'Billing',
      groupId: group.id,
    });
    expect(expectShape(renamed, 200, z.object({ name: z.string(), groupName: z.string() }))).toMatchObject({
      name: 'Billing',
    });
    const auto = await call('PUT', `/spaces/${space.id}/groups/${group.id}`, { groupId: group.id });
    expect(expectShape(auto, 200, z.object({ groupName: z.string() })).groupName).toBe(
      'How do I get started with the API?',
    );
    expect((await call('GET', `/v1/workspaces/${ws}/spaces/${space.id}/groups`)).body.groups).toMatchObject([
      { id: group.id, name: 'How do I get started with the API?' },
    ]);
    const deleted = await call('DELETE', `/spaces/${space.id}/groups/${group.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toBeTruthy();
    expectShape(await call('DELETE', `/spaces/${space.id}/groups/${group.id}`), 404, errorShape);
    expect((await call('GET', `/spaces/${space.id}`)).body.spaceGroupConversation).toEqual([]);
    // Another tenant's space is "Space not found".
    const other = await sharelyClient('Sharely spaces B');
    expect(expectShape(await other.call('GET', `/spaces/${space.id}`), 404, errorShape).message).toBe(
      'Space not found',
    );
    expectShape(
      await other.call('PUT', `/spaces/${space.id}/groups/${group.id}`, { name: 'x' }),
      404,
      errorShape,
    );
  });

  test('activate-or-retrieve-user-space: the playground body and the documented one, idempotent, RBAC refuses role-less sessions', async () => {
    const { call, ws } = await sharelyClient('Sharely user spaces');
    const answer = z.object({
      token: z.string(),
      spaceId: z.string(),
      userId: z.string(),
      workspaceId: z.string(),
      isNew: z.boolean(),
    });
    const first = expectShape(
      await call('PUT', `/workspaces/${ws}/activate-or-retrieve-user-space`, {
        customerIdString: 'user-123',
      }),
      200,
      answer,
    );
    expect(first).toMatchObject({ userId: 'user-123', workspaceId: ws, isNew: true });
    const again = expectShape(
      await call('PUT', `/workspaces/${ws}/activate-or-retrieve-user-space`, {
        workspaceId: ws,
        customerIdString: 'user-123',
      }),
      200,
      answer,
    );
    expect(again).toMatchObject({ spaceId: first.spaceId, isNew: false });
    // The user-space token reads the space.
    const withSpaceToken = await send(`${api.url}/spaces/${first.spaceId}`, {
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(withSpaceToken.status).toBe(200);
    // It goes to the widget in the user's browser: it opens that space, and no other operation.
    const checked = await send(`${api.url}/spaces/validate-temporal-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(checked.body).toMatchObject({ spaceId: first.spaceId });
    const elsewhere = await send(`${api.url}/v1/workspaces/${ws}/spaces`, {
      headers: { authorization: `Bearer ${first.token}` },
    });
    expectShape(elsewhere, 401, errorShape);
    // Concurrent first calls for one user make one space.
    const userId = '550e8400-e29b-41d4-a716-446655440000';
    const racing = await Promise.all(
      [1, 2, 3, 4].map(() => call('PUT', `/workspaces/${ws}/activate-or-retrieve-user-space`, { userId })),
    );
    expect(racing.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(racing.map((res) => res.body.spaceId)).size).toBe(1);
    expect(racing.filter((res) => res.body.isNew)).toHaveLength(1);

    const refusals: [unknown, number][] = [
      [{}, 400],
      [{ userId: 'not-a-uuid' }, 400],
      [{ userId, customerIdString: 'both' }, 400],
      [{ customerIdString: 'x', workspaceId: 'another-workspace' }, 400],
      [{ customerIdString: 'x', roleId: 'a', customerRoleId: 'b' }, 400],
    ];
    for (const [body, status] of refusals) {
      expectShape(
        await call('PUT', `/workspaces/${ws}/activate-or-retrieve-user-space`, body),
        status,
        errorShape,
      );
    }
    await call('PUT', `/v1/workspaces/${ws}/rbac-status`, { rbacStatus: 'ACTIVE' });
    const roleLess = await call('PUT', `/workspaces/${ws}/activate-or-retrieve-user-space`, {
      customerIdString: 'user-456',
    });
    expect(expectShape(roleLess, 401, errorShape).message).toMatch(/roleId is required/);
    await call('POST', `/v1/workspaces/${ws}/role`, { name: 'Agent', customerRoleId: 'agent' });
    const withRole = await call('PUT', `/workspaces/${ws}/activate-or-retrieve-user-space`, {
      customerIdString: 'user-456',
      customerRoleId: 'agent',
    });
    expect(withRole.status).toBe(200);
  });

  test('widget (client-calls.md §6): anonymous space, token check, spaces list, greeting, messages, events, rename, delete', async () => {
    const { tenant, call, ws } = await sharelyClient('Sharely widget');
    // Create anonymous space: no credential, { customSource: "WEB_CONTROL" } → id, token, temporalUserId.
    const opened = expectShape(
      await post(`${api.url}/workspaces/${ws}/spaces`, {}, { customSource: 'WEB_CONTROL' }),
      200,
      z.object({
        id: z.string(),
        token: z.string(),
        temporalUserId: z.string(),
        expiresAt: z.iso.datetime(),
      }),
    );
    expect(Date.parse(opened.expiresAt) - Date.now()).toBeGreaterThan(24 * 3600_000 - 60_000);
    const visitor = (method: string, path: string, body?: unknown, token = opened.token) =>
      send(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // Validate a stored token: Bearer, no body → spaceId, temporalUserId.
    const validated = await send(`${api.url}/spaces/validate-temporal-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opened.token}` },
    });
    expect(
      expectShape(validated, 200, z.object({ spaceId: z.string(), temporalUserId: z.string() })),
    ).toMatchObject({ spaceId: opened.id, temporalUserId: opened.temporalUserId });
    const stale = await send(`${api.url}/spaces/validate-temporal-token`, {
      method: 'POST',
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(expectShape(stale, 401, errorShape).error).toBe('Unauthorized');
    expectShape(await call('POST', '/spaces/validate-temporal-token'), 401, errorShape);

    // List spaces (fallback): JSON arrays inside query values → a bare array; [0].id.
    const query = new URLSearchParams({
      roles: '["GUEST"]',
      sortBy: 'desc',
      lastMessageSortBy: 'true',
      workspaces: JSON.stringify([ws]),
    });
    const listed = expectShape(
      await visitor('GET', `/spaces?${query}`),
      200,
      z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
    );
    expect(listed.map((space) => space.id)).toEqual([opened.id]);

    // Get a space: /public-spaces without a host-asserted token, /spaces with one.
    const spaceShape = z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      spaceGroupConversation: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          type: z.string(),
          lastMessageAt: z.string().nullable(),
          threadId: z.null(),
          hasMoreThanOneMessage: z.boolean(),
        }),
      ),
    });
    expect(
      expectShape(await visitor('GET', `/public-spaces/${opened.id}`), 200, spaceShape)
        .spaceGroupConversation,
    ).toEqual([]);

    // Group create as the widget does it: the greeting with saveMessage=true → greeting.group.id.
    const greeting = expectShape(
      await visitor('GET', `/spaces/${opened.id}/greeting?languageId=en&saveMessage=true`),
      200,
      z.object({
        greeting: z.object({ group: z.object({ id: z.string(), name: z.string() }), message: z.null() }),
      }),
    );
    const groupId = greeting.greeting.group.id;
    // Send: { newMessage, groupId } is stored (no assistant reply); list: { messages }.
    const sent = await visitor('POST', `/spaces/${opened.id}/messages?languageId=en`, {
      newMessage: 'Where is my order?',
      groupId,
    });
    expect(
      expectShape(sent, 200, z.object({ message: z.object({ id: z.string() }), reply: z.null() })),
    ).toBeTruthy();
    // The team answers in the conversation (any interface); an internal note stays inside.
    await tenant.request('POST', `/ccaas/1/conversations/${groupId}/messages`, {
      from: 'agent-1',
      text: 'It ships today.',
      direction: 'OUTBOUND',
    });
    await tenant.request('POST', `/ccaas/1/conversations/${groupId}/notes`, {
      content: 'internal: check the warehouse',
    });
    const messages = expectShape(
      await visitor('GET', `/spaces/${opened.id}/messages?groupId=${groupId}&languageId=en`),
      200,
      z.object({
        messages: z.array(
          z.object({
            id: z.string(),
            role: z.string(),
            content: z.string(),
            type: z.string(),
            timestamp: z.iso.datetime(),
          }),
        ),
      }),
    );
    expect(messages.messages.map(({ role, content, type }) => ({ role, content, type }))).toEqual([
      { role: 'user', content: 'Where is my order?', type: 'USER' },
      { role: 'assistant', content: 'It ships today.', type: 'AGENT' },
    ]);
    const space = expectShape(await visitor('GET', `/spaces/${opened.id}`), 200, spaceShape);
    expect(space.spaceGroupConversation).toMatchObject([
      { id: groupId, name: 'General', lastMessageAt: expect.any(String), hasMoreThanOneMessage: true },
    ]);
    // Events: { type, metadata } stored.
    const event = expectShape(
      await visitor('POST', `/spaces/${opened.id}/event`, {
        type: 'WIDGET_OPENED',
        metadata: { page: '/pricing' },
      }),
      200,
      z.object({
        id: z.string(),
        type: z.literal('WIDGET_OPENED'),
        metadata: z.object({ page: z.string() }),
      }),
    );
    expect(await api.db.prisma.spaceEvent.count({ where: { id: event.id, spaceId: opened.id } })).toBe(1);
    // Auto-name after the first exchange, rename, delete (a 200 with a truthy body).
    const auto = await visitor('PUT', `/spaces/${opened.id}/groups/${groupId}`, { groupId });
    expect(expectShape(auto, 200, z.object({ groupName: z.string() })).groupName).toBe('Where is my order?');
    const renamed = await visitor('PUT', `/spaces/${opened.id}/groups/${groupId}`, {
      name: 'Order',
      groupId,
    });
    expect(renamed.body).toMatchObject({ name: 'Order' });

    // A visitor's token opens its own space only, and no other operation.
    const second = (await post(`${api.url}/workspaces/${ws}/spaces`, {}, { customSource: 'WEB_CONTROL' }))
      .body;
    expect(second.id).not.toBe(opened.id);
    for (const [method, path, body] of [
      ['GET', `/spaces/${second.id}`],
      ['GET', `/spaces/${second.id}/greeting?saveMessage=true`],
      ['GET', `/spaces/${second.id}/messages?groupId=${groupId}`],
      ['POST', `/spaces/${second.id}/event`, { type: 'X' }],
      ['PUT', `/spaces/${second.id}/groups/${groupId}`, { name: 'x' }],
    ] as const) {
      expect(expectShape(await visitor(method, path, body), 404, errorShape).message).toBe('Space not found');
    }
    expect((await visitor('GET', `/v1/workspaces/${ws}`)).status).toBe(401);
    expect((await visitor('GET', `/v1/workspaces/${ws}/spaces`)).status).toBe(401);
    const ccaas = await send(`${api.url}/ccaas/1/conversations`, {
      headers: { authorization: `Bearer ${opened.token}` },
    });
    expect(ccaas.status).toBe(401);
    // An organization's credential reaches every space of its own organization, not another's.
    expect((await call('GET', `/spaces/${second.id}`)).status).toBe(200);
    const other = await sharelyClient('Sharely widget B');
    expectShape(await other.call('GET', `/spaces/${opened.id}/messages?groupId=${groupId}`), 404, errorShape);
    expectShape(
      await other.call('POST', `/workspaces/${ws}/spaces`, { customSource: 'WEB_CONTROL' }),
      404,
      errorShape,
    );

    // Bad input: in Sharely's envelope, naming the field.
    expect(
      expectShape(await visitor('POST', `/spaces/${opened.id}/messages`, { groupId }), 400, errorShape)
        .message,
    ).toContain('newMessage');
    expectShape(await visitor('GET', `/spaces?workspaces=[oops`), 400, errorShape);
    expectShape(
      await post(`${api.url}/workspaces/00000000-0000-4000-8000-000000000000/spaces`, {}, {}),
      404,
      errorShape,
    );
    const deleted = await visitor('DELETE', `/spaces/${opened.id}/groups/${groupId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toBeTruthy();

    // RBAC ACTIVE: an anonymous (role-less) visitor is refused as the playground expects.
    await call('PUT', `/v1/workspaces/${ws}/rbac-status`, { rbacStatus: 'ACTIVE' });
    const refused = await post(`${api.url}/workspaces/${ws}/spaces`, {}, { customSource: 'WEB_CONTROL' });
    expect(expectShape(refused, 401, errorShape).message).toMatch(/roleId is required/);
  });

  test("api-authenticated (the server SDK's check of an end user's token): id, temporalUserId, user_metadata; refusals", async () => {
    const { tenant, token, call, ws } = await sharelyClient('Sharely end users');
    // As the server SDK sends it: the role-less access token as Bearer, no organizationid header.
    const authenticated = (body: unknown, workspaceId = ws, bearer = token) =>
      send(`${api.url}/v1/workspaces/${workspaceId}/api-authenticated`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${bearer}`,
          accept: 'application/json',
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    const userShape = z.object({
      id: z.string(),
      temporalUserId: z.string(),
      spaceId: z.string(),
      workspaceId: z.string(),
      expiresAt: z.iso.datetime(),
      user_metadata: z.object({
        roleId: z.string().optional(),
        customerRoleId: z.string().nullable().optional(),
      }),
    });
    /** What the SDK decides from the answer (createServer.ts): accepted, and with which role. */
    const sdkReads = (user: z.infer<typeof userShape>) => ({
      accepted: Boolean(user.id || user.temporalUserId),
      roleId: user.user_metadata.roleId ?? user.user_metadata.customerRoleId,
    });

    // A widget visitor (the anonymous space): accepted, role-less.
    const opened = expectShape(
      await post(`${api.url}/workspaces/${ws}/spaces`, {}, { customSource: 'WEB_CONTROL' }),
      200,
      z.object({ id: z.string(), token: z.string(), temporalUserId: z.string(), expiresAt: z.string() }),
    );
    const visitor = expectShape(await authenticated({ token: opened.token }), 200, userShape);
    expect(visitor).toEqual({
      id: opened.temporalUserId,
      temporalUserId: opened.temporalUserId,
      spaceId: opened.id,
      workspaceId: ws,
      expiresAt: opened.expiresAt,
      user_metadata: {},
    });
    expect(sdkReads(visitor)).toEqual({ accepted: true, roleId: undefined });

    // A customer user with a role (activate-or-retrieve-user-space): the role as the token carries it.
    const { role } = expectShape(
      await call('POST', `/v1/workspaces/${ws}/role`, { name: 'Support', customerRoleId: 'support' }),
      201,
      workflowShape,
    );
    const user = expectShape(
      await call('PUT', `/workspaces/${ws}/activate-or-retrieve-user-space`, {
        customerIdString: 'user-1',
        customerRoleId: 'support',
      }),
      200,
      z.object({ token: z.string(), spaceId: z.string() }),
    );
    const scoped = expectShape(await authenticated({ token: user.token }), 200, userShape);
    expect(scoped).toMatchObject({
      spaceId: user.spaceId,
      workspaceId: ws,
      user_metadata: { roleId: role.id, customerRoleId: 'support' },
    });
    expect(scoped.id).toBe(scoped.temporalUserId);
    expect(sdkReads(scoped)).toEqual({ accepted: true, roleId: role.id });
    const claims = JSON.parse(Buffer.from(user.token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ temporalUserId: scoped.id, user_metadata: scoped.user_metadata });
    // The SDK then exchanges the key for a token of that role; a check does not use the user's token up.
    expectShape(await exchange(tenant, { roleId: role.id }), 200, z.object({ token: z.string() }));
    expectShape(await authenticated({ token: user.token }), 200, userShape);
    // A role-scoped access token may check users too.
    const roleToken = (await exchange(tenant, { roleId: role.id })).body.token as string;
    expectShape(await authenticated({ token: user.token }, ws, roleToken), 200, userShape);

    // Tokens that authenticate no user of this workspace: 401 in Sharely's envelope, naming `token`.
    const refused = async (body: unknown, workspaceId = ws, bearer = token) => {
      const answer = expectShape(await authenticated(body, workspaceId, bearer), 401, errorShape);
      expect(answer.error).toBe('Unauthorized');
      return answer;
    };
    const [header, payload] = opened.token.split('.');
    // Forged: the same claims with another last part (claims are never trusted).
    await refused({ token: `${header}.${payload}.${'A'.repeat(43)}` });
    // Forged claims of a role-scoped user, on a token that is not one.
    await refused({ token: `${header}.${user.token.split('.')[1]}.${opened.token.split('.')[2]}` });
    await refused({ token: 'not-a-jwt' });
    // An organization's credentials are no user's token.
    await refused({ token });
    await refused({ token: tenant.apiKey.key });
    // Another workspace of the same organization: its users' tokens are not this one's, and back.
    const { id: otherWs } = expectShape(
      await call('POST', '/v1/workspaces', { name: 'Second' }),
      200,
      z.object({ id: z.string() }),
    );
    const otherUser = (
      await call('PUT', `/workspaces/${otherWs}/activate-or-retrieve-user-space`, {
        customerIdString: 'user-1',
      })
    ).body.token as string;
    await refused({ token: otherUser });
    await refused({ token: opened.token }, otherWs);
    expectShape(await authenticated({ token: otherUser }, otherWs), 200, userShape);
    // Another tenant's user, checked on this workspace: not this workspace's user.
    const b = await sharelyClient('Sharely end users B');
    const bUser = (
      await b.call('PUT', `/workspaces/${b.ws}/activate-or-retrieve-user-space`, {
        customerIdString: 'user-1',
      })
    ).body.token as string;
    await refused({ token: bUser });
    // Another tenant's workspace is 404 exactly like a missing one, whatever the token.
    const missing = expectShape(
      await authenticated({ token: opened.token }, '00000000-0000-4000-8000-000000000000'),
      404,
      errorShape,
    );
    const foreign = expectShape(await authenticated({ token: bUser }, b.ws), 404, errorShape);
    expect({ ...foreign, errorId: 0 }).toEqual({ ...missing, errorId: 0 });
    // Expired, and no longer stored (its space deleted).
    await api.db.prisma.spaceVisitor.update({
      where: { id: scoped.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await refused({ token: user.token })).message).toMatch(/expired/);
    await api.db.prisma.space.delete({ where: { id: opened.id } });
    await refused({ token: opened.token });
    // The user's token is no credential for the check itself; nor is none.
    expectShape(await authenticated({ token: otherUser }, otherWs, otherUser), 401, errorShape);
    expectShape(await authenticated({ token: otherUser }, otherWs, ''), 401, errorShape);

    // A body without a token: 400 naming it.
    for (const body of [{}, { token: 42 }, { token: '' }, { token: 'x'.repeat(5000) }]) {
      const bad = expectShape(await authenticated(body), 400, errorShape);
      expect(`${bad.message} ${JSON.stringify(bad)}`).toContain('token');
    }
  });
});
