import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, startTestApi, type TestApi } from '../support/test-api';
import { callTrpc, report, sendRest, type TestResponse } from './support/http';
import { propertyNames } from './support/json-schema';
import { type OpenApiDocument, restOperationsOf, trpcProcedures } from './support/operations';
import { restSweepCalls, type SweepCall, trpcSweepCalls } from './support/sweep-plan';
import { type SeededTenant, seededIds, seedTenant } from './support/tenant-seed';

// Issue 17, item 3: another organization's id as a list cursor answered the caller's rows created
// after it, where an unknown id answered an empty page (an existence and creation-time oracle),
// and POST /v1/manage/entity/<another tenant's entity id> answered 409 "already exists". Every
// list that takes a cursor (generated from the router and the OpenAPI document) must answer
// another tenant's ids exactly as it answers a random id.
describe.each(testDatabaseKinds())('cross-tenant ids as cursors and chosen ids on %s', (kind) => {
  let api: TestApi;
  let a: SeededTenant;
  let b: SeededTenant;
  let lists: SweepCall[];
  let idsOfA: string[];

  beforeAll(async () => {
    api = await startTestApi(kind);
    a = await seedTenant(api.a);
    // B's objects are newer than A's, two of each: a cursor that leaked A's creation time shows
    // them (Prisma skips one row after the cursor row, which is not among B's).
    await seedTenant(api.b);
    b = await seedTenant(api.b);
    const document = (await send(`${api.url}/openapi.json`, {})).body as OpenApiDocument;
    const procedures = trpcProcedures();
    const cursorProcedures = procedures.filter((p) => propertyNames(p.input).includes('cursor'));
    const restLists = restOperationsOf(document).filter((op) =>
      op.parameters.some((p) => p.name === 'cursor'),
    );
    // The plan's "A's cursor" calls: B's own objects in the required fields, no other filter.
    lists = [
      ...trpcSweepCalls(cursorProcedures, a, b),
      ...restSweepCalls(document, restLists, procedures, a, b),
    ].filter((call) => call.label.endsWith('[A.cursor]') && !call.admin);
    const prisma = api.db.prisma;
    const ofA = { where: { organizationId: a.organizationId } };
    idsOfA = [
      ...seededIds(a),
      ...(await prisma.auditEvent.findMany({ ...ofA, take: 3, orderBy: { sequence: 'asc' } })).map(
        (row) => row.id,
      ),
      ...(await prisma.message.findMany({ ...ofA, take: 1 })).map((row) => row.id),
    ];
  });
  afterAll(() => api.close());

  const listWithCursor = (call: SweepCall, cursor: string): Promise<TestResponse> => {
    const headers = { 'x-api-key': api.b.apiKey.key };
    if (call.transport === 'trpc') {
      const procedure = { path: call.procedurePath, type: 'query' };
      return callTrpc(api.url, procedure, { ...(call.input as object), cursor }, headers);
    }
    const url = new URL(call.url ?? '/', api.url);
    url.searchParams.set('cursor', cursor);
    return sendRest(api.url, { method: 'GET', url: url.pathname + url.search, headers });
  };
  /** The answer with the cursor itself blanked out, for comparing answers to different cursors. */
  const seen = (res: TestResponse, cursor: string) =>
    `${res.status} ${JSON.stringify(res.body).replaceAll(cursor, '<cursor>')}`;

  test("every list answers another organization's ids exactly as it answers a random id", async () => {
    const differing: string[] = [];
    let compared = 0;
    for (const call of lists) {
      const random = randomUUID();
      const expected = seen(await listWithCursor(call, random), random);
      for (const id of idsOfA) {
        const answer = seen(await listWithCursor(call, id), id);
        compared++;
        if (answer !== expected)
          differing.push(`${call.label} cursor=${id}: ${answer.slice(0, 200)} ≠ ${expected.slice(0, 200)}`);
      }
    }
    report(`cursor oracle (${kind})`, {
      lists: lists.length,
      idsOfA: idsOfA.length,
      compared,
      differing: differing.length,
    });
    expect(differing).toEqual([]);
    // Workspaces, groups, agents, queues, API keys, entities, trackers, spaces, history… on both transports.
    expect(new Set(lists.map((call) => call.transport))).toEqual(new Set(['trpc', 'rest']));
    expect(lists.length).toBeGreaterThanOrEqual(20);
  });

  test("creating an entity under another organization's entity id answers as under a new id", async () => {
    const fields = { type: 'chosen', subType: 'id', values: ['chosen phrase'] };
    const fresh = await api.b.request('POST', `/v1/manage/entity/fresh-${b.marker}`, fields);
    const taken = await api.b.request('POST', `/v1/manage/entity/${a.entityId}`, {
      ...fields,
      subType: 'other',
    });
    expect(fresh.status).toBe(200);
    expect(taken.status).toBe(fresh.status);
    expect(taken.body.id).toBe(a.entityId);
    // Both organizations now read their own entity under that id.
    const ofB = await api.b.request('GET', `/v1/manage/entity/${a.entityId}`);
    const ofA = await api.a.request('GET', `/v1/manage/entity/${a.entityId}`);
    expect(ofB.body).toMatchObject({ id: a.entityId, subType: 'other' });
    expect(ofA.body).toMatchObject({ id: a.entityId, subType: a.entitySubType });
    // Deleting B's leaves A's.
    expect((await api.b.request('DELETE', `/v1/manage/entity/${a.entityId}`)).status).toBeLessThan(300);
    expect((await api.a.request('GET', `/v1/manage/entity/${a.entityId}`)).status).toBe(200);
    // Within one organization a chosen id is still taken once.
    const again = await api.b.request('POST', `/v1/manage/entity/fresh-${b.marker}`, {
      ...fields,
      subType: 'third',
    });
    expect(again.status).toBe(409);
  });
});
