import type { ConversationFacts, ConversationStatus, Priority } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import type { Actor } from '../auth/principal';
import type { ConversationView } from '../services/conversations/conversation-view';
import type { ConversationTransition } from './audit-events';
import type { OrganizationGroups } from './organization-groups';
import type { EventDraft } from './record-events';

interface Detected {
  conversationId: string;
  messageId: string;
  kind: 'TRACKER' | 'ENTITY';
  name: string;
}

/**
 * group.entered / group.left for each group whose answer flipped between a conversation's state
 * before and after the change, judged in memory by the same predicate the database's criteria
 * compile from (core's compilePredicate).
 */
export async function groupMembershipEvents(
  tx: Prisma.TransactionClient,
  context: { organizationId: string; actor: Actor },
  groups: OrganizationGroups,
  transitions: readonly ConversationTransition[],
): Promise<EventDraft[]> {
  if (groups.groups.length === 0 || transitions.length === 0) return [];
  const detections = groups.readsDetections
    ? await loadDetections(tx, context.organizationId, transitions)
    : [];
  const events: EventDraft[] = [];
  for (const transition of transitions) {
    const own = detections.filter((d) => d.conversationId === transition.conversationId);
    const before = transition.before
      ? factsOf(
          transition.before,
          own.filter((d) => d.messageId !== transition.messageId),
        )
      : null;
    const after = factsOf(transition.after, own);
    for (const group of groups.groups) {
      const was = before !== null && group.matches(before);
      const is = group.matches(after);
      if (was === is) continue;
      events.push({
        ...context,
        type: is ? 'group.entered' : 'group.left',
        conversationId: transition.conversationId,
        data: { group: { id: group.id, name: group.name }, conversation: transition.after },
      });
    }
  }
  return events;
}

function loadDetections(
  tx: Prisma.TransactionClient,
  organizationId: string,
  transitions: readonly ConversationTransition[],
): Promise<Detected[]> {
  return tx.detection.findMany({
    where: { organizationId, conversationId: { in: transitions.map((t) => t.conversationId) } },
    select: { conversationId: true, messageId: true, kind: true, name: true },
  });
}

const factsOf = (view: ConversationView, detections: readonly Detected[]): ConversationFacts => ({
  id: view.id,
  topic: view.topic,
  summary: view.summary,
  status: view.status as ConversationStatus,
  priority: view.priority as Priority,
  channel: view.channel,
  queueId: view.queueId,
  agentId: view.agentId,
  workspaceId: view.workspaceId,
  spaceId: view.spaceId,
  createdAt: new Date(view.createdAt),
  updatedAt: new Date(view.updatedAt),
  closedAt: view.closedAt ? new Date(view.closedAt) : null,
  metadata: view.metadata,
  tags: view.tags,
  trackers: namesOf(detections, 'TRACKER'),
  entities: namesOf(detections, 'ENTITY'),
});

const namesOf = (detections: readonly Detected[], kind: Detected['kind']): string[] => [
  ...new Set(detections.filter((d) => d.kind === kind).map((d) => d.name)),
];
