import { type DrainAssignment, freeSlots, planDrain, type WaitingConversation } from '@switchboard/core';
import { Prisma } from '@switchboard/db';
import { switchboardActor } from '../../auth/principal';
import { recordChanges } from '../../events/record-changes';
import { type ConversationRow, conversationInclude } from '../conversations/conversation-row';
import { presentConversation } from '../conversations/conversation-view';
import { memberLoads } from '../routing/member-loads';
import { queueAssignment } from '../routing/queue-assignment';
import { loadSettings } from '../settings/load-settings';

/**
 * One drain step of a queue, in the caller's transaction: lock the members and count their loads
 * (as routing does, so routing and drains in any process wait for each other), take up to
 * `limit` of the queue's waiting conversations (unassigned, OPEN, most urgent then oldest) that
 * no other transaction holds (SKIP LOCKED: one being routed or changed right now is left to
 * that change), let core plan who takes each, and write the assignments, their audit rows and
 * their `conversation.assigned` events in one statement. Answers how many were assigned. A queue
 * that does not auto-assign now (its isAutoAssignmentEnabled, or outside its working hours) is
 * left as it is; the sweep drains it again once its hours open.
 */
export async function drainBatch(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueId: string,
  limit: number,
): Promise<number> {
  const { routing } = await loadSettings(tx, organizationId);
  if (!routing.autoAssign) return 0;
  const now = new Date();
  const queue = await queueAssignment(tx, { organizationId, queueId, strategy: routing.strategy, now });
  if (!queue.assign) return 0;
  const members = await memberLoads(tx, organizationId, queueId, {
    lock: true,
    counted: routing.capacityStatuses,
    heartbeat: { now, lapseMinutes: routing.unavailableAgent.heartbeatLapseMinutes },
  });
  const room = Math.min(freeSlots(members), limit);
  if (room === 0) return 0;
  // The enum's order is LOW < NORMAL < HIGH < URGENT, so DESC is most urgent first (c."priority",
  // the enum column: the output column of that name is text, which sorts alphabetically).
  const waiting = await tx.$queryRaw<WaitingConversation[]>`
    SELECT c."id", c."priority"::text AS "priority", c."createdAt" FROM "Conversation" c
    WHERE c."organizationId" = ${organizationId} AND c."queueId" = ${queueId}
      AND c."agentId" IS NULL AND c."status" = 'OPEN'
    ORDER BY c."priority" DESC, c."createdAt", c."id"
    LIMIT ${room}
    FOR UPDATE SKIP LOCKED`;
  const plan = planDrain(members, waiting, queue.strategy, now);
  if (plan.length === 0) return 0;
  await writeAssignments(tx, organizationId, plan);
  return plan.length;
}

async function writeAssignments(
  tx: Prisma.TransactionClient,
  organizationId: string,
  plan: readonly DrainAssignment[],
): Promise<void> {
  const rows = await tx.conversation.findMany({
    where: { organizationId, id: { in: plan.map((step) => step.conversationId) } },
    include: conversationInclude,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const entries = plan.flatMap((step) => {
    const row = byId.get(step.conversationId);
    if (!row) return [];
    const after: ConversationRow = {
      ...row,
      agentId: step.agentId,
      assignedAt: step.assignedAt,
      updatedAt: step.assignedAt,
      version: row.version + 1,
    };
    return [
      {
        organizationId,
        actor: switchboardActor,
        action: 'conversation.assign',
        entityType: 'conversation',
        entityId: row.id,
        before: presentConversation(row),
        after: presentConversation(after),
      },
    ];
  });
  const conversations = plan.map(
    (step) => Prisma.sql`(${step.conversationId}, ${step.agentId}, ${step.assignedAt}::timestamp(3))`,
  );
  // Each agent's last assignment of the plan: round robin orders by it.
  const latest = new Map(plan.map((step) => [step.agentId, step.assignedAt]));
  const agents = [...latest].map(([agentId, at]) => Prisma.sql`(${agentId}, ${at}::timestamp(3))`);
  await recordChanges(tx, entries, [
    Prisma.sql`"drained" AS (
      UPDATE "Conversation" c
      SET "agentId" = v."agentId", "assignedAt" = v."at", "updatedAt" = v."at", "version" = c."version" + 1
      FROM (VALUES ${Prisma.join(conversations)}) AS v("id", "agentId", "at")
      WHERE c."id" = v."id" AND c."organizationId" = ${organizationId}
      RETURNING c."id"
    )`,
    Prisma.sql`"drained_agents" AS (
      UPDATE "Agent" a SET "lastAssignedAt" = v."at"
      FROM (VALUES ${Prisma.join(agents)}) AS v("id", "at")
      WHERE a."id" = v."id" AND a."organizationId" = ${organizationId}
      RETURNING a."id"
    )`,
  ]);
}
