import { serviceException } from '../infobip';
import type { TestResponse } from '../test-api';

/** One HTTP call with the organization's key, through whichever API process the caller picks. */
export type Call = (method: string, path: string, body?: unknown) => Promise<TestResponse>;

export interface Work {
  kind: 'create' | 'route' | 'assign';
  run: () => Promise<TestResponse>;
}

const priorities = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

/** Varied conversation facts, so every rule (and none) gets matched. */
export const factsFor = (i: number) => ({
  priority: priorities[i % 4],
  tags: i % 3 === 0 ? ['vip'] : [],
  metadata: { intent: i % 2 === 0 ? 'buy' : 'browse' },
});

async function ok(response: Promise<TestResponse>) {
  const res = await response;
  if (res.status !== 200) throw new Error(`setup call failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Two queues sharing two agents (overlapping lock sets), ACTIVE agents with the given
 * capacities, and four rules, one of them disabled.
 */
export async function setUpTeam(call: Call, capacities: readonly number[]) {
  const support = await ok(
    call('POST', '/ccaas/1/queues', { name: 'Support', isAutoAssignmentEnabled: true }),
  );
  const sales = await ok(call('POST', '/ccaas/1/queues', { name: 'Sales', isAutoAssignmentEnabled: true }));
  const agents: { id: string; capacity: number }[] = [];
  for (const [index, capacity] of capacities.entries()) {
    agents.push(
      await ok(call('POST', '/ccaas/1/agents', { name: `Agent ${index}`, status: 'ACTIVE', capacity })),
    );
  }
  const ids = agents.map((agent) => agent.id);
  const half = Math.ceil(ids.length / 2);
  const members = new Map([
    [support.id as string, ids.slice(0, half + 1)],
    [sales.id as string, ids.slice(half - 1)],
  ]);
  for (const [queueId, agentIds] of members) {
    await ok(call('PUT', `/ccaas/1/queues/${queueId}/agents`, { agentIds }));
  }
  await ok(
    call('PUT', '/ccaas/1/routing', {
      routes: [
        { name: 'Everything (off)', queueId: support.id, criteria: 'status==OPEN', enabled: false },
        { name: 'VIP', queueId: support.id, criteria: 'tags==vip' },
        { name: 'Buyers', queueId: sales.id, criteria: 'metadata.intent==buy;priority>=NORMAL' },
        { name: 'Urgent', queueId: sales.id, criteria: 'priority==URGENT' },
      ],
    }),
  );
  return { agents, members };
}

/**
 * Each conversation routed once through every given process at the same moment, and every
 * other one also assigned by hand to some agent, racing those routes.
 */
export function routeAndAssignWork(
  calls: readonly Call[],
  conversationIds: readonly string[],
  agentIds: readonly string[],
): Work[] {
  return conversationIds.flatMap((id, i) => {
    const work: Work[] = calls.map((call) => ({
      kind: 'route',
      run: () => call('POST', `/ccaas/1/conversations/${id}/route`),
    }));
    const call = i % 2 === 0 ? calls[(i / 2) % calls.length] : undefined;
    if (call) {
      const agentId = agentIds[i % agentIds.length];
      work.push({
        kind: 'assign',
        run: () => call('PUT', `/ccaas/1/conversations/${id}/assignee`, { agentId }),
      });
    }
    return work;
  });
}

/** Runs everything at once; answers what came back other than 200 (or an at-capacity 409 for a manual assignment). */
export async function runConcurrently(work: readonly Work[]) {
  const results = await Promise.all(work.map(async (item) => ({ kind: item.kind, res: await item.run() })));
  return results
    .filter(
      ({ kind, res }) =>
        res.status !== 200 &&
        !(
          kind === 'assign' &&
          res.status === 409 &&
          serviceException(res.body)?.details?.rule === 'AGENT_AT_CAPACITY'
        ),
    )
    .map(({ kind, res }) => `${kind} ${res.status} ${JSON.stringify(res.body)}`);
}
