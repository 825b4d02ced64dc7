import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertConversation } from './support/concurrency/fixtures';
import { serviceException } from './support/infobip';
import { startTestApi, type TestApi } from './support/test-api';

// Monday 2 March 2026, 10:00 in Zagreb (CET, UTC+1), and the Saturday before.
const mondayMorning = new Date('2026-03-02T09:00:00Z');
const saturday = new Date('2026-02-28T09:00:00Z');

const nineToFive = { startTime: 540, endTime: 1020, enabled: true };
const dayOff = { startTime: 0, endTime: 0, enabled: false };
const officeHours = {
  name: 'Zagreb office',
  timezone: 'Europe/Zagreb',
  message: "We're out of office, come back another time, thank you!",
  workWeek: {
    MONDAY: nineToFive,
    TUESDAY: nineToFive,
    WEDNESDAY: nineToFive,
    THURSDAY: nineToFive,
    FRIDAY: nineToFive,
    SATURDAY: dayOff,
    SUNDAY: dayOff,
  },
};

describe.each(testDatabaseKinds())('Infobip routing rules on %s', (kind) => {
  let api: TestApi;
  let clock = mondayMorning;
  let first: { id: string };
  let second: { id: string };
  let third: { id: string };
  beforeAll(async () => {
    api = await startTestApi(kind, { now: () => clock });
    first = await api.a.caller.queues.create({ name: 'First Queue' });
    second = await api.a.caller.queues.create({ name: 'Second Queue' });
    third = await api.a.caller.queues.create({ name: 'Third Queue' });
  });
  afterAll(() => api.close());

  // The document's own example (CreateRuleApiRequest), with this organization's queue ids.
  const documentRules = () => [
    {
      priority: 'URGENT',
      queueId: first.id,
      enabled: true,
      name: 'First Rule',
      routeOnlyDuringWorkingHours: true,
      expression: {
        $or: [{ $eq: { 'message.channel': 'WHATSAPP' } }, { $eq: { 'message.channel': 'LIVE_CHAT' } }],
      },
    },
    {
      priority: 'HIGH',
      queueId: second.id,
      enabled: true,
      name: 'Second Rule',
      routeOnlyDuringWorkingHours: false,
      expression: {
        $and: [{ $eq: { 'message.channel': 'TELEGRAM' } }, { $eq: { 'customer.country': 'Croatia' } }],
      },
    },
    {
      priority: 'NORMAL',
      queueId: third.id,
      queueName: 'Third Queue',
      enabled: true,
      name: 'Third Rule',
      routeOnlyDuringWorkingHours: false,
      expression: { $eq: { 'message.channel': 'VIBER' } },
    },
  ];

  test("PUT takes the document's array; GET answers each rule as stored, in order", async () => {
    const put = await api.a.request('PUT', '/ccaas/1/routing', documentRules());
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ statusCode: 'SUCCESS', message: 'Routing added successfully.' });

    const got = await api.a.request('GET', '/ccaas/1/routing');
    expect(got.status).toBe(200);
    expect(got.body.pagination).toEqual({ totalItems: 3, page: 0, limit: 999, orderBy: 'order:ASC' });
    const [one, two, three] = got.body.routes;
    expect(one).toEqual({
      id: expect.any(String),
      priority: 'URGENT',
      queueId: first.id,
      queueName: 'First Queue',
      enabled: true,
      name: 'First Rule',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      order: 1,
      routeOnlyDuringWorkingHours: true,
      isPrivate: false,
      expression: documentRules()[0]?.expression,
      criteria: 'channel==WHATSAPP,channel==LIVE_CHAT',
    });
    expect(two).toMatchObject({
      order: 2,
      expression: documentRules()[1]?.expression,
      criteria: 'channel==TELEGRAM;metadata.customer.country==Croatia',
    });
    expect(three).toMatchObject({ order: 3, queueName: 'Third Queue', priority: 'NORMAL' });

    const some = await api.a.request('GET', `/ccaas/1/routing?ruleIds=${three.id}&ruleIds=${one.id}`);
    expect(some.body.routes.map((rule: { name: string }) => rule.name)).toEqual(['First Rule', 'Third Rule']);
    expect((await api.b.request('GET', '/ccaas/1/routing')).body.routes).toEqual([]);
  });

  test('a rule may be written in RSQL (criteria) beside JSON ones; GET gives both syntaxes', async () => {
    const rules = [
      { name: 'VIP', queueId: first.id, criteria: 'tags==vip' },
      { name: 'Email', queueId: second.id, expression: { $in: { 'message.channel': ['EMAIL', 'SMS'] } } },
    ];
    expect((await api.a.request('PUT', '/ccaas/1/routing', rules)).status).toBe(200);
    const { routes } = (await api.a.request('GET', '/ccaas/1/routing')).body;
    expect(
      routes.map((rule: { criteria: string; expression: unknown }) => [rule.criteria, rule.expression]),
    ).toEqual([
      ['tags==vip', { $eq: { tags: 'vip' } }],
      ['channel=in=(EMAIL,SMS)', { $in: { 'message.channel': ['EMAIL', 'SMS'] } }],
    ]);
  });

  test('a bad expression is 400 naming its JSON path, operators and fields; nothing changes', async () => {
    await api.a.request('PUT', '/ccaas/1/routing', documentRules());
    const before = (await api.a.request('GET', '/ccaas/1/routing')).body;
    const rules = documentRules();
    const broken = [rules[0], { ...rules[1], expression: { $or: [{ $eq: { 'message.chanel': 'SMS' } }] } }];
    const res = await api.a.request('PUT', '/ccaas/1/routing', broken);
    expect(res.status).toBe(400);
    expect(serviceException(res.body).text).toMatch(
      /^\[1\]\.expression\.\$or\[0\]\.\$eq\["message\.chanel"\]: unknown field/,
    );
    expect(serviceException(res.body).text).toContain('did you mean "message.channel"?');
    expect(serviceException(res.body).details.validOperators).toEqual([
      '$and',
      '$or',
      '$eq',
      '$ne',
      '$lt',
      '$lte',
      '$gt',
      '$gte',
      '$in',
      '$nin',
    ]);

    const operator = await api.a.request('PUT', '/ccaas/1/routing', [
      { ...rules[0], expression: { $like: {} } },
    ]);
    expect(operator.status).toBe(400);
    expect(serviceException(operator.body).text).toContain(
      '[0].expression.$like: unknown operator "$like"; valid operators: $and, $or',
    );

    const both = await api.a.request('PUT', '/ccaas/1/routing', [{ ...rules[0], criteria: 'tags==a' }]);
    expect(both.status).toBe(400);
    expect(serviceException(both.body).text).toContain('exactly one');
    const notArray = await api.a.request('PUT', '/ccaas/1/routing', '"rules"');
    expect(notArray.status).toBe(400);
    const noQueue = await api.a.request('PUT', '/ccaas/1/routing', [{ expression: { $eq: { tags: 'a' } } }]);
    expect(noQueue.status).toBe(400);
    expect(serviceException(noQueue.body).details.field).toBe('0.queueId');
    const otherTenant = await api.b.request('PUT', '/ccaas/1/routing', [{ ...rules[0] }]);
    expect(otherTenant.status).toBe(404);

    expect((await api.a.request('GET', '/ccaas/1/routing')).body).toEqual(before);
  });

  test('routeOnlyDuringWorkingHours: outside the default hours the rule is skipped', async () => {
    await api.a.request('PUT', '/ccaas/1/routing', [
      ...documentRules(),
      {
        name: 'Everything else',
        queueId: third.id,
        priority: 'LOW',
        expression: { $ne: { status: 'CLOSED' } },
      },
    ]);
    const created = await api.a.request('POST', '/ccaas/1/working-hours', officeHours);
    expect(created.status).toBe(200);
    expect(created.body.isDefault).toBe(true);
    const id = await insertConversation(api.db.prisma, api.a, { channel: 'WHATSAPP' });

    clock = mondayMorning;
    const inside = await api.a.request('GET', `/ccaas/1/conversations/${id}/simulate-routing`);
    expect(inside.body).toMatchObject({ id, queueId: first.id, priority: 'URGENT' });
    expect(inside.body.explanation).toContain('First Rule');

    clock = saturday;
    const outside = await api.a.request('POST', '/ccaas/1/routing/simulate', { conversationId: id });
    expect(outside.body.queueId).toBe(third.id);
    expect(outside.body.trace[0]).toMatchObject({ name: 'First Rule', outcome: 'OUTSIDE_WORKING_HOURS' });
    // Explained in both syntaxes.
    expect(outside.body.trace[3].explanation).toContain(
      'expression `{"$ne":{"status":"CLOSED"}}` (RSQL `status!=CLOSED`)',
    );

    // Routing for real applies the rule's queue and priority.
    const routed = await api.a.request('POST', `/ccaas/1/conversations/${id}/route`);
    expect(routed.status).toBe(200);
    expect(routed.body.conversations).toMatchObject([{ queueId: third.id, priority: 'LOW' }]);
    clock = mondayMorning;
    const again = await api.a.request('POST', `/ccaas/1/conversations/${id}/route`);
    expect(again.body.conversations).toMatchObject([{ queueId: first.id, priority: 'URGENT' }]);

    // Without a default calendar nothing restricts the rule.
    await api.a.request('DELETE', `/ccaas/1/working-hours/${created.body.id}`);
    clock = saturday;
    const noHours = await api.a.request('GET', `/ccaas/1/conversations/${id}/simulate-routing`);
    expect(noHours.body.queueId).toBe(first.id);
  });

  test('DELETE removes every rule; another tenant keeps its own', async () => {
    await api.b.request('PUT', '/ccaas/1/routing', [
      { queueId: (await api.b.caller.queues.create({ name: 'B' })).id, expression: { $eq: { tags: 'b' } } },
    ]);
    await api.a.request('PUT', '/ccaas/1/routing', documentRules());
    const res = await api.a.request('DELETE', '/ccaas/1/routing');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 'SUCCESS', message: 'Routing deleted successfully.' });
    expect((await api.a.request('GET', '/ccaas/1/routing')).body.routes).toEqual([]);
    const other = (await api.b.request('GET', '/ccaas/1/routing')).body.routes;
    expect(other.map((rule: { name: string }) => rule.name)).toEqual(['Rule 1']);
    const events = await api.db.prisma.event.findMany({
      where: { organizationId: api.a.organization.id, type: 'routing.updated' },
      orderBy: { sequence: 'desc' },
      take: 1,
    });
    expect(events[0]?.payload).toMatchObject({ data: { routing: { routes: [] } } });
  });
});
