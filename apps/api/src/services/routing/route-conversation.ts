import {
  assertCanRoute,
  assertVersion,
  type ConversationFacts,
  type OrganizationSettings,
  type RouteDecision,
  type RouteRule,
} from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import type { AuditEntry } from '../../audit/record-audit';
import type { AuditingContext } from '../conversations/conversation-audit';
import { type ConversationRow, loadFacts } from '../conversations/conversation-row';
import { presentConversation } from '../conversations/conversation-view';
import { type AssignmentOutcome, chooseAssignee } from './choose-assignee';
import { decideQueue } from './decide-queue';
import { lockConversation } from './lock-conversation';
import { loadRoutingSetup } from './routing-setup';
import { presentRoutingSummary } from './routing-view';
import { writeRouting } from './write-routing';

const systemClock = () => new Date();

export interface RoutingOutcome {
  queueId: string | null;
  routeId: string | null;
  agentId: string | null;
  /** core decideRoute's answer, with the trace of every route considered. */
  decision: RouteDecision;
  /** core chooseAgent's answer, or why no agent was looked for. */
  assignment: AssignmentOutcome;
  /** The conversation as written (version incremented). */
  conversation: ConversationRow;
}

/**
 * Routes one conversation inside the caller's transaction: clears its agent, picks the queue
 * (first matching enabled route, else the default queue), and — when `options.assign` and
 * settings.routing.autoAssign — assigns an agent of that queue with free capacity.
 *
 * Safe with many API processes on one PostgreSQL: the conversation row is locked first (one
 * routing or assignment per conversation at a time), then the queue members' rows in id order,
 * and their loads are counted only after those locks are held.
 * `expectedVersion` (optional) refuses with 409 when the conversation changed since it was read.
 */
export async function routeConversation(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext,
  conversationId: string,
  options: { assign: boolean; expectedVersion?: number | undefined },
): Promise<RoutingOutcome> {
  const row = await lockConversation(tx, ctx.organizationId, conversationId);
  assertVersion(row.version, options.expectedVersion);
  assertCanRoute({ id: row.id, status: row.status });
  const setup = await loadRoutingSetup(tx, ctx.organizationId);
  return routeHeldConversation(tx, ctx, {
    row,
    facts: await loadFacts(tx, row),
    ...setup,
    assign: options.assign,
  });
}

export interface HeldConversation {
  /** Locked by this transaction, or created by it (invisible to every other one until commit). */
  row: ConversationRow;
  facts: ConversationFacts;
  settings: OrganizationSettings;
  /** The organization's routes (./routing-setup loads them with the settings). */
  rules: RouteRule[];
  assign: boolean;
  /** Events of the same transaction to write before routing's own, in the same statement. */
  earlierEvents?: readonly AuditEntry[];
  /** Routing's write is the transaction's last statement and commits it (recordChanges). */
  commits?: boolean;
}

/**
 * Routing once the conversation is held: decide the queue, then lock the members and count their
 * loads (one call), let core choose, and write everything in one statement. Everything that does
 * not need the members' locks happens before them, and from the lock to commit there are only
 * those two statements and the commit: every other routing transaction on an overlapping queue,
 * in any API process, waits for that span.
 */
export async function routeHeldConversation(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext,
  held: HeldConversation,
): Promise<RoutingOutcome> {
  const { row, settings } = held;
  const { organizationId } = ctx;
  // Routing unassigns first, so criteria see the conversation without its old agent.
  const now = (ctx.now ?? systemClock)();
  const decision = await decideQueue(tx, organizationId, { ...held.facts, agentId: null }, held, now);
  const assignment = await chooseAssignee(tx, {
    organizationId,
    conversation: row,
    queueId: decision.queueId,
    settings,
    requested: held.assign,
    lock: true,
    now,
  });

  const conversation: ConversationRow = {
    ...row,
    // A rule may give the conversation a priority (Infobip's rule `priority`).
    priority: decision.conversationPriority ?? row.priority,
    queueId: decision.queueId,
    agentId: assignment.agentId,
    assignedAt: assignment.agentId ? now : null,
    updatedAt: now,
    version: row.version + 1,
  };
  const audit = { organizationId, actor: ctx.actor, entityType: 'conversation', entityId: row.id };
  const events: AuditEntry[] = [
    ...(held.earlierEvents ?? []),
    {
      ...audit,
      action: 'conversation.route',
      before: presentConversation(row),
      after: { ...presentConversation(conversation), routing: presentRoutingSummary(decision, assignment) },
      requestId: ctx.requestId,
    },
  ];
  if (assignment.agentId) {
    events.push({
      ...audit,
      action: 'conversation.assign',
      before: { agentId: row.agentId },
      after: {
        agentId: assignment.agentId,
        queueId: decision.queueId,
        strategy: assignment.strategy ?? settings.routing.strategy,
        explanation: assignment.explanation,
      },
      subject: presentConversation(conversation),
      requestId: ctx.requestId,
    });
  }
  await writeRouting(tx, {
    conversationId: row.id,
    queueId: decision.queueId,
    agentId: assignment.agentId,
    priority: decision.conversationPriority,
    now,
    events,
    commits: held.commits,
  });

  return {
    queueId: decision.queueId,
    routeId: decision.routeId,
    agentId: assignment.agentId,
    decision,
    assignment,
    conversation,
  };
}
