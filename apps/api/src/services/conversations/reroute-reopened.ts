import { isAgentUnavailable } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { switchboardActor } from '../../auth/principal';
import { rerouteConversation } from '../routing/reroute-conversation';
import { loadSettings } from '../settings/load-settings';
import type { AuditingContext } from './conversation-audit';
import type { ConversationView } from './conversation-view';

const systemClock = () => new Date();

/**
 * A conversation reopened (→ OPEN) whose agent is unavailable (AWAY, INVISIBLE, or its heartbeat
 * lapsed) is rerouted in the same transaction when settings routing.unavailableAgent.action is
 * "reroute": the customer is back and the agent is not, so no grace period applies. A change that
 * names the agent (`agentId` in the body) keeps it. The reroute's changes are Switchboard's.
 * Answers whether it rerouted.
 */
export async function rerouteIfReopenedWithoutAgent(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext,
  change: { before: ConversationView; after: ConversationView; agentNamed: boolean },
): Promise<boolean> {
  const { before, after } = change;
  if (change.agentNamed || before.status === 'OPEN' || after.status !== 'OPEN' || !after.agentId)
    return false;
  const { routing } = await loadSettings(tx, ctx.organizationId);
  if (routing.unavailableAgent.action !== 'reroute') return false;
  const agent = await tx.agent.findFirst({
    where: { id: after.agentId, organizationId: ctx.organizationId },
    select: { status: true, lastHeartbeatAt: true },
  });
  const now = (ctx.now ?? systemClock)();
  if (!agent || !isAgentUnavailable(agent, now, routing.unavailableAgent.heartbeatLapseMinutes)) return false;
  await rerouteConversation(tx, { ...ctx, actor: switchboardActor }, after.id);
  return true;
}
