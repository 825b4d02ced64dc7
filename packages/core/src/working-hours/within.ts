import { type Weekday, type WorkingHoursCalendar, weekdays } from './calendar';

// One formatter per time zone: building one is the expensive part of Intl.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'long',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The wall clock in `timeZone` at `instant`: its day, weekday and minute of the day. */
export const localTime = (
  timeZone: string,
  instant: Date,
): { date: string; weekday: Weekday; minuteOfDay: number } => {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const weekday = weekdays.find((day) => day === parts.weekday?.toUpperCase());
  if (!weekday) throw new Error(`Intl gave no weekday for ${timeZone}`);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
};

/**
 * Whether `instant` falls in working time: not on an enabled holiday, and inside one of the
 * weekday's intervals, both read on the calendar's local wall clock. The time zone's rules
 * (DST included) come from the runtime's ICU data via Intl: on the spring-forward day the
 * skipped hour never occurs, and on the fall-back day the repeated hour counts twice, exactly as
 * a clock on the office wall reads.
 */
export const isWithinWorkingHours = (calendar: WorkingHoursCalendar, instant: Date): boolean => {
  const { date, weekday, minuteOfDay } = localTime(calendar.timeZone, instant);
  const onHoliday = calendar.holidays.some(
    (holiday) => holiday.enabled && holiday.startDate <= date && date <= holiday.endDate,
  );
  if (onHoliday) return false;
  return calendar.week[weekday].some(
    (interval) => interval.start <= minuteOfDay && minuteOfDay < interval.end,
  );
};
