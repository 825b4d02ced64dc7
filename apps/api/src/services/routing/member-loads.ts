import type { AgentStatus, ConversationStatus, QueueMember } from '@switchboard/core';
import { Prisma } from '@switchboard/db';

interface AgentRow {
  id: string;
  status: AgentStatus;
  capacity: number;
  lastAssignedAt: Date | null;
}

export async function queueMemberIds(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueId: string,
): Promise<string[]> {
  const rows = await tx.queueMember.findMany({
    where: { organizationId, queueId },
    select: { agentId: true },
  });
  return rows.map((row) => row.agentId);
}

/**
 * Locks the agents' rows until the transaction ends. Every path that gives an agent an open
 * conversation takes these locks before counting the agent's load, so two API processes can
 * never both see the same free slot. Rows are locked in id order (ORDER BY runs below the
 * locking step in PostgreSQL), so transactions that lock overlapping sets cannot deadlock.
 */
export async function lockAgentRows(
  tx: Prisma.TransactionClient,
  organizationId: string,
  agentIds: readonly string[],
): Promise<AgentRow[]> {
  if (agentIds.length === 0) return [];
  return tx.$queryRaw<AgentRow[]>`
    SELECT "id", "status"::text AS "status", "capacity", "lastAssignedAt"
    FROM "Agent"
    WHERE "organizationId" = ${organizationId} AND "id" = ANY(${[...new Set(agentIds)]})
    ORDER BY "id"
    FOR UPDATE`;
}

/**
 * A queue's member agents in id order, read in one statement with the membership; with `lock`,
 * their rows are locked as lockAgentRows locks them (same order, same lifetime).
 */
async function queueAgentRows(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueId: string,
  lock: boolean,
): Promise<AgentRow[]> {
  return tx.$queryRaw<AgentRow[]>`
    SELECT a."id", a."status"::text AS "status", a."capacity", a."lastAssignedAt"
    FROM "Agent" a
    JOIN "QueueMember" m ON m."agentId" = a."id"
    WHERE m."organizationId" = ${organizationId} AND m."queueId" = ${queueId}
      AND a."organizationId" = ${organizationId}
    ORDER BY a."id"
    ${lock ? Prisma.sql`FOR UPDATE OF a` : Prisma.empty}`;
}

/** The conversation being (re)assigned, as the transaction holds it: its own load is not counted. */
export interface AssignedConversation {
  agentId: string | null;
  status: ConversationStatus;
}

/**
 * Open (not CLOSED) conversations per agent, leaving out the conversation being (re)assigned.
 * Run it after lockAgentRows and as its own statement: a statement started after the locks were
 * granted sees every assignment committed by the transactions that held them before.
 * The query reads only the (organizationId, agentId, status) index (an index-only scan where
 * pages are all-visible): the conversation being reassigned is subtracted here rather than
 * filtered by id in SQL, which would fetch every counted row from the table while agents wait.
 */
export async function openConversationCounts(
  tx: Prisma.TransactionClient,
  organizationId: string,
  agentIds: readonly string[],
  excluding?: AssignedConversation,
): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ agentId: string; open: number }[]>`
    SELECT "agentId", count(*)::int AS "open"
    FROM "Conversation"
    WHERE "organizationId" = ${organizationId}
      AND "agentId" = ANY(${[...agentIds]})
      AND "status" <> 'CLOSED'
    GROUP BY "agentId"`;
  const counts = new Map(rows.map((row) => [row.agentId, row.open]));
  const own = excluding?.agentId;
  if (own && excluding.status !== 'CLOSED' && counts.has(own)) counts.set(own, (counts.get(own) ?? 1) - 1);
  return counts;
}

/**
 * The queue's members with status, capacity and load as core's chooseAgent wants them. With
 * `lock`, the agent rows are locked first and the counts read after, so they are exact for this
 * transaction.
 */
export async function memberLoads(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueId: string,
  options: { lock: boolean; excluding?: AssignedConversation | undefined },
): Promise<QueueMember[]> {
  const agents = await queueAgentRows(tx, organizationId, queueId, options.lock);
  const counts = await openConversationCounts(
    tx,
    organizationId,
    agents.map((agent) => agent.id),
    options.excluding,
  );
  return agents.map((agent) => ({
    agentId: agent.id,
    status: agent.status,
    capacity: agent.capacity,
    openCount: counts.get(agent.id) ?? 0,
    lastAssignedAt: agent.lastAssignedAt,
  }));
}
