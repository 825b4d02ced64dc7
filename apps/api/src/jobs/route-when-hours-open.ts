import { Prisma, type PrismaClient } from '@switchboard/db';
import { switchboardActor } from '../auth/principal';
import type { Logger } from '../logger';
import type { AuditingContext } from '../services/conversations/conversation-audit';
import { loadFacts } from '../services/conversations/conversation-row';
import { decideQueue } from '../services/routing/decide-queue';
import { lockConversation } from '../services/routing/lock-conversation';
import { routeHeldConversation } from '../services/routing/route-conversation';
import { loadRoutingSetup } from '../services/routing/routing-setup';
import { workingTimeOfQueues } from '../services/working-hours/calendar-of';
import type { ScheduledJob } from './scheduler';

// Waiting conversations read per page; each is then routed in its own short transaction.
const pageSize = 100;

/**
 * Working hours open: a conversation that arrived while a rule's queue's calendar (its own, else
 * the default one) was closed skipped the rules marked routeOnlyDuringWorkingHours, so it waits
 * unqueued or in the default queue. While one of those calendars is open, every waiting
 * conversation (OPEN, no agent) of an organization with such a rule that is not already in one of
 * their queues is decided again; those a working-hours rule now takes are routed (and assigned
 * when someone has room), as Switchboard, exactly as routing would have routed them in hours. Each is its own transaction that locks the conversation (SKIP LOCKED:
 * one being changed right now is left to that change) and re-checks it, so two runs at once route
 * a conversation once, and one routed meanwhile (now in the rule's queue, or assigned) is left.
 */
export function routeWhenHoursOpen(everyMs: number, logger: Logger): ScheduledJob {
  return {
    name: 'route-when-hours-open',
    everyMs,
    async run(prisma: PrismaClient, now: Date) {
      // Organizations with a working-hours rule whose queue follows an enabled calendar.
      const organizations = await prisma.$queryRaw<{ organizationId: string }[]>`
        SELECT DISTINCT r."organizationId" FROM "Route" r JOIN "Queue" q ON q."id" = r."queueId"
        WHERE r."enabled" AND r."routeOnlyDuringWorkingHours"
          AND EXISTS (SELECT 1 FROM "WorkingHours" w
                      WHERE w."organizationId" = r."organizationId" AND w."enabled"
                        AND (w."id" = q."workingHoursId" OR (q."workingHoursId" IS NULL AND w."isDefault")))`;
      for (const { organizationId } of organizations) {
        await routeWaiting(prisma, organizationId, now).catch((error: unknown) =>
          logger.warn(
            { err: error, organizationId },
            'routing conversations waiting for working hours failed; the next run retries',
          ),
        );
      }
    },
  };
}

async function routeWaiting(prisma: PrismaClient, organizationId: string, now: Date): Promise<void> {
  const hoursRoutes = await prisma.route.findMany({
    where: { organizationId, enabled: true, routeOnlyDuringWorkingHours: true },
    select: { id: true, queueId: true },
  });
  const routeIds = new Set(hoursRoutes.map((route) => route.id));
  const queueIds = [...new Set(hoursRoutes.map((route) => route.queueId))];
  const open = await workingTimeOfQueues(prisma, organizationId, queueIds, now);
  if (!queueIds.some(open)) return;
  const ctx = {
    organizationId,
    actor: switchboardActor,
    requestId: `route-when-hours-open ${now.toISOString()}`,
    now: () => now,
  };
  // Keyset pages over the waiting conversations, oldest first; each page is a bounded read.
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: { id: string; createdAt: Date }[] = await prisma.$queryRaw`
      SELECT c."id", c."createdAt" FROM "Conversation" c
      WHERE c."organizationId" = ${organizationId} AND c."status" = 'OPEN' AND c."agentId" IS NULL
        AND (c."queueId" IS NULL OR NOT (c."queueId" = ANY(${queueIds})))
        ${after ? Prisma.sql`AND (c."createdAt", c."id") > (${after.createdAt}, ${after.id})` : Prisma.empty}
      ORDER BY c."createdAt", c."id"
      LIMIT ${pageSize}`;
    for (const { id } of page) {
      await prisma.$transaction((tx) => routeIfHoursRuleTakes(tx, ctx, id, routeIds));
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last;
  }
}

async function routeIfHoursRuleTakes(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext & { now: () => Date },
  conversationId: string,
  routeIds: ReadonlySet<string>,
): Promise<void> {
  const { organizationId } = ctx;
  const [free] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Conversation"
    WHERE "id" = ${conversationId} AND "organizationId" = ${organizationId}
      AND "status" = 'OPEN' AND "agentId" IS NULL
    FOR UPDATE SKIP LOCKED`;
  if (!free) return;
  const row = await lockConversation(tx, organizationId, conversationId);
  const facts = await loadFacts(tx, row);
  const setup = await loadRoutingSetup(tx, organizationId);
  const decision = await decideQueue(tx, organizationId, facts, setup, ctx.now());
  if (!decision.routeId || !routeIds.has(decision.routeId) || decision.queueId === row.queueId) return;
  await routeHeldConversation(tx, ctx, { row, facts, ...setup, assign: true });
}
