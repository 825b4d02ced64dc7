import type { Prisma } from '@switchboard/db';
import type { AuditEntry } from '../../audit/record-audit';
import { type RoutingOutcome, routeHeldConversation } from '../routing/route-conversation';
import { loadRoutingSetup } from '../routing/routing-setup';
import type { ServiceContext } from '../service-context';
import type { ConversationRow } from './conversation-row';
import { factsOf } from './conversation-row';

/**
 * Routes a just-created conversation when the organization asks for it (`routing.autoRouteOnCreate`)
 * and the caller did not place it: a conversation created with a queue or an agent keeps them,
 * and a CLOSED one (an import) cannot be routed. Runs in the creating transaction, so a routing
 * failure leaves no half-made conversation behind. The row needs no lock (no other transaction
 * sees it before commit) and has no detections yet (it has no messages). `createEvent` is written
 * with routing's events, before them. Returns the routing outcome, or null when routing did not run.
 */
export async function autoRouteNewConversation(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  row: ConversationRow,
  request: { queueGiven: boolean; createEvent: AuditEntry; commits?: boolean },
): Promise<RoutingOutcome | null> {
  if (request.queueGiven || row.agentId !== null || row.status === 'CLOSED') return null;
  const setup = await loadRoutingSetup(tx, ctx.organizationId);
  if (!setup.settings.routing.autoRouteOnCreate) return null;
  return routeHeldConversation(tx, ctx, {
    row,
    facts: factsOf(row),
    ...setup,
    assign: setup.settings.routing.autoAssign,
    earlierEvents: [request.createEvent],
    commits: request.commits,
  });
}
