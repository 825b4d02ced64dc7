import { type CriteriaAst, type CriteriaPredicate, compilePredicate, DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import type { ConversationView } from '../services/conversations/conversation-view';
import { findGroup } from '../services/groups/find-group';
import { parseCriteriaInput } from '../services/groups/parse-criteria-input';
import { conversationFacts, readsDetections } from './conversation-facts';
import { eventTypes } from './event-types';

/** What a reader of the log asks for; each absent part lets every event through. */
export interface EventSelection {
  types?: readonly string[] | undefined;
  /** Criteria on the event's conversation, as it is after the change. */
  criteria?: string | undefined;
  /** Events of conversations in this group (judged after the change), and its enter / leave events. */
  groupId?: string | undefined;
}

export interface EventPayload {
  id: string;
  type: string;
  sequence: number;
  timestamp: string;
  organizationId: string;
  actor: { type: string; id: string };
  data: { conversation?: ConversationView; group?: { id: string; name: string } } & Record<string, unknown>;
}

/** A compiled selection: which of a batch of events (one organization's) it lets through. */
export type EventFilter = (
  tx: Prisma.TransactionClient,
  events: readonly EventPayload[],
) => Promise<EventPayload[]>;

const known: ReadonlySet<string> = new Set(eventTypes);

/**
 * Checks and compiles a selection once (a stream keeps it): unknown types and bad criteria are
 * 400 naming the field, another tenant's group 404. The group's criteria are read now; a
 * stream opened before the group is edited keeps the criteria it was opened with.
 */
export async function compileEventFilter(
  tx: Prisma.TransactionClient,
  organizationId: string,
  selection: EventSelection,
): Promise<EventFilter> {
  const types = selection.types?.length ? new Set(selection.types) : undefined;
  for (const type of types ?? []) {
    if (!known.has(type) && !/^webhook\.[a-z_]+$/.test(type)) {
      throw new DomainError(
        'VALIDATION',
        `types: "${type}" is not an event type; use one of ${eventTypes.join(', ')}.`,
        {
          field: 'types',
          allowed: eventTypes,
        },
      );
    }
  }
  const conditions: { ast: CriteriaAst; groupId?: string }[] = [];
  if (selection.criteria?.trim())
    conditions.push({ ast: parseCriteriaInput(selection.criteria, 'criteria') });
  if (selection.groupId !== undefined) {
    const group = await findGroup(tx, organizationId, selection.groupId);
    conditions.push({ ast: parseCriteriaInput(group.criteria, 'group.criteria'), groupId: group.id });
  }
  const compiled = conditions.map((condition) => ({
    ...condition,
    matches: compilePredicate(condition.ast),
  }));
  const needsDetections = compiled.some((condition) => readsDetections(condition.ast));

  return async (reader, events) => {
    const typed = types ? events.filter((event) => types.has(event.type)) : [...events];
    if (compiled.length === 0) return typed;
    const detections = needsDetections ? await detectionsOf(reader, organizationId, typed) : new Map();
    return typed.filter((event) =>
      compiled.every((condition) => {
        if (condition.groupId && event.data.group?.id === condition.groupId) return true;
        const conversation = event.data.conversation;
        if (!conversation) return false;
        return safely(condition.matches)(
          conversationFacts(conversation, detections.get(conversation.id) ?? []),
        );
      }),
    );
  };
}

const safely =
  (predicate: CriteriaPredicate): CriteriaPredicate =>
  (facts) => {
    try {
      return predicate(facts);
    } catch {
      return false;
    }
  };

async function detectionsOf(
  tx: Prisma.TransactionClient,
  organizationId: string,
  events: readonly EventPayload[],
) {
  const ids = [
    ...new Set(events.flatMap((event) => (event.data.conversation ? [event.data.conversation.id] : []))),
  ];
  const rows = await tx.detection.findMany({
    where: { organizationId, conversationId: { in: ids } },
    select: { conversationId: true, messageId: true, kind: true, name: true },
  });
  const byConversation = new Map<string, typeof rows>();
  for (const row of rows)
    byConversation.set(row.conversationId, [...(byConversation.get(row.conversationId) ?? []), row]);
  return byConversation;
}
