import type { Prisma } from '@switchboard/db';
import { type AuditEntry, auditInsertSql } from '../../audit/record-audit';

export interface RoutingWrite {
  conversationId: string;
  queueId: string | null;
  agentId: string | null;
  now: Date;
  /** In the order history should list them (e.g. create, route, assign). */
  events: readonly AuditEntry[];
}

/**
 * Everything routing writes once core has chosen, as ONE statement: the conversation (queue,
 * agent, assignedAt, updatedAt, version + 1), the chosen agent's lastAssignedAt (round robin
 * orders by it) and the audit events. It runs while the queue members' rows are locked, and every
 * other routing transaction on an overlapping queue waits for those locks until commit, so each
 * extra round trip here is paid by all of them (before, four Prisma calls here, a separate count
 * and a read-back held the locks over seven round trips; bench/README.md, scenario 3).
 */
export async function writeRouting(tx: Prisma.TransactionClient, write: RoutingWrite): Promise<void> {
  const { conversationId, queueId, agentId, now } = write;
  await tx.$executeRaw`
    WITH "conversation" AS (
      UPDATE "Conversation"
      SET "queueId" = ${queueId}, "agentId" = ${agentId}, "assignedAt" = ${agentId ? now : null},
          "updatedAt" = ${now}, "version" = "version" + 1
      WHERE "id" = ${conversationId}
    ), "agent" AS (
      UPDATE "Agent" SET "lastAssignedAt" = ${now} WHERE "id" = ${agentId}
    )
    ${auditInsertSql(write.events, now)}`;
}
