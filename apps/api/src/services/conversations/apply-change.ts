import {
  assertVersion,
  type ConversationPatch,
  type ConversationState,
  DomainError,
  planConversationUpdate,
} from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { findQueue } from '../routing/find-routing-objects';
import { lockConversation } from '../routing/lock-conversation';
import { takeAgent } from './agent-capacity';
import { type AuditingContext, recordConversationAudit } from './conversation-audit';
import { stateOf } from './conversation-state';
import { type ConversationView, presentConversation } from './conversation-view';
import { findConversation } from './find-conversation';
import { rerouteIfReopenedWithoutAgent } from './reroute-reopened';
import { syncConversationTags } from './tag-links';

export interface ConversationChange {
  conversationId: string;
  /** Audit action, e.g. `conversation.update`. */
  action: string;
  /** The requested fields, or a function of the current state (add a tag to the current ones). */
  patch: ConversationPatch | ((current: ConversationState) => ConversationPatch);
  /** Versions the caller says it read (`version` in the body, `If-Match`); absent ones are not checked. */
  expectedVersions?: readonly (number | undefined)[];
}

/**
 * The one write path of a conversation's fields, tags and metadata, inside the caller's
 * transaction: lock the row, check the expected version, let core plan the change (CLOSED is
 * terminal, status transitions, closedAt, version + 1), check the new queue / agent, write with a
 * conditional update on the version read, and record the before / after views. A change that
 * changes nothing writes nothing and records nothing. A reopened conversation whose agent left is
 * rerouted in the same transaction (rerouteIfReopenedWithoutAgent).
 */
export async function applyConversationChange(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext,
  change: ConversationChange,
): Promise<ConversationView> {
  const { organizationId } = ctx;
  const row = await lockConversation(tx, organizationId, change.conversationId);
  for (const expected of change.expectedVersions ?? []) assertVersion(row.version, expected);
  const current = stateOf(row);
  const patch = typeof change.patch === 'function' ? change.patch(current) : change.patch;
  const now = new Date();
  const plan = planConversationUpdate(current, patch, now);
  const before = presentConversation(row);
  if (plan.changed.length === 0) return before;

  const { tags, metadata, ...columns } = plan.set;
  if (columns.queueId) await findQueue(tx, organizationId, columns.queueId);
  if (columns.agentId) {
    await takeAgent(tx, organizationId, { ...plan.next, agentId: row.agentId }, columns.agentId, now);
  }
  // The row is locked, so the version cannot have moved; the condition still makes the write
  // safe on its own should a caller ever reach this without the lock.
  const written = await tx.conversation.updateMany({
    where: { id: row.id, organizationId, version: row.version },
    data: { ...columns, ...(metadata ? { metadata } : {}) },
  });
  if (written.count !== 1) {
    throw new DomainError('CONFLICT', 'The conversation was changed by someone else; reload it and retry.', {
      rule: 'VERSION_MISMATCH',
      field: 'version',
    });
  }
  if (tags) {
    await syncConversationTags(tx, row, tags, current.tags);
  }
  const after = presentConversation(await findConversation(tx, organizationId, row.id));
  await recordConversationAudit(tx, ctx, { action: change.action, conversationId: row.id, before, after });
  const agentNamed = patch.agentId !== undefined;
  if (await rerouteIfReopenedWithoutAgent(tx, ctx, { before, after, agentNamed })) {
    return presentConversation(await findConversation(tx, organizationId, row.id));
  }
  return after;
}
