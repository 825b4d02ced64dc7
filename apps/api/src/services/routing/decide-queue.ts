import { type ConversationFacts, decideRoute, type RouteDecision } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { workingTimeOfQueues } from '../working-hours/calendar-of';
import type { RoutingSetup } from './routing-setup';

/**
 * Which queue the organization's rules give these facts: core's decideRoute over the stored
 * routes, with the default queue from settings. A default queue that no longer exists (deleted
 * after the setting was saved) counts as none, so routing never writes a dangling queue id. The
 * default queue is looked up only when the decision falls back to it (a matched route's queue
 * cannot dangle: deleting a queue deletes its routes). Rules that route only during working
 * hours are skipped when `now` is outside their queue's calendar (its own, else the default);
 * calendars are read only when such a rule is enabled.
 */
export async function decideQueue(
  tx: Prisma.TransactionClient,
  organizationId: string,
  facts: ConversationFacts,
  { settings, rules }: RoutingSetup,
  now: Date,
): Promise<RouteDecision> {
  const configured = settings.routing.defaultQueueId;
  const hoursQueues = rules
    .filter((rule) => rule.enabled && rule.onlyDuringWorkingHours)
    .map((r) => r.queueId);
  const within =
    hoursQueues.length > 0 ? await workingTimeOfQueues(tx, organizationId, hoursQueues, now) : true;
  const decision = decideRoute(rules, facts, { defaultQueueId: configured, withinWorkingHours: within });
  if (!configured || decision.reason !== 'DEFAULT_QUEUE') return decision;
  const exists = await tx.queue.findFirst({
    where: { id: configured, organizationId },
    select: { id: true },
  });
  if (exists) return decision;
  const fallback = decideRoute(rules, facts, { defaultQueueId: null, withinWorkingHours: within });
  return {
    ...fallback,
    explanation: `${fallback.explanation} (settings name default queue ${configured}, which does not exist.)`,
  };
}
