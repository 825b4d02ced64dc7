import {
  type AgentStatus,
  type CapacityStatus,
  type ConversationStatus,
  capacityStatuses,
  heartbeatLapsed,
  type QueueMember,
} from '@switchboard/core';
import { Prisma, prepared } from '@switchboard/db';

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
  return tx.$queryRaw<AgentRow[]>(
    prepared(Prisma.sql`
    SELECT "id", "status"::text AS "status", "capacity", "lastAssignedAt"
    FROM "Agent"
    WHERE "organizationId" = ${organizationId} AND "id" = ANY(${[...new Set(agentIds)]})
    ORDER BY "id"
    FOR UPDATE`),
  );
}

/** The conversation being (re)assigned, as the transaction holds it: its own load is not counted. */
export interface AssignedConversation {
  agentId: string | null;
  status: ConversationStatus;
}

/**
 * Conversations per agent whose status counts toward capacity (settings
 * routing.capacityStatuses). Run it after lockAgentRows and as its own
 * statement: a statement started after the locks were granted sees every assignment committed by
 * the transactions that held them before. Counts read only the (organizationId, agentId, status)
 * index (index-only where pages are all-visible), and in it only the counted statuses: compared as
 * the enum, they are part of the index condition (as text they were a filter over every one of the
 * agent's conversations, CLOSED ones included); a conversation that must not count against its
 * own agent is subtracted by the caller (ownLoad), not filtered by id, which would fetch every
 * counted row from the table while the agents are locked. One count per agent (a lookup by the
 * index's leading columns): over all the agents at once, the planner may read the statuses as a
 * filter again.
 */
export async function openConversationCounts(
  tx: Prisma.TransactionClient,
  organizationId: string,
  agentIds: readonly string[],
  counted: readonly CapacityStatus[],
): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ agentId: string; open: number }[]>(
    prepared(Prisma.sql`
    SELECT a."agentId",
      (SELECT count(*)::int FROM "Conversation" c
       WHERE c."organizationId" = ${organizationId} AND c."agentId" = a."agentId"
         AND c."status" = ANY(${countedStatuses(counted)})) AS "open"
    FROM unnest(${[...agentIds]}::text[]) AS a("agentId")`),
  );
  return new Map(rows.map((row) => [row.agentId, row.open]));
}

/**
 * The counted statuses as a constant of the enum's array type, which the index condition takes.
 * A parameter sent as text and cast in the query was a filter over every one of the agent's
 * conversations instead. Only capacity statuses are written into the text (settings allow
 * nothing else; anything else is refused here too), so a handful of texts exist.
 */
function countedStatuses(counted: readonly CapacityStatus[]): Prisma.Sql {
  for (const status of counted) {
    if (!(capacityStatuses as readonly string[]).includes(status))
      throw new Error(`Not a capacity status: ${status}`);
  }
  return Prisma.raw(`ARRAY[${counted.map((status) => `'${status}'`).join(', ')}]::"ConversationStatus"[]`);
}

interface MemberLoadRow extends AgentRow {
  lastHeartbeatAt: Date | null;
  open: number;
}

/**
 * The queue's members (id order) with status, capacity, load and heartbeat as core's chooseAgent
 * wants them. With `lock`, one call to the database function lock_queue_member_loads (migration
 * 20261203080100_unavailable_agents) locks the members' rows as lockAgentRows does and then
 * counts their loads in a second statement, so the counts are exact for this transaction and the
 * locks are not held across a round trip between the two. Without `lock` (simulation) it is a
 * plain read.
 */
export async function memberLoads(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueId: string,
  options: {
    lock: boolean;
    counted: readonly CapacityStatus[];
    excluding?: AssignedConversation | undefined;
    /** When and by which lapse a member's heartbeat is judged (settings routing.unavailableAgent). */
    heartbeat: { now: Date; lapseMinutes: number };
  },
): Promise<QueueMember[]> {
  const counted = [...options.counted];
  const rows = options.lock
    ? await tx.$queryRaw<MemberLoadRow[]>(
        prepared(Prisma.sql`
        SELECT "id", "status", "capacity", "lastAssignedAt", "lastHeartbeatAt", "open"
        FROM lock_queue_member_loads(${organizationId}, ${queueId}, ${counted}::text[])`),
      )
    : await tx.$queryRaw<MemberLoadRow[]>(
        prepared(Prisma.sql`
        SELECT a."id", a."status"::text AS "status", a."capacity", a."lastAssignedAt", a."lastHeartbeatAt",
          (SELECT count(*)::int FROM "Conversation" c
           WHERE c."organizationId" = ${organizationId} AND c."agentId" = a."id"
             AND c."status" = ANY(${countedStatuses(counted)})) AS "open"
        FROM "Agent" a
        JOIN "QueueMember" m ON m."agentId" = a."id"
        WHERE m."organizationId" = ${organizationId} AND m."queueId" = ${queueId}
          AND a."organizationId" = ${organizationId}
        ORDER BY a."id"`),
      );
  return rows.map((row) => ({
    agentId: row.id,
    status: row.status,
    capacity: row.capacity,
    openCount: row.open - ownLoad(options.excluding, row.id, counted),
    lastAssignedAt: row.lastAssignedAt,
    heartbeatLapsed: heartbeatLapsed(
      row.lastHeartbeatAt,
      options.heartbeat.now,
      options.heartbeat.lapseMinutes,
    ),
  }));
}

/** 1 when the conversation being reassigned is counted on this agent now, else 0. */
const ownLoad = (
  conversation: AssignedConversation | undefined,
  agentId: string,
  counted: readonly string[],
): number => (conversation?.agentId === agentId && counted.includes(conversation.status) ? 1 : 0);
