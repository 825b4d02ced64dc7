import { compilePredicate, decideRoute, parseCriteria, type RouteRule } from '@switchboard/core';
import { openDatabase } from '@switchboard/db';
import { conversationInclude, factsOf } from '../../src/services/conversations/conversation-row';
import type { Floor } from './setup';

/** How many conversations break each rule after the run (all zero is the pass). */
export interface InvariantReport {
  conversations: number;
  assigned: number;
  violations: Record<string, number>;
  examples: string[];
}

/**
 * What the database should hold: how many conversations, and how each got into its queue —
 * `created` through the API, which routes it once (one route event), or `seeded` straight into
 * its queue by the bench, as the drain's backlog is (a drain assigns, it never routes: no route
 * event).
 */
export interface Expected {
  conversations: number;
  arrival: 'created' | 'seeded';
}

/** The rule on route events, named for how the conversations arrived. */
export const routeRule = (arrival: Expected['arrival']) =>
  arrival === 'created' ? 'routed more or less than once' : 'routed though seeded into its queue';

/**
 * Reads the database after the burst and checks what issue 6 asks: every create landed, no
 * conversation was assigned twice (one route event — none for a seeded backlog —, at most one
 * assign event, and the assigned agent is the one that event names), no agent over capacity and
 * none that was not ACTIVE, every queue exactly as core decideRoute says for the conversation's
 * facts, every agent a member of the queue, and nobody left waiting while an ACTIVE member of
 * their queue still had room.
 */
export async function checkInvariants(
  databaseUrl: string,
  floor: Floor,
  expected: Expected,
): Promise<InvariantReport> {
  const db = await openDatabase({ databaseUrl, poolSize: 2 });
  try {
    const prisma = db.prisma;
    const conversations = await prisma.conversation.findMany({ include: conversationInclude });
    const events = await prisma.auditEvent.findMany({
      where: { entityType: 'conversation', action: { in: ['conversation.route', 'conversation.assign'] } },
      select: { entityId: true, action: true, after: true },
    });
    const routes = await prisma.route.findMany();
    const rules: RouteRule[] = routes.map((route) => ({
      ...route,
      matches: compilePredicate(parseCriteria(route.criteria)),
    }));

    const violations: Record<string, number> = {};
    const examples: string[] = [];
    const fail = (rule: string, detail: string) => {
      violations[rule] = (violations[rule] ?? 0) + 1;
      if (examples.length < 10) examples.push(`${rule}: ${detail}`);
    };
    for (const rule of [
      'missing conversations',
      routeRule(expected.arrival),
      'assigned twice',
      'over capacity',
      'not ACTIVE but assigned',
      'queue differs from decideRoute',
      'agent not in queue',
      'waiting while an agent had room',
    ])
      violations[rule] = 0;

    if (conversations.length !== expected.conversations)
      fail('missing conversations', `${conversations.length} of ${expected.conversations}`);
    const routeEvents = expected.arrival === 'created' ? 1 : 0;
    const byConversation = new Map<string, { routes: number; assigns: string[] }>();
    for (const event of events) {
      const entry = byConversation.get(event.entityId) ?? { routes: 0, assigns: [] };
      if (event.action === 'conversation.route') entry.routes++;
      else entry.assigns.push(String((event.after as { agentId?: string } | null)?.agentId));
      byConversation.set(event.entityId, entry);
    }
    const load = new Map<string, number>();
    for (const c of conversations) if (c.agentId) load.set(c.agentId, (load.get(c.agentId) ?? 0) + 1);
    const agents = new Map(floor.agents.map((agent) => [agent.id, agent]));
    const hasRoom = (queueId: string) =>
      [...(floor.members.get(queueId) ?? [])].some((id) => {
        const agent = agents.get(id);
        return agent?.status === 'ACTIVE' && (load.get(id) ?? 0) < agent.capacity;
      });

    for (const c of conversations) {
      const audit = byConversation.get(c.id) ?? { routes: 0, assigns: [] };
      if (audit.routes !== routeEvents)
        fail(routeRule(expected.arrival), `${c.id}: ${audit.routes} route events`);
      if (
        audit.assigns.length > 1 ||
        (c.agentId && audit.assigns[0] !== c.agentId) ||
        (!c.agentId && audit.assigns.length > 0)
      )
        fail('assigned twice', `${c.id}: agent ${c.agentId}, assign events ${audit.assigns.join(',')}`);
      const decision = decideRoute(
        rules,
        { ...factsOf(c), agentId: null },
        { defaultQueueId: floor.defaultQueueId },
      );
      if (c.queueId !== decision.queueId)
        fail('queue differs from decideRoute', `${c.id}: ${c.queueId} vs ${decision.queueId}`);
      if (c.agentId && !floor.members.get(c.queueId ?? '')?.has(c.agentId))
        fail('agent not in queue', `${c.id}: ${c.agentId}`);
      if (!c.agentId && c.queueId && hasRoom(c.queueId))
        fail('waiting while an agent had room', `${c.id} in ${c.queueId}`);
    }
    for (const [agentId, count] of load) {
      const agent = agents.get(agentId);
      if (!agent) continue;
      if (count > agent.capacity) fail('over capacity', `${agentId}: ${count} > ${agent.capacity}`);
      if (agent.status !== 'ACTIVE')
        fail('not ACTIVE but assigned', `${agentId} (${agent.status}): ${count}`);
    }
    return {
      conversations: conversations.length,
      assigned: conversations.filter((c) => c.agentId).length,
      violations,
      examples,
    };
  } finally {
    await db.close();
  }
}
