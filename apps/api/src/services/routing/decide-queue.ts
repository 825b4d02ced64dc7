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
 * after the setting was saved) counts as none, so routing never writes a dangling queue id.
 */
export async function decideQueue(
  tx: Prisma.TransactionClient,
  organizationId: string,
  facts: ConversationFacts,
  settings: OrganizationSettings,
): Promise<RouteDecision> {
  const rules = await loadRouteRules(tx, organizationId);
  const configured = settings.routing.defaultQueueId;
  const defaultQueue = configured
    ? await tx.queue.findFirst({ where: { id: configured, organizationId }, select: { id: true } })
    : null;
  const decision = decideRoute(rules, facts, { defaultQueueId: defaultQueue?.id ?? null });
  if (configured && !defaultQueue && decision.reason === 'NO_MATCH') {
    return {
      ...decision,
      explanation: `${decision.explanation} (settings name default queue ${configured}, which does not exist.)`,
    };
  }
  return decision;
}
