import { apiCall } from '../shared/api-process';

/**
 * The routing floor of scenario 3, created through the REST API: 5 queues, 50 agents (45 ACTIVE
 * with capacities from 0.5× to 1.5× an even share of 80 % of the conversations, so the busiest
 * agents fill up mid-run; 3 AWAY and 2 INVISIBLE who must never get one), overlapping queue
 * memberships (so assignments in different queues lock the same agents), four routes and a
 * default queue.
 */
export interface Floor {
  queueIds: string[];
  agents: { id: string; status: 'ACTIVE' | 'AWAY' | 'INVISIBLE'; capacity: number }[];
  members: Map<string, Set<string>>;
  defaultQueueId: string;
}

export const routeSpecs = [
  { name: 'VIP', queue: 0, criteria: 'tags==vip' },
  { name: 'Urgent', queue: 1, criteria: 'priority==URGENT' },
  { name: 'Billing', queue: 2, criteria: 'metadata.topic==billing,tags=in=(refund,invoice)' },
  { name: 'Chat', queue: 3, criteria: 'channel=in=(LIVE_CHAT,WHATSAPP)' },
];

export async function createFloor(url: string, conversations: number): Promise<Floor> {
  const queueIds: string[] = [];
  for (let q = 0; q < 5; q++) {
    queueIds.push(
      (
        await apiCall<{ id: string }>(url, 'POST', '/ccaas/1/queues', {
          name: `Queue ${q + 1}`,
          isAutoAssignmentEnabled: true,
        })
      ).id,
    );
  }
  const share = (0.8 * conversations) / 45;
  const agents: Floor['agents'] = [];
  for (let k = 0; k < 50; k++) {
    const status = k < 45 ? 'ACTIVE' : k < 48 ? 'AWAY' : 'INVISIBLE';
    const capacity = Math.max(1, Math.round(share * (0.5 + (k % 5) * 0.25)));
    const { id } = await apiCall<{ id: string }>(url, 'POST', '/ccaas/1/agents', {
      name: `Agent ${k + 1}`,
      status,
      capacity,
    });
    agents.push({ id, status, capacity });
  }
  const members = new Map<string, Set<string>>();
  for (const [q, queueId] of queueIds.entries()) {
    const ids = agents
      .filter((_, k) => k % 5 === q || (k % 2 === 0 && (k + 1) % 5 === q))
      .map((agent) => agent.id);
    await apiCall(url, 'PUT', `/ccaas/1/queues/${queueId}/agents`, { agentIds: ids });
    members.set(queueId, new Set(ids));
  }
  await apiCall(url, 'PUT', '/ccaas/1/routing', {
    routes: routeSpecs.map((route) => ({
      name: route.name,
      queueId: queueIds[route.queue],
      criteria: route.criteria,
    })),
  });
  const defaultQueueId = queueIds[4] as string;
  await apiCall(url, 'PATCH', '/v1/manage/settings', [
    { op: 'replace', path: '/routing/defaultQueueId', value: defaultQueueId },
    { op: 'replace', path: '/routing/autoRouteOnCreate', value: true },
    { op: 'replace', path: '/routing/autoAssign', value: true },
  ]);
  return { queueIds, agents, members, defaultQueueId };
}

const priorities = ['LOW', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH', 'HIGH', 'URGENT'];
const channels = ['EMAIL', 'LIVE_CHAT', 'WHATSAPP', 'SMS', 'EMAIL', 'FACEBOOK_MESSENGER'];

/** The i-th new conversation: a fixed mix that sends work to every route and the default queue. */
export function newConversation(i: number) {
  const tags = [
    ...(i % 11 === 0 ? ['vip'] : []),
    ...(i % 9 === 0 ? ['refund'] : []),
    ...(i % 13 === 0 ? ['invoice'] : []),
  ];
  return {
    topic: `Bench conversation ${i}`,
    priority: priorities[i % priorities.length],
    channel: channels[(i * 7) % channels.length],
    tags,
    metadata: { topic: i % 6 === 0 ? 'billing' : 'general', customerId: String(1000 + (i % 997)) },
  };
}
