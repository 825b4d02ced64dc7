import {
  type ConversationFacts,
  decideRoute,
  type OrganizationSettings,
  type RouteDecision,
} from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { loadRouteRules } from './route-predicates';

/**
 * Which queue the organization's rules give these facts: core's decideRoute over the stored
 * routes, with the default queue from settings. A default queue that no longer exists (deleted
 * after the setting was saved) counts as none, so routing never writes a dangling queue id. The
 * default queue is looked up only when the decision falls back to it (a matched route's queue
 * cannot dangle: deleting a queue deletes its routes).
 */
export async function decideQueue(
  tx: Prisma.TransactionClient,
  organizationId: string,
  facts: ConversationFacts,
  settings: OrganizationSettings,
): Promise<RouteDecision> {
  const rules = await loadRouteRules(tx, organizationId);
  const configured = settings.routing.defaultQueueId;
  const decision = decideRoute(rules, facts, { defaultQueueId: configured });
  if (!configured || decision.reason !== 'DEFAULT_QUEUE') return decision;
  const exists = await tx.queue.findFirst({
    where: { id: configured, organizationId },
    select: { id: true },
  });
  if (exists) return decision;
  const fallback = decideRoute(rules, facts, { defaultQueueId: null });
  return {
    ...fallback,
    explanation: `${fallback.explanation} (settings name default queue ${configured}, which does not exist.)`,
  };
}
