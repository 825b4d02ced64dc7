import { type AgentStatus, DomainError, unavailableSinceAfter } from '@switchboard/core';
import type { AgentRole, Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceContext } from '../../services/service-context';
import { type AgentView, agentInclude, presentAgent } from './agent.types';
import { assertSlackUserFree, loadAgent } from './agent-rules';

export interface AgentChanges {
  name?: string | undefined;
  email?: string | null | undefined;
  slackUserId?: string | null | undefined;
  status?: AgentStatus | undefined;
  role?: AgentRole | undefined;
  enabled?: boolean | undefined;
  capacity?: number | undefined;
  lastHeartbeatAt?: Date | undefined;
}

const systemClock = () => new Date();

/**
 * Changes the given fields of an agent (absent fields stay; null clears email / slackUserId).
 * A status change also sets or clears `unavailableSince` (core unavailableSinceAfter).
 * Lowering capacity below the current load is allowed: nothing new is assigned until it drops.
 * The UPDATE takes the agent's row lock, so it waits for any assignment in progress.
 */
export async function changeAgent(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  agentId: string,
  changes: AgentChanges,
  action: string,
): Promise<AgentView> {
  const row = await loadAgent(tx, ctx.organizationId, agentId);
  const before = presentAgent(row);
  await assertSlackUserFree(tx, ctx.organizationId, changes.slackUserId, agentId);
  const ruled = enabledRule(before, changes);
  const data: Prisma.AgentUpdateInput = Object.fromEntries(
    Object.entries(ruled).filter(([, value]) => value !== undefined),
  );
  // When the agent left is written with the status that says so, in this transaction: the
  // unavailable-agent job reads it (settings routing.unavailableAgent).
  if (ruled.status !== undefined && ruled.status !== row.status) {
    data.unavailableSince = unavailableSinceAfter(row, ruled.status, (ctx.now ?? systemClock)());
  }
  // Nothing to change is answered from the read: Prisma runs an update without fields as a read,
  // which finds nothing (null, not an error) once a concurrent delete has committed.
  const agent =
    Object.keys(data).length === 0
      ? before
      : presentAgent(await tx.agent.update({ where: { id: agentId }, data, include: agentInclude }));
  await recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action,
    entityType: 'agent',
    entityId: agentId,
    before,
    after: agent,
    requestId: ctx.requestId,
  });
  return agent;
}

/**
 * A disabled agent is INVISIBLE (routing gives conversations to ACTIVE agents only) and cannot
 * be made ACTIVE, BUSY or AWAY until it is enabled again.
 */
function enabledRule(before: AgentView, changes: AgentChanges): AgentChanges {
  const enabled = changes.enabled ?? before.enabled;
  if (enabled) return changes;
  if (changes.status !== undefined && changes.status !== 'INVISIBLE') {
    throw new DomainError(
      'VALIDATION',
      `A disabled agent can only be INVISIBLE; send "enabled": true to make it ${changes.status}.`,
      { field: 'status' },
    );
  }
  return { ...changes, status: 'INVISIBLE' };
}
