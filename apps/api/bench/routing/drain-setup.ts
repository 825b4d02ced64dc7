import { apiCall } from '../shared/api-process';
import { withClient } from '../shared/postgres';
import type { Floor } from './setup';

/** The drain's floor (as the invariants read it) and its one queue. */
export interface DrainFloor {
  floor: Floor;
  queueId: string;
}

const agentCount = 50;
const maxCapacity = 1000; // the API's limit (capacitySchema)
const isOutsider = (k: number) => k % 9 === 8; // 8, 17, 26, 35, 44: ACTIVE, in no queue
const statusOf = (k: number) => (k < 45 ? 'ACTIVE' : k < 48 ? 'AWAY' : 'INVISIBLE');

/**
 * The drain's floor, made through the REST API as a user would: one queue with 45 members — 40
 * ACTIVE agents at capacity 0 (a full queue), 3 AWAY and 2 INVISIBLE with room to spare (they must
 * never get one) — and 5 ACTIVE agents outside it (they must never get one either). `floor.agents`
 * holds the capacities the drain raises the ACTIVE agents to: 0.5× to 1.5× an even share of 110 %
 * of the backlog, so the members' room exceeds the backlog and any conversation left waiting is a
 * "waiting while an agent had room" violation.
 */
export async function createDrainFloor(url: string, backlog: number): Promise<DrainFloor> {
  const share = (1.1 * backlog) / 40;
  const capacities = Array.from({ length: agentCount }, (_, k) =>
    Math.max(1, Math.ceil(share * (0.5 + (k % 5) * 0.25))),
  );
  if (Math.max(...capacities) > maxCapacity)
    throw new Error(`BENCH_ROUTING_DRAIN=${backlog} needs capacities above ${maxCapacity}: 24000 at most`);
  const queueId = (
    await apiCall<{ id: string }>(url, 'POST', '/ccaas/1/queues', {
      name: 'Backlog',
      // Infobip's default for a new queue is off; the drain is what is measured here.
      isAutoAssignmentEnabled: true,
    })
  ).id;
  const agents: Floor['agents'] = [];
  for (const [k, capacity] of capacities.entries()) {
    const status = statusOf(k);
    const { id } = await apiCall<{ id: string }>(url, 'POST', '/ccaas/1/agents', {
      name: `Agent ${k + 1}`,
      status,
      capacity: status === 'ACTIVE' ? 0 : capacity,
    });
    agents.push({ id, status, capacity });
  }
  const memberIds = agents.filter((_, k) => !isOutsider(k)).map((agent) => agent.id);
  await apiCall(url, 'PUT', `/ccaas/1/queues/${queueId}/agents`, { agentIds: memberIds });
  await apiCall(url, 'PATCH', '/v1/manage/settings', [
    { op: 'replace', path: '/routing/defaultQueueId', value: queueId },
    { op: 'replace', path: '/routing/autoAssign', value: true },
  ]);
  return {
    floor: {
      queueIds: [queueId],
      agents,
      members: new Map([[queueId, new Set(memberIds)]]),
      defaultQueueId: queueId,
    },
    queueId,
  };
}

/**
 * The backlog, in one INSERT … SELECT (setup, not measured): `count` OPEN, unassigned
 * conversations in the queue, oldest first one second apart, priorities mixed, as routing leaves
 * them when nobody has room (but without route events: the invariants expect none). ANALYZE then
 * gives the planner the statistics a real inbox of that size would have.
 */
export function seedBacklog(databaseUrl: string, queueId: string, count: number): Promise<void> {
  return withClient(databaseUrl, async (client) => {
    await client.query(
      `INSERT INTO "Conversation" ("id", "organizationId", "workspaceId", "topic", "priority", "channel",
         "queueId", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, q."organizationId", w."id", 'Backlog conversation ' || i,
         (ARRAY['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + (i * 7) % 5]::"Priority",
         (ARRAY['EMAIL','LIVE_CHAT','WHATSAPP'])[1 + i % 3], q."id",
         t.at, t.at
       FROM "Queue" q
       JOIN "Workspace" w ON w."organizationId" = q."organizationId" AND w."isDefault"
       CROSS JOIN generate_series(1, $2::int) AS i
       -- Prisma's DateTime columns hold UTC without a time zone.
       CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE 'UTC') - ($2::int - i) * interval '1 second' AS at) t
       WHERE q."id" = $1`,
      [queueId, count],
    );
    await client.query('ANALYZE "Conversation"');
  });
}
