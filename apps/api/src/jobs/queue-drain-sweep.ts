import type { PrismaClient } from '@switchboard/db';
import type { Logger } from '../logger';
import { drainQueue } from '../services/drain/drain-queues';
import type { ScheduledJob } from './scheduler';

/**
 * The safety net of the queue drain: every queue, of every organization, that auto-assigns and has
 * a waiting conversation (OPEN, unassigned) is drained. A change drains its own queues before
 * answering; this catches what a crash between commit and drain, or a failed drain, left behind,
 * and the queues that do not auto-assign outside working hours once their calendar opens.
 */
export function queueDrainSweep(everyMs: number, logger: Logger): ScheduledJob {
  return {
    name: 'queue-drain-sweep',
    everyMs,
    async run(prisma: PrismaClient) {
      const queues = await prisma.$queryRaw<{ organizationId: string; queueId: string }[]>`
        SELECT DISTINCT c."organizationId", c."queueId" FROM "Conversation" c
        JOIN "Queue" q ON q."id" = c."queueId"
        WHERE c."status" = 'OPEN' AND c."agentId" IS NULL AND q."isAutoAssignmentEnabled"`;
      for (const { organizationId, queueId } of queues) {
        // One queue that fails (logged) does not keep the others waiting until the next run.
        await drainQueue(prisma, organizationId, queueId).catch((error: unknown) =>
          logger.warn(
            { err: error, organizationId, queueId },
            'draining a queue failed; the next sweep retries',
          ),
        );
      }
    },
  };
}
