import type { PrismaClient } from '@switchboard/db';
import type { Logger } from '../logger';
import { claimRun } from './claim-run';

export interface ScheduledJob {
  name: string;
  /** How often the job runs, across all processes together. */
  everyMs: number;
  run(prisma: PrismaClient, now: Date): Promise<void>;
}

export interface Scheduler {
  /** Stops claiming runs and waits for the one in progress. */
  stop(): Promise<void>;
}

/**
 * Runs scheduled jobs from this process: every `tickMs` it asks the database whether a job's run
 * is due and claims it (claimRun), so each run happens in one process of all that share the
 * database. Jobs run one after another; a failed run is logged and the next one tries again.
 */
export function startScheduler(
  prisma: PrismaClient,
  jobs: readonly ScheduledJob[],
  options: { tickMs: number; logger: Logger },
): Scheduler {
  let stopped = false;
  let running: Promise<void> | null = null;

  const tick = async () => {
    for (const job of jobs) {
      if (stopped) return;
      try {
        const now = new Date();
        if (await claimRun(prisma, job, now)) await job.run(prisma, now);
      } catch (error) {
        if (!stopped)
          options.logger.error(
            { err: error, job: job.name },
            'scheduled job failed; it runs again next time',
          );
      }
    }
  };
  const wake = () => {
    if (running || stopped) return;
    running = tick().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(wake, options.tickMs);
  timer.unref();
  wake();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
