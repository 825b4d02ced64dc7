import type { Prisma } from '@switchboard/db';
import { routeConversation } from '../routing/route-conversation';
import type { ServiceContext } from '../service-context';
import { loadSettings } from '../settings/load-settings';
import type { ConversationView } from './conversation-view';

/**
 * Routes a just-created conversation when the organization asks for it (`routing.autoRouteOnCreate`)
 * and the caller did not place it: a conversation created with a queue or an agent keeps them,
 * and a CLOSED one (an import) cannot be routed. Runs in the creating transaction, so a routing
 * failure leaves no half-made conversation behind. Returns whether routing ran.
 */
export async function autoRouteNewConversation(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  conversation: ConversationView,
  request: { queueGiven: boolean },
): Promise<boolean> {
  if (request.queueGiven || conversation.agentId !== null || conversation.status === 'CLOSED') return false;
  const settings = await loadSettings(tx, ctx.organizationId);
  if (!settings.routing.autoRouteOnCreate) return false;
  await routeConversation(tx, ctx, conversation.id, { assign: settings.routing.autoAssign });
  return true;
}
