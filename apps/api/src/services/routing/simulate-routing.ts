import { assertCanRoute, type ConversationFacts, type RouteDecision } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { loadFacts } from '../conversations/conversation-row';
import { findConversation } from '../conversations/find-conversation';
import { type AssignmentOutcome, chooseAssignee } from './choose-assignee';
import { decideQueue } from './decide-queue';
import { loadRoutingSetup } from './routing-setup';

/** A conversation that does not exist, described by the fields routing criteria can look at. */
export interface HypotheticalConversation {
  topic?: string | null | undefined;
  summary?: string | null | undefined;
  status: ConversationFacts['status'];
  priority: ConversationFacts['priority'];
  channel: string;
  workspaceId?: string | undefined;
  spaceId?: string | null | undefined;
  metadata: Record<string, string>;
  tags: string[];
  trackers: string[];
  entities: string[];
}

export interface SimulatedRouting {
  conversationId: string | null;
  /** The facts routing looked at (the conversation's, or the hypothetical one's). */
  facts: ConversationFacts;
  decision: RouteDecision;
  assignment: AssignmentOutcome;
}

/**
 * What routing would do now — the same decideQueue and chooseAssignee the real route uses —
 * without locking or writing anything. CLOSED conversations are refused as routing refuses them.
 */
export async function simulateRouting(
  tx: Prisma.TransactionClient,
  organizationId: string,
  subject: { conversationId: string } | { conversation: HypotheticalConversation },
  now: Date,
): Promise<SimulatedRouting> {
  const conversationId = 'conversationId' in subject ? subject.conversationId : null;
  const facts =
    'conversationId' in subject
      ? await loadFacts(tx, await findConversation(tx, organizationId, subject.conversationId))
      : await hypotheticalFacts(tx, organizationId, subject.conversation);
  assertCanRoute({ id: facts.id, status: facts.status });
  const setup = await loadRoutingSetup(tx, organizationId);
  const { settings } = setup;
  const decision = await decideQueue(tx, organizationId, { ...facts, agentId: null }, setup, now);
  const assignment = await chooseAssignee(tx, {
    organizationId,
    conversation: conversationId ? { agentId: facts.agentId, status: facts.status } : undefined,
    queueId: decision.queueId,
    settings,
    requested: true,
    lock: false,
    now,
  });
  return { conversationId, facts, decision, assignment };
}

async function hypotheticalFacts(
  tx: Prisma.TransactionClient,
  organizationId: string,
  conversation: HypotheticalConversation,
): Promise<ConversationFacts> {
  const workspaceId =
    conversation.workspaceId ??
    (await tx.workspace.findFirst({ where: { organizationId, isDefault: true }, select: { id: true } }))
      ?.id ??
    '';
  const now = new Date();
  return {
    id: 'simulated',
    topic: conversation.topic ?? null,
    summary: conversation.summary ?? null,
    status: conversation.status,
    priority: conversation.priority,
    channel: conversation.channel,
    queueId: null,
    agentId: null,
    workspaceId,
    spaceId: conversation.spaceId ?? null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    metadata: conversation.metadata,
    tags: conversation.tags,
    trackers: conversation.trackers,
    entities: conversation.entities,
  };
}
