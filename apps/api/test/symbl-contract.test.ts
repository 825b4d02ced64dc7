import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { conversationWithMessages } from './support/messages-with-detections';
import { send, startTestApi, type TestApi, type TestResponse, type TestTenant } from './support/test-api';

/**
 * Symbl's contract: every request / response example of the reference pages
 * (../shared/reference/symbl/: the 2022 GitHub revision and the newer docs revision) and every
 * call of the Go SDK summary (go-sdk-calls.md), over HTTP with a token from token:generate.
 * Shapes are checked with zod schemas written from the examples; unknown keys are allowed, as
 * Symbl's clients ignore them.
 */
const trackerShape = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  categories: z.array(z.string()),
  languages: z.array(z.string()),
  vocabulary: z.array(z.string()),
  createdOn: z.string(),
  updatedOn: z.string(),
});
const entityShape = z.object({
  id: z.string(),
  type: z.string(),
  subType: z.string(),
  category: z.literal('Custom'),
  values: z.array(z.string()),
});
const groupShape = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  criteria: z.string(),
});
const conversationShape = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  startTime: z.iso.datetime(),
  endTime: z.iso.datetime(),
  members: z.array(z.object({ name: z.string() })),
  metadata: z.record(z.string(), z.string()),
});
const deletedShape = (type: string) =>
  z.object({ id: z.string(), type: z.literal(type), deleted: z.literal(true) });
const errorShape = z.object({ message: z.string().min(1) });

/** Asserts the status and the shape, and returns the parsed body. */
function expectShape<T extends z.ZodType>(res: TestResponse, status: number, shape: T): z.infer<T> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = shape.safeParse(res.body);
  expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
  return parsed.data as z.infer<T>;
}

// The 2022 examples' tracker vocabularies (management-trackers-create.md).
const promotionMention = {
  name: 'Promotion Mention',
  vocabulary: [
    'We have a special promotion going on if you book this before',
    'I can offer you a discount of 10 20 percent you being a new customer for us',
    'We have our month special this month',
    'We have a sale right now on',
  ],
};
const voiceMessage = {
  name: 'Voice Message',
  vocabulary: [
    'At the tone please record',
    'Please leave message after tone',
    'Call back during normal office hours',
  ],
};

describe.each(testDatabaseKinds())('Symbl contract on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  /** authentication.md: the app id is the API key's id, the app secret the key. */
  async function tokenFor(tenant: TestTenant): Promise<string> {
    const res = await send(`${api.url}/oauth2/token:generate`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'application', appId: tenant.apiKey.id, appSecret: tenant.apiKey.key }),
    });
    return expectShape(res, 200, z.object({ accessToken: z.string(), expiresIn: z.literal(86400) }))
      .accessToken;
  }

  /** A client that sends `Authorization: Bearer <token>` as Symbl's pages and the Go SDK do. */
  async function symblClient(name: string) {
    const tenant = await api.newTenant(name);
    const token = await tokenFor(tenant);
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      send(`${api.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          'content-type': 'application/json',
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    return { tenant, token, call };
  }

  test('token:generate: the documented body, the Go SDK body with AuthURI, 401 for bad credentials', async () => {
    const tenant = await api.newTenant('Symbl auth');
    const goSdk = await send(`${api.url}/oauth2/token:generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'symbl.ai (go1.22;linux;amd64)' },
      body: JSON.stringify({
        AuthURI: `${api.url}/oauth2/token:generate`,
        type: 'application',
        appId: tenant.apiKey.id,
        appSecret: tenant.apiKey.key,
      }),
    });
    const { accessToken } = expectShape(
      goSdk,
      200,
      z.object({ accessToken: z.string().min(20), expiresIn: z.literal(86400) }),
    );
    expect(Object.keys(goSdk.body).sort()).toEqual(['accessToken', 'expiresIn']);
    // Bearer (recommended) and x-api-key (deprecated) both carry the token.
    const headerSets: Record<string, string>[] = [
      { authorization: `Bearer ${accessToken}` },
      { 'x-api-key': accessToken },
    ];
    for (const headers of headerSets) {
      expect((await send(`${api.url}/v1/manage/trackers`, { headers })).status).toBe(200);
    }
    const wrong = [
      { type: 'application', appId: tenant.apiKey.id, appSecret: 'not-the-secret' },
      { type: 'application', appId: api.b.apiKey.id, appSecret: tenant.apiKey.key },
    ];
    for (const body of wrong) {
      const res = await send(`${api.url}/oauth2/token:generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expectShape(res, 401, errorShape);
    }
    const missing = await send(`${api.url}/oauth2/token:generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'application', appId: tenant.apiKey.id }),
    });
    expect(expectShape(missing, 400, errorShape).message).toContain('appSecret');
    // A revoked key's id and secret no longer trade.
    const extra = await tenant.request('POST', '/v1/api-keys', { name: 'app' });
    await tenant.request('DELETE', `/v1/api-keys/${extra.body.id}`);
    const revoked = await send(`${api.url}/oauth2/token:generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'application', appId: extra.body.id, appSecret: extra.body.key }),
    });
    expect(revoked.status).toBe(401);
  });

  test('trackers, 2022 revision: singular create / get / PUT / DELETE, bulk POST /trackers, ?name=', async () => {
    const { call } = await symblClient('Symbl trackers 2022');
    const created = expectShape(
      await call('POST', '/v1/manage/tracker', promotionMention),
      200,
      z.object({ tracker: trackerShape }),
    );
    expect(created.tracker).toMatchObject(promotionMention);
    const bulk = expectShape(
      await call('POST', '/v1/manage/trackers', [voiceMessage]),
      200,
      z.object({ trackers: z.array(trackerShape).length(1) }),
    );
    expect(bulk.trackers[0]).toMatchObject(voiceMessage);
    const { id } = created.tracker;
    expect(
      expectShape(await call('GET', `/v1/manage/tracker/${id}`), 200, z.object({ tracker: trackerShape }))
        .tracker.id,
    ).toBe(id);
    const byName = expectShape(
      await call('GET', `/v1/manage/trackers?name=${encodeURIComponent('Promotion Mention')}`),
      200,
      z.object({ trackers: z.array(trackerShape) }),
    );
    expect(byName.trackers.map((tracker) => tracker.id)).toEqual([id]);
    const updateBody = {
      id,
      name: 'Promotion Mention',
      vocabulary: [
        'A flat 10 20 percent sale is',
        'Flash sale is available right now',
        'Lifestyle discount is available',
      ],
    };
    const updated = expectShape(
      await call('PUT', `/v1/manage/tracker/${id}`, updateBody),
      200,
      z.object({ tracker: trackerShape }),
    );
    expect(updated.tracker.vocabulary).toEqual(updateBody.vocabulary);
    expectShape(await call('POST', '/v1/manage/tracker', promotionMention), 409, errorShape);
    expect(
      expectShape(await call('DELETE', `/v1/manage/tracker/${id}`), 200, deletedShape('tracker')),
    ).toEqual({
      id,
      type: 'tracker',
      deleted: true,
    });
    expectShape(await call('GET', `/v1/manage/tracker/${id}`), 404, errorShape);
  });

  test('trackers, newer revision and Go SDK: one-object POST, /bulk, PATCH JSON Patch, plural DELETE', async () => {
    const { call } = await symblClient('Symbl trackers Go SDK');
    // examples/trackers: "Test1", two phrases, then patch the description, then delete every tracker.
    const created = expectShape(
      await call('POST', '/v1/manage/trackers', {
        name: 'Test1',
        categories: ['cat1'],
        languages: ['en-US'],
        vocabulary: ['hello', 'hi'],
      }),
      200,
      z.object({ tracker: trackerShape }),
    );
    const { id } = created.tracker;
    const patched = expectShape(
      await call('PATCH', `/v1/manage/trackers/${id}`, [
        { op: 'replace', path: '/description', value: 'Updated Description' },
        { op: 'add', path: '/vocabulary/-', value: 'hey' },
      ]),
      200,
      z.object({ tracker: trackerShape }),
    );
    expect(patched.tracker).toMatchObject({
      id,
      description: 'Updated Description',
      vocabulary: ['hello', 'hi', 'hey'],
    });
    expectShape(
      await call('POST', '/v1/manage/trackers/bulk', [voiceMessage, { ...promotionMention }]),
      200,
      z.object({ trackers: z.array(trackerShape).length(2) }),
    );
    expectShape(await call('GET', `/v1/manage/trackers/${id}`), 200, z.object({ tracker: trackerShape }));
    expectShape(
      await call('PUT', `/v1/manage/trackers/${id}`, { name: 'Test1', vocabulary: ['hello'] }),
      200,
      z.object({ tracker: trackerShape }),
    );

    // A patch outside the tracker's fields, an inapplicable one, or an invalid result changes nothing.
    const refusals: [unknown, string][] = [
      [[{ op: 'replace', path: '/id', value: 'x' }], 'operations.0.path'],
      [[{ op: 'remove', path: '/vocabulary/7' }], 'operations.0.path'],
      [[{ op: 'replace', path: '/vocabulary', value: 'not a list' }], '/vocabulary'],
      [{ op: 'replace', path: '/name', value: 'x' }, 'operations'],
    ];
    for (const [body, field] of refusals) {
      const res = await call('PATCH', `/v1/manage/trackers/${id}`, body);
      expect(expectShape(res, 400, errorShape).message, JSON.stringify(body)).toContain(field);
    }
    expectShape(
      await call('PATCH', `/v1/manage/trackers/${id}`, [{ op: 'test', path: '/name', value: 'Other' }]),
      409,
      errorShape,
    );
    expect((await call('GET', `/v1/manage/trackers/${id}`)).body.tracker.vocabulary).toEqual(['hello']);

    const all = expectShape(
      await call('GET', '/v1/manage/trackers'),
      200,
      z.object({ trackers: z.array(trackerShape) }),
    );
    expect(all.trackers).toHaveLength(3);
    for (const tracker of all.trackers) {
      expectShape(await call('DELETE', `/v1/manage/trackers/${tracker.id}`), 200, deletedShape('tracker'));
    }
    expect((await call('GET', '/v1/manage/trackers')).body.trackers).toEqual([]);
    expectShape(
      await call('PATCH', `/v1/manage/trackers/${id}`, [{ op: 'replace', path: '/name', value: 'x' }]),
      404,
      errorShape,
    );
  });

  test('concurrent JSON Patches of one tracker apply one after another', async () => {
    const { call } = await symblClient('Symbl tracker patch race');
    const { tracker } = (await call('POST', '/v1/manage/trackers', { name: 'Race', vocabulary: ['start'] }))
      .body;
    const phrases = ['one', 'two', 'three', 'four', 'five', 'six'];
    const answers = await Promise.all(
      phrases.map((value) =>
        call('PATCH', `/v1/manage/trackers/${tracker.id}`, [{ op: 'add', path: '/vocabulary/-', value }]),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(phrases.map(() => 200));
    const final = (await call('GET', `/v1/manage/trackers/${tracker.id}`)).body.tracker.vocabulary;
    expect([...final].sort()).toEqual(['start', ...phrases].sort());
  });

  test('entities, both revisions: singular and plural paths, bulk forms, delete by subType', async () => {
    const { call } = await symblClient('Symbl entities');
    const teslaModel = {
      type: 'Vehicle',
      subType: 'TeslaModel',
      category: 'Custom',
      values: ['Model X', 'Model S', 'Model 3', 'Model Y'],
    };
    // Revision A: POST /v1/manage/entity answers the entity; POST /v1/manage/entities takes an array.
    const single = expectShape(await call('POST', '/v1/manage/entity', teslaModel), 200, entityShape);
    const bulkA = expectShape(
      await call('POST', '/v1/manage/entities', [
        { ...teslaModel, subType: 'TeslaTruck', values: ['Cybertruck'] },
      ]),
      200,
      z.object({ entities: z.array(entityShape).length(1) }),
    );
    // Revision B: POST /v1/manage/entities takes one object; /bulk takes the array (the Go SDK's create).
    const singleB = expectShape(
      await call('POST', '/v1/manage/entities', { ...teslaModel, type: 'Car', subType: 'Honda' }),
      200,
      entityShape,
    );
    const goSdk = expectShape(
      await call('POST', '/v1/manage/entities/bulk', [
        { type: 'Vehicle', subType: 'Honda', category: 'Custom', values: ['hrv', 'crv'] },
      ]),
      200,
      z.object({ entities: z.array(entityShape).length(1) }),
    );
    const honda = goSdk.entities[0] as z.infer<typeof entityShape>;
    // Both revisions read one entity bare.
    for (const path of [`/v1/manage/entity/${single.id}`, `/v1/manage/entities/${single.id}`]) {
      expect(expectShape(await call('GET', path), 200, entityShape)).toMatchObject(teslaModel);
    }
    const listed = expectShape(
      await call('GET', '/v1/manage/entities'),
      200,
      z.object({ entities: z.array(entityShape) }),
    );
    expect(listed.entities.map((entity) => entity.id).sort()).toEqual(
      [single.id, bulkA.entities[0]?.id, singleB.id, honda.id].sort(),
    );
    // Revision A's PUT answers the entity; the Go SDK's plural PUT reads { entity }.
    const appended = { type: 'Vehicle', subType: 'Honda', category: 'Custom', values: ['hrv', 'crv', 'crx'] };
    expect(
      expectShape(
        await call('PUT', `/v1/manage/entities/${honda.id}`, appended),
        200,
        z.object({ entity: entityShape }),
      ).entity.values,
    ).toEqual(appended.values);
    expect(
      expectShape(await call('PUT', `/v1/manage/entity/${single.id}`, teslaModel), 200, entityShape).id,
    ).toBe(single.id);

    // A failed bulk create changes nothing: the second item repeats an existing type/subType.
    const before = (await call('GET', '/v1/manage/entities')).body.entities.length;
    const failed = await call('POST', '/v1/manage/entities/bulk', [
      { type: 'Fruit', subType: 'Apple', values: ['apple'] },
      { type: 'Vehicle', subType: 'Honda', values: ['civic'] },
    ]);
    expect(expectShape(failed, 409, errorShape).message).toContain('entities.1.subType');
    expect((await call('GET', '/v1/manage/entities')).body.entities).toHaveLength(before);

    expectShape(await call('DELETE', `/v1/manage/entities/${singleB.id}`), 200, deletedShape('entity'));
    expectShape(await call('GET', `/v1/manage/entities/${singleB.id}`), 404, errorShape);
    const bySubType = await call('DELETE', '/v1/manage/entities?subType=Honda');
    expect(bySubType.status).toBe(200);
    expect(bySubType.body).toMatchObject({ subType: 'Honda', deleted: 1, ids: [honda.id] });
    expectShape(await call('DELETE', '/v1/manage/entities?subType=Honda'), 404, errorShape);
  });

  test('conversation groups: the documented bodies and wrappers', async () => {
    const { call } = await symblClient('Symbl groups');
    const body = {
      name: 'Calls made by John',
      description: 'All the conversations made by the agent John Doe are captured in this Group.',
      criteria: 'conversation.metadata.agentId==johndoe',
    };
    const { group } = expectShape(
      await call('POST', '/v1/manage/group', body),
      200,
      z.object({ group: groupShape }),
    );
    expect(group).toMatchObject(body);
    expect(
      expectShape(await call('GET', `/v1/manage/group/${group.id}`), 200, z.object({ group: groupShape }))
        .group,
    ).toMatchObject(body);
    const two = expectShape(
      await call('POST', '/v1/manage/groups', [
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
      ]),
      200,
      z.object({ groups: z.array(groupShape).length(2) }),
    );
    expect(two.groups.map((g) => g.name)).toContain('Group for all Internal calls');
    const update = {
      id: group.id,
      name: 'Calls made by John to Acme Corp',
      description:
        'All the conversations by the agent John Doe with customer Acme Corp are captured in this Group.',
      criteria: 'conversation.metadata.agentId==johndoe and conversation.metadata.customerId==88338833',
    };
    expect(
      expectShape(
        await call('PUT', `/v1/manage/group/${group.id}`, update),
        200,
        z.object({ group: groupShape }),
      ).group,
    ).toMatchObject(update);
    expectShape(
      await call('GET', '/v1/manage/groups'),
      200,
      z.object({ groups: z.array(groupShape).length(3) }),
    );
    expect(
      expectShape(await call('DELETE', `/v1/manage/group/${group.id}`), 200, deletedShape('group')),
    ).toEqual({
      id: group.id,
      type: 'group',
      deleted: true,
    });
  });

  test('Conversation API: PUT metadata (quick start step 2), GET, list with the documented query, group conversations, DELETE', async () => {
    const { call, tenant } = await symblClient('Symbl conversations');
    const created = await tenant.request('POST', '/ccaas/1/conversations', {
      topic: 'John / Mary Brainstorming',
      metadata: { label: 'Business' },
    });
    const id: string = created.body.id;
    // conversation-put.md: the body and the { id, metadata } answer; keys sent are merged in.
    const put = expectShape(
      await call('PUT', `/v1/conversations/${id}`, { metadata: { key: 'value', agentId: 'johndoe' } }),
      200,
      conversationShape,
    );
    expect(put).toMatchObject({ id, metadata: { label: 'Business', key: 'value', agentId: 'johndoe' } });
    const got = expectShape(await call('GET', `/v1/conversations/${id}`), 200, conversationShape);
    expect(got).toMatchObject({ id, type: 'meeting', name: 'John / Mary Brainstorming', members: [] });
    expectShape(
      await call('PUT', `/v1/conversations/${id}`, { metadata: { agentId: 'x'.repeat(129) } }),
      400,
      errorShape,
    );
    expectShape(await call('PUT', `/v1/conversations/${id}`, { metadata: { agentId: 7 } }), 400, errorShape);

    const other = (
      await tenant.request('POST', '/ccaas/1/conversations', {
        topic: 'John / Mary Catch up',
        metadata: { agentId: 'janedoe' },
      })
    ).body.id;
    // all-conversations.md: limit, order, sort, offset, startTime, endTime (the documented request).
    const now = Date.now();
    const window = `startTime=${new Date(now - 60_000).toISOString()}&endTime=${new Date(now + 60_000).toISOString()}`;
    const listed = expectShape(
      await call(
        'GET',
        `/v1/conversations?limit=2&order=desc&sort=conversation.startTime&offset=0&${window}`,
      ),
      200,
      z.object({ conversations: z.array(conversationShape) }),
    );
    expect(listed.conversations.map((c) => c.id)).toEqual([other, id]);
    // The documented request verbatim sorts by conversation.name (one or more fields, in `order`).
    const third = (await tenant.request('POST', '/ccaas/1/conversations', { topic: 'Anna / Bo Sync' })).body
      .id;
    const names = async (sort: string, extra = '') =>
      expectShape(
        await call('GET', `/v1/conversations?sort=${sort}&${window}${extra}`),
        200,
        z.object({ conversations: z.array(conversationShape) }),
      ).conversations.map((c) => c.name);
    expect(await names('conversation.name')).toEqual([
      'Anna / Bo Sync',
      'John / Mary Brainstorming',
      'John / Mary Catch up',
    ]);
    expect(await names('conversation.name', '&limit=2&order=desc&offset=2')).toEqual(['Anna / Bo Sync']);
    expect(
      (
        await call('GET', `/v1/conversations?limit=2&order=desc&sort=conversation.name&offset=2&${window}`)
      ).body.conversations.map((c: { id: string }) => c.id),
    ).toEqual([third]);
    // endTime is the last change of an open conversation: the metadata PUT made `id` the latest… then `third`.
    expect(await names('conversation.endTime', '&order=desc')).toEqual([
      'Anna / Bo Sync',
      'John / Mary Catch up',
      'John / Mary Brainstorming',
    ]);
    expect(await names('[conversation.startTime,conversation.name]', '&order=desc')).toEqual([
      'Anna / Bo Sync',
      'John / Mary Catch up',
      'John / Mary Brainstorming',
    ]);
    expect(
      expectShape(await call('GET', '/v1/conversations?sort=conversation.members'), 400, errorShape).message,
    ).toContain('conversation.name');
    expect((await call('DELETE', `/v1/conversations/${third}`)).status).toBe(200);
    const filtered = await call(
      'GET',
      `/v1/conversations?filter=${encodeURIComponent('conversation.metadata.agentId==johndoe')}`,
    );
    expect(
      expectShape(filtered, 200, z.object({ conversations: z.array(conversationShape) })).conversations.map(
        (c) => c.id,
      ),
    ).toEqual([id]);
    expect((await call('GET', '/v1/conversations')).body.conversations).toHaveLength(2);
    expect((await call('GET', '/v1/conversations?limit=0')).body.conversations).toEqual([]);
    // The default window is the 7 days before endTime.
    expect((await call('GET', '/v1/conversations?endTime=2020-01-01T00:00:00Z')).body.conversations).toEqual(
      [],
    );
    expectShape(await call('GET', '/v1/conversations?filter=nonsense=='), 400, errorShape);

    // conversation-groups-intro.md step 3: the group's conversations in the same shape.
    const { group } = (
      await call('POST', '/v1/manage/group', {
        name: 'John',
        criteria: 'conversation.metadata.agentId==johndoe',
      })
    ).body;
    const members = expectShape(
      await call('GET', `/v1/groups/${group.id}/conversations`),
      200,
      z.object({ conversations: z.array(conversationShape) }),
    );
    expect(members.conversations.map((c) => c.id)).toEqual([id]);
    expect((await call('GET', `/v1/groups/${group.id}/conversations?limit=0`)).body.conversations).toEqual(
      [],
    );

    // conversation-delete.md: the answer, then 404 in Symbl's { message } body.
    expect((await call('DELETE', `/v1/conversations/${id}`)).body).toEqual({
      message: 'successfully deleted the conversation',
    });
    expectShape(await call('GET', `/v1/conversations/${id}`), 404, errorShape);
    expectShape(await call('DELETE', `/v1/conversations/${id}`), 404, errorShape);
    // Another tenant's conversation looks like none.
    expect((await call('GET', `/v1/conversations/${other}`)).status).toBe(200);
    const otherTenant = await symblClient('Symbl conversations B');
    expectShape(await otherTenant.call('GET', `/v1/conversations/${other}`), 404, errorShape);
    expectShape(
      await otherTenant.call('PUT', `/v1/conversations/${other}`, { metadata: { a: 'b' } }),
      404,
      errorShape,
    );
  });

  test('trackers-detected (and the deprecated /trackers) and entities per conversation in Symbl shapes', async () => {
    const { call, tenant } = await symblClient('Symbl detections');
    await call('POST', '/v1/manage/trackers', {
      name: 'PricingMention',
      vocabulary: ['What is the price', 'Subscription'],
    });
    await call('POST', '/v1/manage/entities', {
      type: 'Company Executives',
      subType: 'Marketing',
      values: ['marketing director'],
    });
    const { conversation, messages } = await conversationWithMessages(api, tenant, [
      'Our subscription plan which includes the premium suite of services is $500 per month.',
      'The marketing director is out-of-town due to some work.',
    ]);
    const detectedShape = z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        matches: z.array(
          z.object({
            type: z.literal('vocabulary'),
            value: z.string(),
            messageRefs: z.array(z.object({ id: z.string(), text: z.string(), offset: z.number().int() })),
            insightRefs: z.array(z.unknown()),
          }),
        ),
      }),
    );
    const detected = expectShape(
      await call('GET', `/v1/conversations/${conversation.id}/trackers-detected`),
      200,
      detectedShape,
    );
    expect(detected).toMatchObject([
      {
        name: 'PricingMention',
        matches: [
          {
            value: 'subscription',
            messageRefs: [{ id: messages[0]?.id, text: messages[0]?.text, offset: 4 }],
          },
        ],
      },
    ]);
    expect((await call('GET', `/v1/conversations/${conversation.id}/trackers`)).body).toEqual(detected);
    const entities = expectShape(
      await call('GET', `/v1/conversations/${conversation.id}/entities`),
      200,
      z.object({
        entities: z.array(
          z.object({
            type: z.string(),
            subType: z.string(),
            category: z.string(),
            matches: z.array(
              z.object({
                detectedValue: z.string(),
                messageRefs: z.array(
                  z.object({
                    id: z.string(),
                    startTime: z.string(),
                    endTime: z.string(),
                    text: z.string(),
                    offset: z.number(),
                  }),
                ),
              }),
            ),
          }),
        ),
      }),
    );
    expect(entities.entities).toMatchObject([
      {
        type: 'Company Executives',
        subType: 'Marketing',
        matches: [{ detectedValue: 'marketing director', messageRefs: [{ offset: 4 }] }],
      },
    ]);
    expectShape(
      await call('GET', '/v1/conversations/no-such-conversation/trackers-detected'),
      404,
      errorShape,
    );
  });

  test('user settings: GET answers only configured settings under `settings`; PATCH with RFC 6902 operations', async () => {
    const { call } = await symblClient('Symbl settings');
    const settingsShape = z.object({
      settings: z.object({
        intelligence: z.object({ bookmarks: z.object({ duration: z.number() }) }).optional(),
        redaction: z.object({ default: z.boolean().optional(), type: z.string().optional() }).optional(),
      }),
    });
    expect(expectShape(await call('GET', '/v1/manage/settings'), 200, settingsShape).settings).toEqual({});
    // update-user-settings.md: one or more operations, each with its own path.
    const patched = await call('PATCH', '/v1/manage/settings', [
      { op: 'add', path: '/intelligence/bookmarks/duration', value: 30 },
      { op: 'add', path: '/redaction/default', value: true },
      { op: 'add', path: '/redaction/type', value: 'obfuscation' },
    ]);
    const expected = {
      intelligence: { bookmarks: { duration: 30 } },
      redaction: { default: true, type: 'obfuscation' },
    };
    expect(expectShape(patched, 200, settingsShape).settings).toEqual(expected);
    expect((await call('GET', '/v1/manage/settings')).body.settings).toEqual(expected);
    // Unknown keys and bad values are refused naming the path; nothing changes.
    const refusals: [unknown[], string][] = [
      [[{ op: 'add', path: '/intelligence/bookmarks/color', value: 'red' }], '/intelligence/bookmarks/color'],
      [[{ op: 'add', path: '/redaction/type', value: 'blur' }], '/redaction/type'],
      [[{ op: 'add', path: '/intelligence/summaries', value: {} }], '/intelligence/summaries'],
      [
        [
          { op: 'remove', path: '/intelligence/bookmarks/duration' },
          { op: 'add', path: '/theme', value: 1 },
        ],
        '/theme',
      ],
    ];
    for (const [body, path] of refusals) {
      expect(
        expectShape(await call('PATCH', '/v1/manage/settings', body), 400, errorShape).message,
      ).toContain(path);
    }
    expect((await call('GET', '/v1/manage/settings')).body.settings).toEqual(expected);
    await call('PATCH', '/v1/manage/settings', [{ op: 'remove', path: '/redaction/type' }]);
    expect((await call('GET', '/v1/manage/settings')).body.settings).toEqual({
      intelligence: { bookmarks: { duration: 30 } },
      redaction: { default: true },
    });
  });

  test('errors are Symbl bodies: 401 without a token, 404 for unknown paths, 400 naming the field', async () => {
    const anonymous = await send(`${api.url}/v1/manage/trackers`, {});
    expectShape(anonymous, 401, errorShape);
    const { call } = await symblClient('Symbl errors');
    expectShape(await call('GET', '/v1/manage/nothing-here'), 404, errorShape);
    const bad = expectShape(
      await call('POST', '/v1/manage/trackers', { vocabulary: ['x'] }),
      400,
      errorShape,
    );
    expect(bad.message).toContain('name');
  });
});
