import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversationWithMessages } from './support/messages-with-detections';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

const teslaModel = {
  type: 'Vehicle',
  subType: 'TeslaModel',
  category: 'Custom' as const,
  values: ['Model X', 'Model S', 'Model 3'],
};

describe.each(testDatabaseKinds())('custom entities (Symbl) on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const entitiesOf = (tenant: TestTenant) =>
    api.db.prisma.customEntity.findMany({ where: { organizationId: tenant.organization.id } });

  const conversationWith = (tenant: TestTenant, texts: string[]) =>
    conversationWithMessages(api, tenant, texts);

  test('create, get, list, update and delete over REST in Symbl shapes', async () => {
    const tenant = await api.newTenant('Entities CRUD');
    const created = await tenant.request('POST', '/v1/manage/entity', teslaModel);
    expect(created.status).toBe(200);
    const entity = created.body;
    expect(entity).toEqual({
      id: expect.any(String),
      ...teslaModel,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    expect((await tenant.request('GET', `/v1/manage/entity/${entity.id}`)).body).toEqual(entity);
    expect((await tenant.request('GET', '/v1/manage/entities')).body).toEqual({
      entities: [entity],
      nextCursor: null,
    });

    const updated = await tenant.request('PUT', `/v1/manage/entity/${entity.id}`, {
      id: entity.id,
      type: 'Vehicle',
      subType: 'TeslaModel',
      category: 'Custom',
      values: ['Model Y'],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: entity.id, values: ['Model Y'] });

    const deleted = await tenant.request('DELETE', `/v1/manage/entity/${entity.id}`);
    expect(deleted.body).toEqual({ id: entity.id, type: 'entity', deleted: true });
    expect((await tenant.request('GET', `/v1/manage/entity/${entity.id}`)).status).toBe(404);
    expect(await entitiesOf(tenant)).toEqual([]);
  });

  test('POST /v1/manage/entity/{entityId} creates under the chosen id; the id cannot be reused', async () => {
    const tenant = await api.newTenant('Entity ids');
    const created = await tenant.request('POST', '/v1/manage/entity/tesla-models', teslaModel);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: 'tesla-models', subType: 'TeslaModel' });
    const again = await tenant.request('POST', '/v1/manage/entity/tesla-models', {
      ...teslaModel,
      subType: 'Other',
    });
    expect(again.status).toBe(409);
    const badId = await tenant.request('POST', '/v1/manage/entity/has%20space', {
      ...teslaModel,
      subType: 'Third',
    });
    expect(badId.status).toBe(400);
    expect(badId.body.details.field).toBe('entityId');
  });

  test('subType is unique within its type (409), not across types', async () => {
    const tenant = await api.newTenant('SubTypes');
    await tenant.request('POST', '/v1/manage/entity', teslaModel);
    const clash = await tenant.request('POST', '/v1/manage/entity', { ...teslaModel, values: ['Roadster'] });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ error: 'Conflict', details: { field: 'subType' } });
    const otherType = await tenant.request('POST', '/v1/manage/entity', { ...teslaModel, type: 'Toy' });
    expect(otherType.status).toBe(200);
    const rename = await tenant.request('PUT', `/v1/manage/entity/${otherType.body.id}`, {
      ...teslaModel,
      values: ['x'],
    });
    expect(rename.status).toBe(409);
    expect(await entitiesOf(tenant)).toHaveLength(2);
  });

  test('field rules are 400 naming the field', async () => {
    const tenant = await api.newTenant('Entity rules');
    const cases: [object, string][] = [
      [{ ...teslaModel, category: 'Managed' }, 'category'],
      [{ ...teslaModel, values: [] }, 'values'],
      [{ ...teslaModel, values: ['Model X', ' model  x '] }, 'values.1'],
      [{ ...teslaModel, values: ['ok', '   '] }, 'values.1'],
      [{ ...teslaModel, type: '' }, 'type'],
      [{ ...teslaModel, subType: 'two\nlines' }, 'subType'],
      [{ type: 'Vehicle', values: ['x'] }, 'subType'],
    ];
    for (const [body, field] of cases) {
      const res = await tenant.request('POST', '/v1/manage/entity', body);
      expect(res.status, field).toBe(400);
      expect(res.body.details.field, JSON.stringify(body)).toBe(field);
    }
    expect(await entitiesOf(tenant)).toEqual([]);
  });

  test('POST /v1/manage/entities takes a bare array, all or nothing', async () => {
    const tenant = await api.newTenant('Entities bulk');
    const body = [teslaModel, { type: 'Company', subType: 'Competitor', values: ['Initech', 'Globex'] }];
    const created = await tenant.request('POST', '/v1/manage/entities', body);
    expect(created.status).toBe(200);
    expect(created.body.entities.map((e: { subType: string }) => e.subType)).toEqual([
      'TeslaModel',
      'Competitor',
    ]);

    const invalid = await tenant.request('POST', '/v1/manage/entities', [
      { type: 'A', subType: 'a', values: ['x'] },
      { type: 'B', subType: 'b', values: ['x', 'X'] },
    ]);
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.field).toBe('entities.1.values.1');

    const repeated = await tenant.request('POST', '/v1/manage/entities', [
      { type: 'A', subType: 'a', values: ['x'] },
      { type: 'A', subType: 'a', values: ['y'] },
    ]);
    expect(repeated.status).toBe(409);
    expect(repeated.body.details.field).toBe('entities.1.subType');

    const existing = await tenant.request('POST', '/v1/manage/entities', [
      { type: 'A', subType: 'a', values: ['x'] },
      { type: 'Company', subType: 'Competitor', values: ['y'] },
    ]);
    expect(existing.status).toBe(409);
    expect(existing.body.details.field).toBe('entities.1.subType');
    expect((await entitiesOf(tenant)).map((e) => e.subType).sort()).toEqual(['Competitor', 'TeslaModel']);
  });

  test('DELETE /v1/manage/entity?subType= deletes every entity with that subType', async () => {
    const tenant = await api.newTenant('Delete by subType');
    const { entities } = await tenant.caller.entities.createMany({
      entities: [
        { type: 'Vehicle', subType: 'Premium', values: ['Model S'] },
        { type: 'Plan', subType: 'Premium', values: ['gold plan'] },
        { type: 'Plan', subType: 'Basic', values: ['free plan'] },
      ],
    });
    const onlyPlan = await tenant.request('DELETE', '/v1/manage/entity?subType=Premium&type=Plan');
    expect(onlyPlan.body).toEqual({ subType: 'Premium', deleted: 1, ids: [entities[1]?.id] });
    const res = await tenant.request('DELETE', '/v1/manage/entity?subType=Premium');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ subType: 'Premium', deleted: 1, ids: [entities[0]?.id] });
    expect((await entitiesOf(tenant)).map((e) => e.subType)).toEqual(['Basic']);
    expect((await tenant.request('DELETE', '/v1/manage/entity?subType=Premium')).status).toBe(404);
    const missing = await tenant.request('DELETE', '/v1/manage/entity');
    expect(missing.status).toBe(400);
    expect(missing.body.details.field).toBe('subType');
  });

  test('detections: per conversation, backfilled on create, redone on update, removed on delete', async () => {
    const tenant = await api.newTenant('Entity detections');
    const { conversation, messages } = await conversationWith(tenant, [
      'I drive a model x and my wife a Model S.',
      'Initech called about the Model X.',
    ]);
    // Created after the messages: existing messages are searched in the same transaction.
    const entity = await tenant.caller.entities.create(teslaModel);
    const res = await tenant.request('GET', `/v1/conversations/${conversation.id}/entities`);
    expect(res.status).toBe(200);
    // Symbl's shape (as its Go SDK reads it): matches per detected value, with message refs.
    const ref = (index: number, offset: number) => ({
      id: messages[index]?.id,
      text: messages[index]?.text,
      offset,
      startTime: messages[index]?.createdAt.toISOString(),
      endTime: messages[index]?.createdAt.toISOString(),
    });
    expect(res.body).toEqual({
      entities: [
        {
          type: 'Vehicle',
          subType: 'TeslaModel',
          category: 'Custom',
          matches: [
            { detectedValue: 'model x', messageRefs: [ref(0, 10), ref(1, 25)] },
            { detectedValue: 'Model S', messageRefs: [ref(0, 32)] },
          ],
        },
      ],
    });

    // The detections feed criteria: entities==<subType>.
    const inGroup = await tenant.caller.groups.preview({ criteria: 'entities==TeslaModel' });
    expect(inGroup.sample.map((c) => c.id)).toEqual([conversation.id]);

    await tenant.caller.entities.update({
      entityId: entity.id,
      type: 'Vehicle',
      subType: 'Sedan',
      values: ['Model S'],
    });
    const afterUpdate = await tenant.client.entities.detections.query({ conversationId: conversation.id });
    expect(afterUpdate.entities).toMatchObject([{ subType: 'Sedan', matches: [{ value: 'Model S' }] }]);
    expect((await tenant.caller.groups.preview({ criteria: 'entities==TeslaModel' })).count).toBe(0);

    await tenant.caller.entities.delete({ entityId: entity.id });
    expect(await tenant.caller.entities.detections({ conversationId: conversation.id })).toEqual({
      entities: [],
    });
    expect(await api.db.prisma.detection.count({ where: { refId: entity.id } })).toBe(0);
  });

  test('a PUT racing a DELETE of the same entity is 200, 404 or 409, never 500, and leaves no orphan detections', async () => {
    const tenant = await api.newTenant('Entity races');
    await conversationWith(tenant, [
      'A Model X, a Model S and a Model 3.',
      'Model X again.',
      'And a Model S.',
    ]);
    const statuses = new Set<number>();
    for (let round = 0; round < 15; round++) {
      const entity = await tenant.caller.entities.create({ ...teslaModel, subType: `Race${round}` });
      const put = (values: string[]) =>
        tenant.request('PUT', `/v1/manage/entity/${entity.id}`, {
          ...teslaModel,
          subType: `Race${round}`,
          values,
        });
      const answers = await Promise.all([
        put(['Model X', 'Model S']),
        tenant.request('DELETE', `/v1/manage/entity/${entity.id}`),
        put(['Model 3']),
      ]);
      for (const answer of answers) statuses.add(answer.status);
    }
    expect([...statuses].filter((status) => ![200, 404, 409].includes(status))).toEqual([]);
    const entityIds = (await entitiesOf(tenant)).map((entity) => entity.id);
    const orphans = await api.db.prisma.detection.count({
      where: { organizationId: tenant.organization.id, kind: 'ENTITY', refId: { notIn: entityIds } },
    });
    expect(orphans).toBe(0);
  });

  test("tenancy: another organization's entities and conversations are 404, and untouched", async () => {
    const entity = await api.a.caller.entities.create({
      type: 'Secret',
      subType: 'Project',
      values: ['Manhattan'],
    });
    expect((await api.b.request('GET', `/v1/manage/entity/${entity.id}`)).status).toBe(404);
    const put = await api.b.request('PUT', `/v1/manage/entity/${entity.id}`, {
      type: 'X',
      subType: 'Y',
      values: ['z'],
    });
    expect(put.status).toBe(404);
    expect((await api.b.request('DELETE', `/v1/manage/entity/${entity.id}`)).status).toBe(404);
    expect((await api.b.request('DELETE', '/v1/manage/entity?subType=Project')).status).toBe(404);
    expect((await api.b.request('GET', '/v1/manage/entities')).body.entities).toEqual([]);
    const { conversation } = await conversationWith(api.a, ['Manhattan project']);
    expect((await api.b.request('GET', `/v1/conversations/${conversation.id}/entities`)).status).toBe(404);
    expect(await api.a.caller.entities.get({ entityId: entity.id })).toEqual(entity);
  });

  test('every mutation records an audit event', async () => {
    const tenant = await api.newTenant('Entity audit');
    const entity = await tenant.caller.entities.create({ type: 'T', subType: 'S', values: ['v'] });
    await tenant.caller.entities.update({ entityId: entity.id, type: 'T', subType: 'S', values: ['w'] });
    await tenant.caller.entities.deleteBySubType({ subType: 'S' });
    const events = await api.db.prisma.auditEvent.findMany({
      where: { organizationId: tenant.organization.id, entityType: 'entity' },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['entity.create', 'entity.update', 'entity.delete']);
    expect(events[1]).toMatchObject({ before: { values: ['v'] }, after: { values: ['w'] } });
  });
});
