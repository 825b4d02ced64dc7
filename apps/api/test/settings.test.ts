import { defaultSettings } from '@switchboard/core';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

describe.each(testDatabaseKinds())('settings (Symbl) on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  // REST answers the document with Symbl's configured user settings beside it (none here).
  const withSymbl = (document: object) => ({ ...document, settings: {} });

  const stored = async (tenant: TestTenant) =>
    (await api.db.prisma.settings.findUnique({ where: { organizationId: tenant.organization.id } }))
      ?.document;

  test('GET /v1/manage/settings answers the whole document, defaults included', async () => {
    const res = await api.a.request('GET', '/v1/manage/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(withSymbl(defaultSettings));
    expect(await api.a.client.settings.get.query({})).toEqual(defaultSettings);
  });

  test('PATCH with a JSON Patch array changes the document, stores it and audits the change', async () => {
    const tenant = await api.newTenant('Patch');
    const res = await tenant.request('PATCH', '/v1/manage/settings', [
      { op: 'test', path: '/routing/strategy', value: 'round_robin' },
      { op: 'replace', path: '/routing/strategy', value: 'least_busy' },
      { op: 'replace', path: '/pagination/defaultPageSize', value: 2 },
      { op: 'copy', from: '/routing/autoAssign', path: '/routing/autoRouteOnCreate' },
    ]);
    expect(res.status).toBe(200);
    const expected = {
      routing: { ...defaultSettings.routing, strategy: 'least_busy' },
      lifecycle: defaultSettings.lifecycle,
      pagination: { ...defaultSettings.pagination, defaultPageSize: 2 },
      intelligence: { bookmarks: {} },
      redaction: {},
    };
    expect(res.body).toEqual(withSymbl(expected));
    expect((await tenant.request('GET', '/v1/manage/settings')).body).toEqual(withSymbl(expected));
    expect(await stored(tenant)).toEqual(expected);
    const [event] = await api.db.prisma.auditEvent.findMany({
      where: { organizationId: tenant.organization.id, action: 'settings.update' },
    });
    expect(event).toMatchObject({ before: defaultSettings, after: expected, actorId: tenant.apiKey.id });

    // Page sizes apply where lists read them: a group's member page now defaults to 2.
    const { group } = await tenant.caller.groups.create({ name: 'All', criteria: 'status!=CLOSED' });
    expect((await tenant.caller.groups.members({ groupId: group.id })).limit).toBe(2);
  });

  test('PATCH accepts Content-Type application/json-patch+json (RFC 6902)', async () => {
    const tenant = await api.newTenant('Json patch media type');
    const res = await tenant.request(
      'PATCH',
      '/v1/manage/settings',
      [{ op: 'replace', path: '/routing/autoAssign', value: false }],
      { 'content-type': 'application/json-patch+json' },
    );
    expect(res.status).toBe(200);
    expect(res.body.routing.autoAssign).toBe(false);
  });

  test('refused patches are 400 naming the operation or the settings pointer, and change nothing', async () => {
    const tenant = await api.newTenant('Refused patches');
    const before = await stored(tenant);
    const cases: [unknown, string, RegExp][] = [
      [{ op: 'replace', path: '/routing/strategy', value: 'least_busy' }, 'patch', /array/],
      [[{ op: 'rename', path: '/routing/strategy' }], 'patch.0.op', /op/],
      [[{ op: 'replace', value: 1 }], 'patch.0.path', /path/],
      [[{ op: 'replace', path: '/routing/strategy' }], 'patch.0.value', /value/],
      [[{ op: 'replace', path: '/routing/nothing', value: 1 }], 'patch.0.path', /path/],
      [[{ op: 'move', path: '/routing/strategy' }], 'patch.0.from', /from/],
      [
        [
          { op: 'replace', path: '/routing/autoAssign', value: false },
          { op: 'remove', path: '/pagination/none' },
        ],
        'patch.1.path',
        /nothing was changed/,
      ],
      [[{ op: 'replace', path: '/routing/strategy', value: 'random' }], '/routing/strategy', /round_robin/],
      [[{ op: 'add', path: '/routing/autoAsign', value: true }], '/routing/autoAsign', /not a known setting/],
      [[{ op: 'remove', path: '/routing/autoAssign' }], '/routing/autoAssign', /true or false/],
      [[{ op: 'replace', path: '/pagination/maxPageSize', value: 5000 }], '/pagination/maxPageSize', /1000/],
      [[{ op: 'replace', path: '', value: [] }], '', /object/],
      [[{ op: 'add', path: '/__proto__/polluted', value: true }], 'patch.0.path', /not allowed/],
      [
        [{ op: 'add', path: '/routing/constructor/prototype/polluted', value: true }],
        'patch.0.path',
        /nothing was changed/,
      ],
    ];
    for (const [patch, field, message] of cases) {
      const res = await tenant.request('PATCH', '/v1/manage/settings', patch);
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.body.details.field, JSON.stringify(patch)).toBe(field);
      expect(res.body.message).toMatch(message);
    }
    expect(await stored(tenant)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      await api.db.prisma.auditEvent.count({
        where: { organizationId: tenant.organization.id, action: 'settings.update' },
      }),
    ).toBe(0);
  });

  test('a failing test operation is 409 and changes nothing', async () => {
    const tenant = await api.newTenant('Test op');
    const res = await tenant.request('PATCH', '/v1/manage/settings', [
      { op: 'replace', path: '/routing/autoAssign', value: false },
      { op: 'test', path: '/routing/strategy', value: 'least_busy' },
    ]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: 'Conflict',
      details: { field: 'patch.1', path: '/routing/strategy' },
    });
    expect((await tenant.request('GET', '/v1/manage/settings')).body).toEqual(withSymbl(defaultSettings));
    await expect(
      tenant.caller.settings.patch({ patch: [{ op: 'test', path: '/pagination/maxPageSize', value: 1 }] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  test('defaultQueueId must be a queue of the organization', async () => {
    const tenant = await api.newTenant('Default queue');
    const own = await api.db.prisma.queue.create({
      data: { organizationId: tenant.organization.id, name: 'Support' },
    });
    const foreign = await api.db.prisma.queue.create({
      data: { organizationId: api.b.organization.id, name: 'B queue' },
    });
    for (const queueId of ['no-such-queue', foreign.id]) {
      const res = await tenant.request('PATCH', '/v1/manage/settings', [
        { op: 'replace', path: '/routing/defaultQueueId', value: queueId },
      ]);
      expect(res.status).toBe(400);
      expect(res.body.details.field).toBe('/routing/defaultQueueId');
    }
    const ok = await tenant.client.settings.patch.mutate({
      patch: [{ op: 'replace', path: '/routing/defaultQueueId', value: own.id }],
    });
    expect(ok.routing.defaultQueueId).toBe(own.id);
    const cleared = await tenant.caller.settings.patch({
      patch: [{ op: 'replace', path: '/routing/defaultQueueId', value: null }],
    });
    expect(cleared.routing.defaultQueueId).toBeNull();
  });

  test("tenancy: one organization's patch never changes another's settings", async () => {
    const tenant = await api.newTenant('Tenancy settings');
    const bBefore = (await api.b.request('GET', '/v1/manage/settings')).body;
    await tenant.caller.settings.patch({
      patch: [{ op: 'replace', path: '/pagination/maxPageSize', value: 500 }],
    });
    expect((await api.b.request('GET', '/v1/manage/settings')).body).toEqual(bBefore);
    expect((await tenant.caller.settings.get({})).pagination.maxPageSize).toBe(500);
  });
});
