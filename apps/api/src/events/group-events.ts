import type { Prisma } from '@switchboard/db';
import type { Actor } from '../auth/principal';
import type { ConversationView } from '../services/conversations/conversation-view';
import type { ConversationTransition } from './audit-events';
import { conversationFacts, type Detected } from './conversation-facts';
import type { OrganizationGroups } from './organization-groups';
import type { EventDraft } from './record-events';

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
      ? conversationFacts(
          transition.before,
          own.filter((d) => d.messageId !== transition.messageId),
        )
      : null;
    const after = transition.after ? conversationFacts(transition.after, own) : null;
    for (const group of groups.groups) {
      const was = before !== null && group.matches(before);
      const is = after !== null && group.matches(after);
      if (was === is) continue;
      const conversation = transition.after ?? transition.before;
      if (conversation) events.push(membershipEvent(context, group, is, conversation));
    }
  }
  return events;
}

/**
 * The one shape of group.entered / group.left, whether a change or the time sweep caused it:
 * webhooks, the event stream and Slack's watched-group cards read them alike.
 */
export const membershipEvent = (
  context: { organizationId: string; actor: Actor },
  group: { id: string; name: string },
  entered: boolean,
  conversation: ConversationView,
): EventDraft => ({
  ...context,
  type: entered ? 'group.entered' : 'group.left',
  conversationId: conversation.id,
  data: { group: { id: group.id, name: group.name }, conversation },
});

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
