import type { Priority } from '@switchboard/core';
import { Prisma } from '@switchboard/db';
import type { AuditEntry } from '../../audit/record-audit';
import { recordChanges } from '../../events/record-changes';

export interface RoutingWrite {
  conversationId: string;
  queueId: string | null;
  agentId: string | null;
  /** The priority the matched rule gives; null keeps the conversation's. */
  priority: Priority | null;
  now: Date;
  /** In the order history should list them (e.g. create, route, assign). */
  events: readonly AuditEntry[];
  /** The write is the transaction's last statement and commits it (recordChanges). */
  commits?: boolean | undefined;
}

/**
 * Everything routing writes once core has chosen, as ONE statement: the conversation (queue,
 * agent, assignedAt, updatedAt, version + 1), the chosen agent's lastAssignedAt (round robin
 * orders by it), the audit events and the events they yield (recordChanges). It runs while the
 * queue members' rows are locked, and every other routing transaction on an overlapping queue
 * waits for those locks until commit, so each extra round trip here is paid by all of them
 * (before, four Prisma calls here, a separate count and a read-back held the locks over seven
 * round trips; bench/README.md, scenario 3). With `commits` the same statement also commits.
 */
export async function writeRouting(tx: Prisma.TransactionClient, write: RoutingWrite): Promise<void> {
  const { conversationId, queueId, agentId, priority, now, commits } = write;
  await recordChanges(
    tx,
    write.events,
    [
      Prisma.sql`"conversation" AS (
      UPDATE "Conversation"
      SET "queueId" = ${queueId}, "agentId" = ${agentId}, "assignedAt" = ${agentId ? now : null},
          "priority" = COALESCE(${priority}::"Priority", "priority"),
          "updatedAt" = ${now}, "version" = "version" + 1
      WHERE "id" = ${conversationId}
      RETURNING "id"
    )`,
      Prisma.sql`"agent" AS (
      UPDATE "Agent" SET "lastAssignedAt" = ${now} WHERE "id" = ${agentId}
      RETURNING "id"
    )`,
    ],
    { commits },
  );
}
