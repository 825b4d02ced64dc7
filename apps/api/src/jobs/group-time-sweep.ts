import type { PrismaClient } from '@switchboard/db';
import { clockReading, sweepGroupWindow } from '../events/group-time-window';
import type { Logger } from '../logger';
import type { ScheduledJob } from './scheduler';

/** Conversations announced per group per run; a bigger window is continued by the next runs. */
export const defaultMaxRowsPerGroup = 1000;

/**
 * group.entered / group.left caused by the passage of time alone: a group `status==OPEN;
 * createdAt<now-4h` gains a conversation four hours after it was created, with no change to it.
 * Every run (GROUP_SWEEP_INTERVAL_MS, the documented granularity) sweeps each group whose
 * criteria compare an instant with `now` from its clock to the run's `now`, one transaction and
 * one query of conversations per group (events/group-time-window.ts); other groups are not read.
 */
export function groupTimeSweep(
  everyMs: number,
  logger: Logger,
  options: { maxRowsPerGroup?: number } = {},
): ScheduledJob {
  const maxRows = options.maxRowsPerGroup ?? defaultMaxRowsPerGroup;
  return {
    name: 'group-time-sweep',
    everyMs,
    async run(prisma: PrismaClient, now: Date) {
      // A relative instant reads `now` once unquoted (`"n\ow"` too), so its text has n, o and w in
      // that order: the filter only narrows what is parsed here.
      const candidates = await prisma.$queryRaw<{ id: string; organizationId: string; criteria: string }[]>`
        SELECT "id", "organizationId", "criteria" FROM "ConversationGroup"
        WHERE "criteria" LIKE '%n%o%w%' ORDER BY "organizationId", "id"`;
      for (const group of candidates) {
        if (!clockReading(group.criteria)) continue;
        // One group that fails (logged) leaves its window for the next run and the others go on.
        await sweepGroupWindow(prisma, group, now, maxRows).catch((error: unknown) =>
          logger.warn(
            { err: error, organizationId: group.organizationId, groupId: group.id },
            'sweeping a group for time-driven membership failed; the next run retries',
          ),
        );
      }
    },
  };
}
