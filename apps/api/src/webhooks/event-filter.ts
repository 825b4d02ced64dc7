import {
  type ConversationFacts,
  type CriteriaPredicate,
  compilePredicate,
  parseCriteria,
} from '@switchboard/core';
import { z } from 'zod';
import { conversationSchema } from '../services/conversations/conversation-view';

/** What a subscription selects: event types, and optionally conversations by criteria or group. */
export interface SubscriptionFilter {
  events: string[];
  criteria: string | null;
  groupId: string | null;
}

/** A group as the filter needs it; null when the subscription's group has been deleted. */
export type GroupCriteria = { id: string; criteria: string } | null;

/** The parts of an event payload a filter reads (the rest is delivered as is). */
export interface FilterableEvent {
  type: string;
  payload: unknown;
}

const payloadShape = z.object({
  data: z
    .object({
      conversation: conversationSchema
        .extend({ trackers: z.array(z.string()).optional(), entities: z.array(z.string()).optional() })
        .optional(),
      group: z.object({ id: z.string() }).optional(),
    })
    .optional(),
});

/**
 * Compiles a subscription's filter once. An event passes when its type is subscribed and, with
 * `criteria`, the conversation as it is after the change matches them; with a group, the
 * conversation is a member after the change, or the event is that group's own `group.entered` /
 * `group.left`. Events that carry no conversation pass neither criteria nor a group.
 */
export function compileFilter(
  filter: SubscriptionFilter,
  group: GroupCriteria,
): (event: FilterableEvent) => boolean {
  const types = new Set(filter.events);
  const criteria = filter.criteria === null ? null : compilePredicate(parseCriteria(filter.criteria));
  const inGroup: CriteriaPredicate | null = group ? compilePredicate(parseCriteria(group.criteria)) : null;
  return (event) => {
    if (!types.has(event.type)) return false;
    if (criteria === null && filter.groupId === null) return true;
    const parsed = payloadShape.safeParse(event.payload);
    const data = parsed.success ? parsed.data.data : undefined;
    const facts = data?.conversation ? factsOfView(data.conversation) : null;
    if (criteria && !(facts && criteria(facts))) return false;
    if (filter.groupId === null) return true;
    if (data?.group?.id === filter.groupId) return true;
    return inGroup !== null && facts !== null && inGroup(facts);
  };
}

type ConversationInPayload = NonNullable<NonNullable<z.infer<typeof payloadShape>['data']>['conversation']>;

function factsOfView(view: ConversationInPayload): ConversationFacts {
  return {
    ...view,
    createdAt: new Date(view.createdAt),
    updatedAt: new Date(view.updatedAt),
    closedAt: view.closedAt === null ? null : new Date(view.closedAt),
    trackers: view.trackers ?? [],
    entities: view.entities ?? [],
  };
}
