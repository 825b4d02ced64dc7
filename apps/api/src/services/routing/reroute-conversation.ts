import type { Prisma } from '@switchboard/db';
import type { AuditingContext } from '../conversations/conversation-audit';
import { unassignConversation } from './assign-conversation';
import { type RoutingOutcome, routeConversation } from './route-conversation';

/**
 * Moves an OPEN conversation away from an agent that left (settings routing.unavailableAgent), in
 * the caller's transaction: unassigned (`conversation.unassigned`), then routed by the normal
 * rules, queue and strategy (`conversation.routed`, and `conversation.assigned` when an available
 * agent has room; otherwise it waits in its queue for the drain). The agent that left is not
 * chosen again: routing gives conversations only to available agents.
 */
export async function rerouteConversation(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext,
  conversationId: string,
): Promise<RoutingOutcome> {
  await unassignConversation(tx, ctx, { conversationId });
  return routeConversation(tx, ctx, conversationId, { assign: true });
}
