import { resolveSettings } from '@switchboard/core';
import type { PrismaClient } from '@switchboard/db';
import { observeAuditedChanges } from '../audit/audited-changes';
import { switchboardActor } from '../auth/principal';
import type { Logger } from '../logger';
import { applyConversationChange } from '../services/conversations/apply-change';
import { drainQueuesFreedBy } from '../services/drain/drain-queues';
import type { ScheduledJob } from './scheduler';

// Conversations closed per organization per run: a backlog is worked off over a few runs.
const perRun = 500;

/**
 * Auto-close (settings lifecycle.autoCloseSolvedAfterMinutes): a SOLVED conversation not updated
 * for that long is closed through the one write path of every status change, so it is audited
 * and evented (`conversation.closed`, actor Switchboard) like a close by hand, and the queues it
 * frees capacity in are drained. Each close is its own transaction that locks the conversation
 * and re-checks it, so a conversation reopened or changed meanwhile stays as it is.
 */
export function autoCloseSolved(everyMs: number, logger: Logger): ScheduledJob {
  return {
    name: 'auto-close-solved',
    everyMs,
    async run(prisma: PrismaClient, now: Date) {
      const organizations = await prisma.$queryRaw<{ organizationId: string; document: unknown }[]>`
        SELECT "organizationId", "document" FROM "Settings"
        WHERE jsonb_typeof("document" -> 'lifecycle' -> 'autoCloseSolvedAfterMinutes') = 'number'`;
      for (const { organizationId, document } of organizations) {
        const minutes = resolveSettings(document).lifecycle.autoCloseSolvedAfterMinutes;
        if (minutes === null) continue;
        const cutoff = new Date(now.getTime() - minutes * 60_000);
        await closeSolved(
          prisma,
          { organizationId, cutoff, requestId: `auto-close ${now.toISOString()}` },
          logger,
        );
      }
    },
  };
}

async function closeSolved(
  prisma: PrismaClient,
  run: { organizationId: string; cutoff: Date; requestId: string },
  logger: Logger,
) {
  const { organizationId, cutoff } = run;
  const due = await prisma.conversation.findMany({
    where: { organizationId, status: 'SOLVED', updatedAt: { lt: cutoff } },
    select: { id: true },
    orderBy: { updatedAt: 'asc' },
    take: perRun,
  });
  const ctx = { organizationId, actor: switchboardActor, requestId: run.requestId };
  const { changes } = await observeAuditedChanges(async () => {
    for (const { id } of due) {
      await prisma.$transaction(async (tx) => {
        const [still] = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Conversation"
          WHERE "id" = ${id} AND "organizationId" = ${organizationId}
            AND "status" = 'SOLVED' AND "updatedAt" < ${cutoff}
          FOR UPDATE SKIP LOCKED`;
        if (!still) return;
        await applyConversationChange(tx, ctx, {
          conversationId: id,
          action: 'conversation.status',
          patch: { status: 'CLOSED' },
        });
      });
    }
  });
  await drainQueuesFreedBy(prisma, changes, logger);
}
