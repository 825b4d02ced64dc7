import { describe, expect, test } from 'vitest';
import type { WorkingHoursCalendar } from './calendar';
import { checkCalendar, isKnownTimeZone } from './check-calendar';
import { isWithinWorkingHours } from './within';

const nineToFive = [{ start: 9 * 60, end: 17 * 60 }];
const office = (timeZone: string, holidays: WorkingHoursCalendar['holidays'] = []): WorkingHoursCalendar => ({
  timeZone,
  week: {
    MONDAY: nineToFive,
    TUESDAY: nineToFive,
    WEDNESDAY: nineToFive,
    THURSDAY: nineToFive,
    FRIDAY: nineToFive,
    SATURDAY: [],
    SUNDAY: [
      { start: 0, end: 60 },
      { start: 2 * 60 + 30, end: 3 * 60 },
    ],
  },
  holidays,
});

const zagreb = office('Europe/Zagreb', [
  { startDate: '2025-12-25', endDate: '2025-12-26', enabled: true },
  { startDate: '2025-12-31', endDate: '2025-12-31', enabled: false },
]);
const newYork = office('America/New_York');

// Title: the instant and what the office wall clock reads then.
const cases: [string, WorkingHoursCalendar, string, boolean][] = [
  ['Friday 09:00 CET (winter, UTC+1)', zagreb, '2025-03-28T08:00:00Z', true],
  ['Friday 08:59 CET', zagreb, '2025-03-28T07:59:00Z', false],
  ['Friday 17:00 CET: the end is exclusive', zagreb, '2025-03-28T16:00:00Z', false],
  ['Saturday 10:00: a day without intervals', zagreb, '2025-03-29T09:00:00Z', false],
  // 30 March 2025: Zagreb moves from 02:00 CET to 03:00 CEST.
  ['Sunday 00:30 CET before the change', zagreb, '2025-03-29T23:30:00Z', true],
  ['Sunday 01:59 CET, just before the skipped hour', zagreb, '2025-03-30T00:59:00Z', false],
  ['Sunday 03:00 CEST: 02:30–03:00 never happened that night', zagreb, '2025-03-30T01:00:00Z', false],
  ['Monday 09:30 CEST (a fixed UTC+1 would say 08:30)', zagreb, '2025-03-31T07:30:00Z', true],
  ['Monday 17:30 CEST (a fixed UTC+1 would say 16:30)', zagreb, '2025-03-31T15:30:00Z', false],
  // 26 October 2025: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice, both in hours.
  ['Sunday 02:30 CEST, the first time', zagreb, '2025-10-26T00:30:00Z', true],
  ['Sunday 02:30 CET, the second time', zagreb, '2025-10-26T01:30:00Z', true],
  ['Sunday 03:00 CET', zagreb, '2025-10-26T02:00:00Z', false],
  ['Monday 09:00 CET after the change', zagreb, '2025-10-27T08:00:00Z', true],
  // Holidays are local days.
  ['Thursday 25 December 10:00: an enabled holiday', zagreb, '2025-12-25T09:00:00Z', false],
  ['Friday 26 December 10:00: the holiday includes its end day', zagreb, '2025-12-26T09:00:00Z', false],
  ['Wednesday 24 December 16:30: the day before', zagreb, '2025-12-24T15:30:00Z', true],
  ['Wednesday 31 December 10:00: a disabled holiday', zagreb, '2025-12-31T09:00:00Z', true],
  // New York: the same instant is another weekday and minute.
  ['New York Monday 09:00 EDT is 13:00 UTC', newYork, '2025-03-31T13:00:00Z', true],
  ['New York Monday 08:00 EDT', newYork, '2025-03-31T12:00:00Z', false],
  ['New York Sunday 23:30 EST is Monday in UTC', newYork, '2025-12-01T04:30:00Z', false],
];

describe('isWithinWorkingHours', () => {
  test.each(cases)('%s', (_title, calendar, instant, expected) => {
    expect(isWithinWorkingHours(calendar, new Date(instant))).toBe(expected);
  });
});

const paths = {
  timeZone: 'timezone',
  day: (day: string, index: number) => `workWeek.${day}[${index}]`,
  holiday: (index: number) => `holidays[${index}]`,
};

describe('checkCalendar', () => {
  test('a valid calendar passes', () => {
    expect(() => checkCalendar(zagreb, paths)).not.toThrow();
  });

  test.each([
    ['Europe/Zagreb', true],
    ['Etc/UTC', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Mars/Olympus', false],
    ['+01:00', false],
    ['', false],
  ])('time zone %s known: %s', (name, known) => {
    expect(isKnownTimeZone(name)).toBe(known);
  });

  const refused: [string, WorkingHoursCalendar, RegExp][] = [
    [
      'unknown time zone',
      { ...zagreb, timeZone: 'Europe/Atlantis' },
      /^timezone: unknown time zone "Europe\/Atlantis"/,
    ],
    [
      'empty interval',
      { ...zagreb, week: { ...zagreb.week, MONDAY: [{ start: 600, end: 600 }] } },
      /^workWeek\.MONDAY\[0\]: endTime \(600\) must be after startTime \(600\)/,
    ],
    [
      'overlapping intervals',
      {
        ...zagreb,
        week: {
          ...zagreb.week,
          TUESDAY: [
            { start: 600, end: 800 },
            { start: 500, end: 601 },
          ],
        },
      },
      /^workWeek\.TUESDAY\[0\]: overlaps another interval of TUESDAY \(500–601\)/,
    ],
    [
      'an interval past midnight',
      { ...zagreb, week: { ...zagreb.week, FRIDAY: [{ start: 600, end: 1441 }] } },
      /^workWeek\.FRIDAY\[0\]: times are whole minutes from 0 to 1440/,
    ],
    [
      'a holiday ending before it starts',
      { ...zagreb, holidays: [{ startDate: '2025-01-02', endDate: '2025-01-01', enabled: true }] },
      /^holidays\[0\]\.endDate: must be on or after startDate/,
    ],
    [
      'a day that does not exist',
      { ...zagreb, holidays: [{ startDate: '2025-02-30', endDate: '2025-03-01', enabled: true }] },
      /^holidays\[0\]\.startDate: write a day as yyyy-MM-dd/,
    ],
  ];
  test.each(refused)('%s is refused, naming the field', (_title, calendar, message) => {
    expect(() => checkCalendar(calendar, paths)).toThrow(message);
  });
});
