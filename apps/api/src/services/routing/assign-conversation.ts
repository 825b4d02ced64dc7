import { assertCanAssign, assertVersion, type ConversationStatus, DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { AuditingContext } from '../conversations/conversation-audit';
import { type ConversationRow, conversationInclude } from '../conversations/conversation-row';
import { presentConversation } from '../conversations/conversation-view';
import type { ServiceContext } from '../service-context';
import { loadSettings } from '../settings/load-settings';
import { findAgent } from './find-routing-objects';
import { lockConversation } from './lock-conversation';
import { lockAgentRows, openConversationCounts } from './member-loads';

/**
 * Checks that the agent (of this organization) may take the conversation: not CLOSED, and the
 * agent below capacity (its conversations in the statuses settings count) — counted under the agent's row lock, so concurrent assignments through
 * any API process cannot both take the last slot. Keep the transaction open until the write.
 * Other writers that set `agentId` (create or update with an agent) should call this too.
 */
export async function assertAgentCanTake(
  tx: Prisma.TransactionClient,
  organizationId: string,
  agentId: string,
  conversation: { id: string; status: ConversationStatus; agentId: string | null },
): Promise<void> {
  assertCanAssign(conversation);
  await findAgent(tx, organizationId, agentId);
  // The same agent keeps it; any other agent does not carry this conversation, so none is left out.
  if (conversation.agentId === agentId) return;
  const [agent] = await lockAgentRows(tx, organizationId, [agentId]);
  // Deleted between the read and the lock: as absent as if it never existed.
  if (!agent) throw new DomainError('NOT_FOUND', `Agent ${agentId} not found`, { field: 'agentId' });
  const { routing } = await loadSettings(tx, organizationId);
  const counts = await openConversationCounts(tx, organizationId, [agentId], routing.capacityStatuses);
  assertCanAssign(conversation, { agentId, capacity: agent.capacity, openCount: counts.get(agentId) ?? 0 });
}

/** Manual assignment (PUT …/assignee). Re-assigning the current agent changes nothing. */
export async function assignConversation(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  input: { conversationId: string; agentId: string; expectedVersion?: number | undefined },
): Promise<ConversationRow> {
  const lockedRow = await lockConversation(tx, ctx.organizationId, input.conversationId);
  assertVersion(lockedRow.version, input.expectedVersion);
  await assertAgentCanTake(tx, ctx.organizationId, input.agentId, lockedRow);
  if (lockedRow.agentId === input.agentId) return lockedRow;
  const now = new Date();
  const updated = await tx.conversation.update({
    where: { id: lockedRow.id },
    data: { agentId: input.agentId, assignedAt: now, version: { increment: 1 } },
    include: conversationInclude,
  });
  await tx.agent.update({ where: { id: input.agentId }, data: { lastAssignedAt: now } });
  await audit(tx, ctx, 'conversation.assign', lockedRow, updated);
  return updated;
}

/** DELETE …/assignee: the conversation keeps its queue and waits for an agent. */
export async function unassignConversation(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext,
  input: { conversationId: string; expectedVersion?: number | undefined },
): Promise<ConversationRow> {
  const lockedRow = await lockConversation(tx, ctx.organizationId, input.conversationId);
  assertVersion(lockedRow.version, input.expectedVersion);
  assertCanAssign(lockedRow);
  if (lockedRow.agentId === null) return lockedRow;
  const updated = await tx.conversation.update({
    where: { id: lockedRow.id },
    data: { agentId: null, assignedAt: null, version: { increment: 1 } },
    include: conversationInclude,
  });
  await audit(tx, ctx, 'conversation.unassign', lockedRow, updated);
  return updated;
}

function audit(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext,
  action: string,
  before: ConversationRow,
  after: ConversationRow,
) {
  return recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action,
    entityType: 'conversation',
    entityId: after.id,
    before: presentConversation(before),
    after: presentConversation(after),
    requestId: ctx.requestId,
  });
}
