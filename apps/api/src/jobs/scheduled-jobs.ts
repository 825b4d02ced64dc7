import type { DatabaseKind } from '@switchboard/db';
import type { Env } from '../env';
import type { Logger } from '../logger';
import { autoCloseSolved } from './auto-close';
import { embeddedVacuum } from './embedded-vacuum';
import { groupTimeSweep } from './group-time-sweep';
import { queueDrainSweep } from './queue-drain-sweep';
import { rerouteUnavailableAgents } from './reroute-unavailable';
import { routeWhenHoursOpen } from './route-when-hours-open';
import type { ScheduledJob } from './scheduler';

type JobIntervals = Pick<Env, 'SCHEDULED_JOBS_INTERVAL_MS' | 'GROUP_SWEEP_INTERVAL_MS'>;

/** The jobs an API process schedules (./scheduler) on a database of this kind. */
export function scheduledJobs(env: JobIntervals, kind: DatabaseKind, logger: Logger): ScheduledJob[] {
  const every = env.SCHEDULED_JOBS_INTERVAL_MS;
  return [
    queueDrainSweep(every, logger),
    autoCloseSolved(every, logger),
    groupTimeSweep(env.GROUP_SWEEP_INTERVAL_MS, logger),
    rerouteUnavailableAgents(every, logger),
    routeWhenHoursOpen(every, logger),
    // PostgreSQL vacuums itself; the embedded database has no autovacuum (./embedded-vacuum).
    ...(kind === 'pglite' ? [embeddedVacuum(logger)] : []),
  ];
}

/** How often the scheduler asks whether a job is due: often enough for the most frequent. */
export const schedulerTickMs = (env: JobIntervals): number =>
  Math.min(env.SCHEDULED_JOBS_INTERVAL_MS, env.GROUP_SWEEP_INTERVAL_MS, 5_000);
