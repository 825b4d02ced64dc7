import { type Database, openDatabase, type PrismaClient } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { routeWhenHoursOpen } from '../src/jobs/route-when-hours-open';
import { createLogger } from '../src/logger';
import { insertConversation } from './support/concurrency/fixtures';
import { startTestApi, type TestApi, type TestTenant } from './support/test-api';

// Europe/Zagreb springs forward on Sunday 29 March 2026 at 02:00 CET (→ 03:00 CEST, UTC+2).
// 05:30Z that morning is 07:30 local (closed); 06:30Z is 08:30 local (open) — in CET it would
// still be 07:30, so only a clock that knows the change opens the office then.
const sundayBeforeOpening = new Date('2026-03-29T05:30:00Z');
const sundayAfterOpening = new Date('2026-03-29T06:30:00Z');
// Monday 30 March is a holiday: 10:00 local, inside the day's hours, is closed.
const holidayMorning = new Date('2026-03-30T08:00:00Z');
const tuesdayMorning = new Date('2026-03-31T06:30:00Z');

const eightToFour = { startTime: 480, endTime: 960, enabled: true };
const office = {
  name: 'Zagreb office',
  timezone: 'Europe/Zagreb',
  message: 'Closed',
  isDefault: true,
  workWeek: {
    MONDAY: eightToFour,
    TUESDAY: eightToFour,
    WEDNESDAY: eightToFour,
    THURSDAY: eightToFour,
    FRIDAY: eightToFour,
    SATURDAY: eightToFour,
    SUNDAY: eightToFour,
  },
  holidays: [
    { name: 'Easter Monday (moved)', startDate: '2026-03-30', endDate: '2026-03-30', enabled: true },
  ],
};

describe.each(testDatabaseKinds())('routing when working hours open on %s', (kind) => {
  let api: TestApi;
  let clock = sundayBeforeOpening;
  beforeAll(async () => {
    api = await startTestApi(kind, { now: () => clock });
  });
  afterAll(() => api.close());
  const job = routeWhenHoursOpen(60_000, createLogger('silent'));

  const ok = async (org: TestTenant, method: string, path: string, body?: unknown) => {
    const res = await org.request(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  /** WhatsApp goes to Chat, only during working hours; Ann works in Chat. */
  async function office24(name: string, capacity = 5) {
    clock = sundayBeforeOpening;
    const org = await api.newTenant(name);
    const chat = await org.caller.queues.create({ name: 'Chat', isAutoAssignmentEnabled: true });
    const ann = await org.caller.agents.create({ name: 'Ann', status: 'ACTIVE', capacity });
    await org.caller.queues.addAgent({ queueId: chat.id, agentId: ann.id });
    await ok(org, 'PUT', '/ccaas/1/routing', [
      {
        name: 'WhatsApp in hours',
        queueId: chat.id,
        routeOnlyDuringWorkingHours: true,
        expression: { $eq: { 'message.channel': 'WHATSAPP' } },
      },
    ]);
    await ok(org, 'POST', '/ccaas/1/working-hours', office);
    return { org, chat, ann };
  }
  const conversation = (id: string) => api.db.prisma.conversation.findUniqueOrThrow({ where: { id } });
  const eventsOf = (id: string) =>
    api.db.prisma.event.findMany({
      where: { conversationId: id, actorType: 'SYSTEM', actorId: 'switchboard' },
      orderBy: { sequence: 'asc' },
      select: { type: true },
    });

  test('a conversation arriving before opening waits, and is routed once the clock is in hours (DST day)', async () => {
    const { org, chat, ann } = await office24('DST');
    const created = await ok(org, 'POST', '/ccaas/1/conversations', { topic: 'Hi', channel: 'WHATSAPP' });
    expect(created).toMatchObject({ queueId: null, agentId: null });
    const other = await ok(org, 'POST', '/ccaas/1/conversations', { topic: 'Text', channel: 'SMS' });

    await job.run(api.db.prisma, sundayBeforeOpening);
    expect(await conversation(created.id)).toMatchObject({ queueId: null, agentId: null });

    await job.run(api.db.prisma, sundayAfterOpening);
    expect(await conversation(created.id)).toMatchObject({ queueId: chat.id, agentId: ann.id });
    expect(await eventsOf(created.id)).toEqual([
      { type: 'conversation.routed' },
      { type: 'conversation.assigned' },
    ]);
    // What no working-hours rule takes is left as it is.
    expect(await conversation(other.id)).toMatchObject({ queueId: null, agentId: null });
    expect(await eventsOf(other.id)).toEqual([]);

    // Nothing more to do: a second run writes nothing.
    const count = await api.db.prisma.event.count({ where: { organizationId: org.organization.id } });
    await job.run(api.db.prisma, sundayAfterOpening);
    expect(await api.db.prisma.event.count({ where: { organizationId: org.organization.id } })).toBe(count);
  });

  test('a holiday keeps the office closed; the next working morning routes', async () => {
    const { org, chat } = await office24('Holiday', 0);
    clock = holidayMorning;
    const created = await ok(org, 'POST', '/ccaas/1/conversations', { topic: 'Hi', channel: 'WHATSAPP' });
    expect(created.queueId).toBeNull();
    await job.run(api.db.prisma, holidayMorning);
    expect((await conversation(created.id)).queueId).toBeNull();

    await job.run(api.db.prisma, tuesdayMorning);
    // Ann has no room (capacity 0): it waits in the rule's queue for the drain.
    expect(await conversation(created.id)).toMatchObject({ queueId: chat.id, agentId: null });
    expect(await eventsOf(created.id)).toEqual([{ type: 'conversation.routed' }]);
  });

  test('two runs at once route each waiting conversation once', async () => {
    const { org, chat, ann } = await office24('Twice', 7);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++)
      ids.push(await insertConversation(api.db.prisma, org, { channel: 'WHATSAPP' }));
    // A second connection pool plays the second process (PGlite belongs to one process: the same one).
    const other: Database | null = api.db.url
      ? await openDatabase({ databaseUrl: api.db.url, poolSize: 4 })
      : null;
    try {
      const second: PrismaClient = other?.prisma ?? api.db.prisma;
      await Promise.all([job.run(api.db.prisma, sundayAfterOpening), job.run(second, sundayAfterOpening)]);
    } finally {
      await other?.close();
    }
    for (const id of ids) {
      expect((await conversation(id)).queueId).toBe(chat.id);
      const types = (await eventsOf(id)).map((event) => event.type);
      expect(types.filter((type) => type === 'conversation.routed')).toHaveLength(1);
    }
    expect(await api.db.prisma.conversation.count({ where: { id: { in: ids }, agentId: ann.id } })).toBe(7);
  });
});
