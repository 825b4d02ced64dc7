import { parseInstant } from './instant';

/**
 * Relative instants: `now`, `now-<duration>`, `now+<duration>`, evaluated against a clock that
 * is an input of every evaluation (README.md, "Relative instants"). A duration is either
 * - ISO 8601 with fixed-length units only: `P1D`, `PT4H`, `P1DT12H`, `PT90M`, `P2W`, `PT30S`
 *   (years and months have no fixed length, so they are refused: write days), or
 * - the short form, one whole number and a unit: `30m`, `4h`, `7d`.
 * The canonical form is ISO: `now-4h` prints as `now-PT4H`, `now-P1D` stays `now-P1D`.
 */
export type RelativeResult =
  | { ok: true; offsetMs: number; canonical: string }
  | { ok: false; reason: string; at: number };

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
/** About a thousand years either way keeps `now ± duration` inside the instants the database holds. */
const maxOffsetMs = 365_000 * day;

const short = /^(\d{1,9})([mhd])$/;
const shortUnits: Record<string, number> = { m: minute, h: hour, d: day };
const iso = /^P(?:(\d{1,9})W)?(?:(\d{1,9})D)?(?:T(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,9})S)?)?$/;

export const isRelativeInstant = (text: string): boolean => /^now(?![a-zA-Z0-9_])/i.test(text);

export const parseRelativeInstant = (text: string): RelativeResult => {
  if (!text.startsWith('now')) {
    return { ok: false, at: 0, reason: 'relative instants are written in lower case: now, now-4h, now-P1D' };
  }
  if (text === 'now') return { ok: true, offsetMs: 0, canonical: 'now' };
  const sign = text[3];
  if (sign !== '-' && sign !== '+') {
    return { ok: false, at: 3, reason: 'expected - or + after now, e.g. now-4h or now+P1D' };
  }
  const duration = parseDuration(text.slice(4));
  if (!duration.ok) return { ok: false, at: 4 + duration.at, reason: duration.reason };
  if (duration.ms === 0) return { ok: true, offsetMs: 0, canonical: 'now' };
  const offsetMs = sign === '-' ? -duration.ms : duration.ms;
  return { ok: true, offsetMs, canonical: `now${sign}${isoDuration(duration.ms)}` };
};

type DurationResult = { ok: true; ms: number } | { ok: false; reason: string; at: number };

const parseDuration = (text: string): DurationResult => {
  const hint = 'expected a duration such as 4h, 30m, 7d, PT4H or P1DT12H';
  if (text === '') return { ok: false, at: 0, reason: hint };
  const shortMatch = short.exec(text);
  let ms: number;
  if (shortMatch) {
    ms = Number(shortMatch[1]) * (shortUnits[shortMatch[2] ?? ''] ?? 0);
  } else if (text.startsWith('P')) {
    const yearOrMonth = /^P(?:\d+Y|\d+M|\d+Y\d+M)/.exec(text);
    if (yearOrMonth) {
      return {
        ok: false,
        at: 1,
        reason: 'years and months have no fixed length; write days instead, e.g. P30D',
      };
    }
    const match = iso.exec(text);
    if (!match || text === 'P' || text.endsWith('T')) return { ok: false, at: badIsoAt(text), reason: hint };
    const n = (i: number) => Number(match[i] ?? 0);
    ms = n(1) * 7 * day + n(2) * day + n(3) * hour + n(4) * minute + n(5) * 1000;
  } else {
    const unit = /^\d+([a-zA-Z])/.exec(text);
    return unit
      ? {
          ok: false,
          at: unit[0].length - 1,
          reason: `unknown unit "${unit[1]}": use m, h or d (or ISO 8601, e.g. PT4H)`,
        }
      : { ok: false, at: 0, reason: hint };
  }
  if (ms > maxOffsetMs) return { ok: false, at: 0, reason: 'durations are limited to 365000 days' };
  return { ok: true, ms };
};

/** Where an ISO duration stops making sense: the first character the grammar cannot take. */
const badIsoAt = (text: string): number => {
  for (let length = text.length; length > 1; length--) {
    if (/^P(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?\d*$/.test(text.slice(0, length)))
      return length;
  }
  return 1;
};

/** Milliseconds as the canonical ISO 8601 duration: days, then hours, minutes and seconds. */
const isoDuration = (ms: number): string => {
  const days = Math.floor(ms / day);
  const rest = ms - days * day;
  const [h, m, s] = [Math.floor(rest / hour), Math.floor((rest % hour) / minute), (rest % minute) / 1000];
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
};

/**
 * An instant value of a criteria AST as epoch milliseconds at the clock's `nowMs`: absolute ones
 * as written, relative ones against the clock. NaN for a value that is neither (only a
 * hand-built AST has one), which every comparison treats as matching nothing. The in-memory
 * predicate and the SQL compiler both resolve through here, so they agree for any clock.
 */
export const instantAt = (value: string, nowMs: number): number => {
  if (isRelativeInstant(value)) {
    const relative = parseRelativeInstant(value);
    return relative.ok ? nowMs + relative.offsetMs : Number.NaN;
  }
  const instant = parseInstant(value);
  return instant.ok ? instant.ms : Number.NaN;
};
