import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serviceException } from './support/infobip';
import { startTestApi, type TestApi } from './support/test-api';

const allDay = { startTime: 0, endTime: 1440, enabled: true };
// The document's example request (WorkingHoursApiRequest).
const documentExample = () => ({
  timezone: 'Etc/UTC',
  message: "We're out of office, come back another time, thank you!",
  workWeek: {
    MONDAY: allDay,
    TUESDAY: allDay,
    WEDNESDAY: allDay,
    THURSDAY: allDay,
    FRIDAY: allDay,
    SATURDAY: allDay,
    SUNDAY: allDay,
  },
  name: 'My Working Hours',
  enabled: true,
  isDefault: true,
  closeConversations: false,
  holidays: [
    { name: "New Year's Day", startDate: '2021-01-01', endDate: '2021-01-01', enabled: true },
    { name: 'My Holiday', startDate: '2021-06-09', endDate: '2021-06-09', enabled: false },
  ],
});

const nineToFive = { startTime: 540, endTime: 1020, enabled: true };
const zagreb = () => ({
  name: 'Zagreb office',
  timezone: 'Europe/Zagreb',
  message: 'Closed',
  workWeek: {
    MONDAY: nineToFive,
    TUESDAY: nineToFive,
    WEDNESDAY: nineToFive,
    THURSDAY: nineToFive,
    FRIDAY: nineToFive,
    SATURDAY: { startTime: 0, endTime: 0, enabled: false },
    // Sunday 02:30–03:00 local: a half hour the spring-forward night skips.
    SUNDAY: { startTime: 150, endTime: 180, enabled: true },
  },
  isDefault: false,
  holidays: [{ name: 'Christmas', startDate: '2025-12-25', endDate: '2025-12-26', enabled: true }],
});

describe.each(testDatabaseKinds())('Infobip working hours on %s', (kind) => {
  let api: TestApi;
  let clock = new Date('2025-03-31T07:30:00Z');
  beforeAll(async () => {
    api = await startTestApi(kind, { now: () => clock });
  });
  afterAll(() => api.close());

  test("POST takes the document's example and answers it with ids; GET, list and status read it", async () => {
    const created = await api.a.request('POST', '/ccaas/1/working-hours', documentExample());
    expect(created.status).toBe(200);
    const { id } = created.body;
    const { holidays, ...rest } = documentExample();
    expect(created.body).toMatchObject({ ...rest, id, sendAwayMessageEveryOOWHPeriod: false });
    expect(created.body.holidays).toEqual(
      holidays.map((holiday) => ({ ...holiday, id: expect.any(String), workingHoursId: id })),
    );

    const got = await api.a.request('GET', `/ccaas/1/working-hours/${id}`);
    expect(got.body).toEqual(created.body);
    const status = await api.a.request('GET', `/ccaas/1/working-hours/${id}/status`);
    expect(status.body).toEqual({ status: 'INSIDE_OF_WORKING_HOURS' });

    // Another tenant's id is an unknown id, in Infobip's words.
    const foreign = await api.b.request('GET', `/ccaas/1/working-hours/${id}`);
    expect(foreign.status).toBe(404);
    expect(serviceException(foreign.body).text).toBe(`Invalid id '${id}' given! No such entity exists.`);
    expect((await api.b.request('GET', `/ccaas/1/working-hours/${id}/status`)).status).toBe(404);
    expect((await api.b.request('GET', '/ccaas/1/working-hours')).body.workingHours).toEqual([]);
  });

  test('the list filters, pages up to 999 and orders', async () => {
    await api.a.request('POST', '/ccaas/1/working-hours', zagreb());
    const list = await api.a.request('GET', '/ccaas/1/working-hours?name=ZAGREB&limit=999');
    expect(list.status).toBe(200);
    expect(list.body.workingHours.map((w: { name: string }) => w.name)).toEqual(['Zagreb office']);
    expect(list.body.pagination).toEqual({ totalItems: 1, page: 0, limit: 999, orderBy: 'id:asc' });
    const defaults = await api.a.request('GET', '/ccaas/1/working-hours?isDefault=true');
    expect(defaults.body.workingHours.map((w: { name: string }) => w.name)).toEqual(['My Working Hours']);
    const ordered = await api.a.request('GET', '/ccaas/1/working-hours?orderBy=name:DESC&limit=1&page=1');
    expect(ordered.body.workingHours.map((w: { name: string }) => w.name)).toEqual(['My Working Hours']);
    expect(ordered.body.pagination).toMatchObject({ totalItems: 2, page: 1, limit: 1, orderBy: 'name:desc' });
    const since = await api.a.request(
      'GET',
      '/ccaas/1/working-hours?createdAfter=2020-01-01T00:00:00.000%2B0000',
    );
    expect(since.body.pagination.totalItems).toBe(2);

    expect((await api.a.request('GET', '/ccaas/1/working-hours?limit=1000')).status).toBe(400);
    const badOrder = await api.a.request('GET', '/ccaas/1/working-hours?orderBy=colour:asc');
    expect(badOrder.status).toBe(400);
    expect(serviceException(badOrder.body).text).toContain('orderBy');
    expect((await api.a.request('GET', '/ccaas/1/working-hours?createdAfter=yesterday')).status).toBe(400);
  });

  test.each([
    [
      'an unknown time zone',
      { timezone: 'Europe/Atlantis' },
      'timezone',
      'unknown time zone "Europe/Atlantis"',
    ],
    [
      'an empty interval',
      { workWeek: { ...zagreb().workWeek, MONDAY: { startTime: 600, endTime: 600, enabled: true } } },
      'workWeek.MONDAY',
      'endTime (600) must be after startTime (600)',
    ],
    [
      'overlapping intervals (a list of intervals is an extension)',
      {
        workWeek: {
          ...zagreb().workWeek,
          TUESDAY: [
            { startTime: 540, endTime: 720, enabled: true },
            { startTime: 700, endTime: 1020, enabled: true },
          ],
        },
      },
      'workWeek.TUESDAY[1]',
      'overlaps another interval of TUESDAY',
    ],
    ['a missing weekday', { workWeek: { MONDAY: nineToFive } }, 'workWeek.TUESDAY', 'workWeek.TUESDAY'],
    [
      'a time past midnight',
      { workWeek: { ...zagreb().workWeek, FRIDAY: { startTime: 0, endTime: 1441 } } },
      'workWeek.FRIDAY.endTime',
      'workWeek.FRIDAY',
    ],
    [
      'a holiday ending before it starts',
      { holidays: [{ name: 'Backwards', startDate: '2025-01-02', endDate: '2025-01-01' }] },
      'holidays[0].endDate',
      'must be on or after startDate',
    ],
  ])('%s is 400 naming the field; nothing is written', async (_title, change, field, text) => {
    const before = await api.db.prisma.workingHours.count();
    const res = await api.a.request('POST', '/ccaas/1/working-hours', { ...zagreb(), ...change });
    expect(res.status).toBe(400);
    expect(serviceException(res.body).details.field).toBe(field);
    expect(serviceException(res.body).text).toContain(text);
    expect(await api.db.prisma.workingHours.count()).toBe(before);
  });

  test('PUT replaces, PATCH changes what it sends (holidays keep their ids), the default is unique', async () => {
    const created = (await api.a.request('POST', '/ccaas/1/working-hours', zagreb())).body;
    const holidayId = created.holidays[0].id;
    const patched = await api.a.request('PATCH', `/ccaas/1/working-hours/${created.id}`, {
      name: 'Zagreb HQ',
      workWeek: { SATURDAY: { startTime: 600, endTime: 720, enabled: true } },
      isDefault: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Zagreb HQ', isDefault: true, timezone: 'Europe/Zagreb' });
    expect(patched.body.workWeek.SATURDAY).toEqual({ startTime: 600, endTime: 720, enabled: true });
    expect(patched.body.workWeek.MONDAY).toEqual(nineToFive);
    expect(patched.body.holidays.map((h: { id: string }) => h.id)).toEqual([holidayId]);
    const defaults = await api.a.request('GET', '/ccaas/1/working-hours?isDefault=true');
    expect(defaults.body.workingHours.map((w: { id: string }) => w.id)).toEqual([created.id]);

    const put = await api.a.request('PUT', `/ccaas/1/working-hours/${created.id}`, {
      ...zagreb(),
      holidays: [],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Zagreb office', holidays: [], isDefault: false });
    const badPatch = await api.a.request('PATCH', `/ccaas/1/working-hours/${created.id}`, {
      timezone: 'Nowhere',
    });
    expect(badPatch.status).toBe(400);
    expect((await api.b.request('PATCH', `/ccaas/1/working-hours/${created.id}`, { name: 'x' })).status).toBe(
      404,
    );
  });

  test('status follows the local wall clock across DST and holidays; disabled hours restrict nothing', async () => {
    const { id } = (await api.a.request('POST', '/ccaas/1/working-hours', zagreb())).body;
    const statusAt = async (instant: string) => {
      clock = new Date(instant);
      return (await api.a.request('GET', `/ccaas/1/working-hours/${id}/status`)).body.status;
    };
    expect(await statusAt('2025-03-31T07:30:00Z')).toBe('INSIDE_OF_WORKING_HOURS'); // Monday 09:30 CEST
    expect(await statusAt('2025-03-31T15:30:00Z')).toBe('OUTSIDE_OF_WORKING_HOURS'); // Monday 17:30 CEST
    expect(await statusAt('2025-03-30T01:00:00Z')).toBe('OUTSIDE_OF_WORKING_HOURS'); // skipped 02:30 → 03:00
    expect(await statusAt('2025-10-26T01:30:00Z')).toBe('INSIDE_OF_WORKING_HOURS'); // the second 02:30
    expect(await statusAt('2025-12-25T09:00:00Z')).toBe('OUTSIDE_OF_WORKING_HOURS'); // Christmas, a Thursday
    await api.a.request('PATCH', `/ccaas/1/working-hours/${id}`, { enabled: false });
    expect(await statusAt('2025-12-25T09:00:00Z')).toBe('INSIDE_OF_WORKING_HOURS');
  });

  test('holidays are added (answering the calendar) and removed; unknown ids are 404', async () => {
    const { id } = (await api.a.request('POST', '/ccaas/1/working-hours', zagreb())).body;
    const added = await api.a.request('POST', `/ccaas/1/working-hours/${id}/holiday`, {
      name: 'Easter Monday',
      startDate: '2026-04-06',
    });
    expect(added.status).toBe(200);
    expect(added.body.holidays.map((h: { name: string; endDate: string }) => [h.name, h.endDate])).toEqual([
      ['Christmas', '2025-12-26'],
      ['Easter Monday', '2026-04-06'],
    ]);
    const easter = added.body.holidays[1];
    const badDay = await api.a.request('POST', `/ccaas/1/working-hours/${id}/holiday`, {
      name: 'Nope',
      startDate: '2026-02-30',
    });
    expect(badDay.status).toBe(400);
    expect(serviceException(badDay.body).details.field).toBe('holidays[0].startDate');
    expect((await api.b.request('DELETE', `/ccaas/1/working-hours/${id}/holiday/${easter.id}`)).status).toBe(
      404,
    );

    const removed = await api.a.request('DELETE', `/ccaas/1/working-hours/${id}/holiday/${easter.id}`);
    expect(removed.body).toEqual({ statusCode: 'SUCCESS', message: 'Holiday has been deleted.' });
    const again = await api.a.request('DELETE', `/ccaas/1/working-hours/${id}/holiday/${easter.id}`);
    expect(again.status).toBe(404);
    expect(serviceException(again.body).text).toBe(
      `Invalid holidayId '${easter.id}' given! No such entity exists.`,
    );
  });

  test('DELETE answers Infobip status; every change is one workingHours event', async () => {
    const organizationId = api.a.organization.id;
    const count = () =>
      api.db.prisma.event.count({ where: { organizationId, type: { startsWith: 'workingHours.' } } });
    const before = await count();
    const { id } = (await api.a.request('POST', '/ccaas/1/working-hours', zagreb())).body;
    await api.a.request('PATCH', `/ccaas/1/working-hours/${id}`, { message: 'Back soon' });
    const res = await api.a.request('DELETE', `/ccaas/1/working-hours/${id}`);
    expect(res.body).toEqual({ statusCode: 'SUCCESS', message: 'Working hours has been deleted.' });
    expect((await api.a.request('GET', `/ccaas/1/working-hours/${id}`)).status).toBe(404);
    expect(await count()).toBe(before + 3);
    const types = await api.db.prisma.event.findMany({
      where: { organizationId, type: { startsWith: 'workingHours.' } },
      orderBy: { sequence: 'desc' },
      take: 3,
      select: { type: true },
    });
    expect(types.map((event) => event.type)).toEqual([
      'workingHours.deleted',
      'workingHours.updated',
      'workingHours.created',
    ]);
  });
});
