/**
 * Strict ISO-8601 instants (the RFC 3339 profile): a full date, a time and an offset, e.g.
 * `2024-05-01T09:30:00Z`, `2024-05-01T09:30:00.250+02:00`, `2024-05-01T09:30Z`.
 * A date without time or offset is refused rather than guessed (which time zone would it be?).
 * Instants are kept to the millisecond, the precision of JS `Date` and of the database columns:
 * more fraction digits are accepted only when they are zeros, so nothing is silently rounded.
 */
const instantPattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Supported range, so the canonical form always has the four-digit year the database accepts. */
const utc = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which maps years 0–99 to 1900–1999
  return date.setUTCHours(hour, minute, second, ms);
};
const minMs = utc(1, 1, 1);
const maxMs = utc(9999, 12, 31, 23, 59, 59, 999);

const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (monthDays[month - 1] ?? 0);

export type InstantResult = { ok: true; ms: number; canonical: string } | { ok: false; reason: string };

export const parseInstant = (text: string): InstantResult => {
  const match = instantPattern.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? 'a date alone is not an instant; add a time and an offset, e.g. 2024-01-31T00:00:00Z'
        : 'expected an ISO-8601 instant such as 2024-01-31T09:30:00Z or 2024-01-31T09:30:00.250+02:00',
    };
  }
  const part = (index: number): number => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const fraction = match[7] ?? '';
  const offsetMinutes = match[8] ? 0 : (match[9] === '-' ? -1 : 1) * (part(10) * 60 + part(11));
  if (fraction.length > 3 && /[^0]/.test(fraction.slice(3))) {
    return { ok: false, reason: 'instants have millisecond precision (at most 3 non-zero fraction digits)' };
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: 'no such date' };
  }
  if (hour > 23 || minute > 59 || second > 59 || part(10) > 23 || part(11) > 59) {
    return { ok: false, reason: 'no such time (hours 00–23, minutes and seconds 00–59)' };
  }
  const local = utc(year, month, day, hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const ms = local - offsetMinutes * 60_000;
  if (ms < minMs || ms > maxMs) {
    return {
      ok: false,
      reason: 'instants must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z',
    };
  }
  return { ok: true, ms, canonical: new Date(ms).toISOString() };
};
