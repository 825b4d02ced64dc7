import { compilePredicate, decideRoute, parseCriteria, type RouteRule } from '@switchboard/core';
import type { PrismaClient } from '@switchboard/db';
import { expect } from 'vitest';
import {
  type ConversationRow,
  conversationInclude,
  factsOf,
} from '../../../src/services/conversations/conversation-row';

/**
 * What must hold after any amount of concurrent routing and assignment, checked in the database:
 * 1. no agent holds more open conversations than its capacity;
 * 2. each conversation's routing/assignment writes form one chain (version n → n+1), so no two
 *    assignments of one conversation ever started from the same state;
 * 3. every routed conversation sits in the queue core's decideRoute gives its facts.
 * Returns the organization's conversations for further checks.
 */
export async function expectRoutingInvariants(
  prisma: PrismaClient,
  organizationId: string,
  agents: readonly { id: string; capacity: number }[],
  routed: (conversation: ConversationRow) => boolean = () => true,
): Promise<ConversationRow[]> {
  const conversations = await prisma.conversation.findMany({
    where: { organizationId },
    include: conversationInclude,
  });

  const open = new Map<string, number>();
  for (const c of conversations) {
    if (c.agentId && c.status !== 'CLOSED') open.set(c.agentId, (open.get(c.agentId) ?? 0) + 1);
  }
  for (const agent of agents)
    expect(open.get(agent.id) ?? 0, `agent ${agent.id}`).toBeLessThanOrEqual(agent.capacity);

  const chains = await versionChains(prisma, organizationId);
  for (const c of conversations) {
    const chain = (chains.get(c.id) ?? []).sort((x, y) => x.after - y.after);
    chain.forEach((link, i) => {
      expect(link.after).toBe(link.before + 1);
      if (i > 0) expect(link.before).toBe(chain[i - 1]?.after);
    });
    expect(c.version).toBe(chain.at(-1)?.after ?? 1);
  }

  const routes = await prisma.route.findMany({ where: { organizationId } });
  const rules: RouteRule[] = routes.map((route) => ({
    ...route,
    matches: compilePredicate(parseCriteria(route.criteria)),
  }));
  for (const c of conversations.filter(routed)) {
    const decision = decideRoute(rules, { ...factsOf(c), agentId: null }, { defaultQueueId: null });
    expect(c.queueId, `conversation ${c.topic ?? c.id}`).toBe(decision.queueId);
  }
  return conversations;
}

/** Versions before and after each audited route / assign / unassign, per conversation. */
async function versionChains(prisma: PrismaClient, organizationId: string) {
  const events = await prisma.auditEvent.findMany({
    where: {
      organizationId,
      entityType: 'conversation',
      action: { in: ['conversation.route', 'conversation.assign', 'conversation.unassign'] },
    },
  });
  const chains = new Map<string, { before: number; after: number }[]>();
  for (const event of events) {
    const before = (event.before as { version?: number } | null)?.version;
    const after = (event.after as { version?: number } | null)?.version;
    if (before === undefined || after === undefined) continue; // the assignment summary beside a route
    chains.set(event.entityId, [...(chains.get(event.entityId) ?? []), { before, after }]);
  }
  return chains;
}
