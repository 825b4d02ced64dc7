import { assertCanRoute, assertVersion, type RouteDecision } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import { type ConversationRow, loadFacts } from '../conversations/conversation-row';
import { presentConversation } from '../conversations/conversation-view';
import type { ServiceContext } from '../service-context';
import { loadSettings } from '../settings/load-settings';
import { type AssignmentOutcome, chooseAssignee } from './choose-assignee';
import { decideQueue } from './decide-queue';
import { lockConversation } from './lock-conversation';
import { presentRoutingSummary } from './routing-view';

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
  ctx: ServiceContext,
  conversationId: string,
  options: { assign: boolean; expectedVersion?: number | undefined },
): Promise<RoutingOutcome> {
  const { organizationId } = ctx;
  const row = await lockConversation(tx, organizationId, conversationId);
  assertVersion(row.version, options.expectedVersion);
  assertCanRoute({ id: row.id, status: row.status });

  const settings = await loadSettings(tx, organizationId);
  // Routing unassigns first, so criteria see the conversation without its old agent.
  const facts = { ...(await loadFacts(tx, row)), agentId: null };
  const decision = await decideQueue(tx, organizationId, facts, settings);
  const assignment = await chooseAssignee(tx, {
    organizationId,
    conversationId: row.id,
    queueId: decision.queueId,
    settings,
    requested: options.assign,
    lock: true,
  });

  // From here to commit the members' rows are locked: keep the statements few.
  const now = new Date();
  const written = await tx.conversation.update({
    where: { id: row.id },
    data: {
      queueId: decision.queueId,
      agentId: assignment.agentId,
      assignedAt: assignment.agentId ? now : null,
      version: { increment: 1 },
    },
  });
  const conversation: ConversationRow = { ...written, tags: row.tags }; // routing never changes tags
  if (assignment.agentId) {
    await tx.$executeRaw`UPDATE "Agent" SET "lastAssignedAt" = ${now} WHERE "id" = ${assignment.agentId}`;
  }

  const audit = { organizationId, actor: ctx.actor, entityType: 'conversation', entityId: row.id };
  await recordAudit(tx, {
    ...audit,
    action: 'conversation.route',
    before: presentConversation(row),
    after: { ...presentConversation(conversation), routing: presentRoutingSummary(decision, assignment) },
    requestId: ctx.requestId,
  });
  if (assignment.agentId) {
    await recordAudit(tx, {
      ...audit,
      action: 'conversation.assign',
      before: { agentId: row.agentId },
      after: {
        agentId: assignment.agentId,
        queueId: decision.queueId,
        strategy: settings.routing.strategy,
        explanation: assignment.explanation,
      },
      requestId: ctx.requestId,
    });
  }

  return {
    queueId: decision.queueId,
    routeId: decision.routeId,
    agentId: assignment.agentId,
    decision,
    assignment,
    conversation,
  };
}
