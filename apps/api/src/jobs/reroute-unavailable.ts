import type { PrismaClient } from '@switchboard/db';
import { observeAuditedChanges } from '../audit/audited-changes';
import { switchboardActor } from '../auth/principal';
import type { Logger } from '../logger';
import { drainQueuesFreedBy } from '../services/drain/drain-queues';
import { rerouteConversation } from '../services/routing/reroute-conversation';
import { loadSettings } from '../services/settings/load-settings';
import type { ScheduledJob } from './scheduler';

// Conversations rerouted per organization per run: a backlog is worked off over a few runs.
const perRun = 500;
// The shortest heartbeat lapse settings allow: agents silent for less are nobody's concern yet.
const minimumLapseMs = 60_000;

/**
 * Unavailable agents (settings routing.unavailableAgent): an OPEN conversation whose agent has
 * been unavailable for longer than the grace period — AWAY or INVISIBLE since before now - grace
 * (`unavailableSince`, written with the status change), or, for an agent that sends heartbeats,
 * silent since before now - grace - lapse — is unassigned and routed again by the normal routing,
 * as Switchboard (rerouteConversation). With action "keep" nothing moves. Each conversation is
 * its own transaction that locks it (SKIP LOCKED: one being changed right now is left to the next
 * run) and re-checks the agent, so an agent back meanwhile keeps it, and two runs at once move a
 * conversation once.
 */
export function rerouteUnavailableAgents(everyMs: number, logger: Logger): ScheduledJob {
  return {
    name: 'reroute-unavailable-agents',
    everyMs,
    async run(prisma: PrismaClient, now: Date) {
      const heartbeatBefore = new Date(now.getTime() - minimumLapseMs);
      const organizations = await prisma.$queryRaw<{ organizationId: string }[]>`
        SELECT DISTINCT a."organizationId" FROM "Agent" a
        WHERE (a."unavailableSince" IS NOT NULL OR a."lastHeartbeatAt" <= ${heartbeatBefore})
          AND EXISTS (SELECT 1 FROM "Conversation" c
                      WHERE c."organizationId" = a."organizationId" AND c."agentId" = a."id"
                        AND c."status" = 'OPEN')`;
      for (const { organizationId } of organizations) {
        // One organization that fails (logged) does not keep the others' customers waiting.
        await rerouteOrganization(prisma, organizationId, now, logger).catch((error: unknown) =>
          logger.warn(
            { err: error, organizationId },
            "rerouting unavailable agents' conversations failed; the next run retries",
          ),
        );
      }
    },
  };
}

async function rerouteOrganization(prisma: PrismaClient, organizationId: string, now: Date, logger: Logger) {
  const { unavailableAgent } = (await loadSettings(prisma, organizationId)).routing;
  if (unavailableAgent.action !== 'reroute') return;
  const awayBefore = new Date(now.getTime() - unavailableAgent.graceMinutes * 60_000);
  const silentBefore = new Date(awayBefore.getTime() - unavailableAgent.heartbeatLapseMinutes * 60_000);
  const due = await prisma.$queryRaw<{ id: string; agentId: string }[]>`
    SELECT c."id", c."agentId" FROM "Conversation" c
    JOIN "Agent" a ON a."id" = c."agentId" AND a."organizationId" = c."organizationId"
    WHERE c."organizationId" = ${organizationId} AND c."status" = 'OPEN'
      AND (a."unavailableSince" <= ${awayBefore} OR a."lastHeartbeatAt" <= ${silentBefore})
    ORDER BY c."updatedAt", c."id"
    LIMIT ${perRun}`;
  const ctx = {
    organizationId,
    actor: switchboardActor,
    requestId: `reroute-unavailable ${now.toISOString()}`,
    now: () => now,
  };
  const { changes } = await observeAuditedChanges(async () => {
    for (const { id, agentId } of due) {
      await prisma.$transaction(async (tx) => {
        const [still] = await tx.$queryRaw<{ id: string }[]>`
          SELECT c."id" FROM "Conversation" c
          WHERE c."id" = ${id} AND c."organizationId" = ${organizationId}
            AND c."status" = 'OPEN' AND c."agentId" = ${agentId}
            AND EXISTS (SELECT 1 FROM "Agent" a
                        WHERE a."id" = ${agentId} AND a."organizationId" = ${organizationId}
                          AND (a."unavailableSince" <= ${awayBefore} OR a."lastHeartbeatAt" <= ${silentBefore}))
          FOR UPDATE SKIP LOCKED`;
        if (!still) return;
        await rerouteConversation(tx, ctx, id);
      });
    }
  });
  // The unassignments may leave conversations waiting where someone else has room.
  await drainQueuesFreedBy(prisma, changes, logger);
}
