/**
 * Every event type the log carries. Conversation and group types come first; every other audited
 * change is `<entity>.<past tense>` (see README, "Events").
 */
export const conversationEventTypes = [
  'conversation.created',
  'conversation.updated',
  'conversation.status_changed',
  'conversation.closed',
  'conversation.routed',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.tagged',
  'conversation.untagged',
  'conversation.metadata_changed',
  'conversation.deleted',
  'message.created',
  // A typing indicator (Infobip's conversation events): no data changes with it.
  'conversation.typing',
] as const;

export const groupMembershipEventTypes = ['group.entered', 'group.left'] as const;

/** Changes to a group itself: they also move the organization's group version (group cache). */
export const groupChangeEventTypes = ['group.created', 'group.updated', 'group.deleted'] as const;

export const otherEventTypes = [
  'organization.created',
  'workspace.created',
  'space.created',
  'spaceVisitor.created',
  'spaceEvent.created',
  'apiKey.created',
  'apiKey.revoked',
  'accessToken.created',
  'agent.created',
  'agent.updated',
  'agent.deleted',
  'queue.created',
  'queue.updated',
  'queue.deleted',
  'routing.updated',
  'workingHours.created',
  'workingHours.updated',
  'workingHours.deleted',
  'settings.updated',
  'tag.created',
  'tag.deleted',
  'entity.created',
  'entity.updated',
  'entity.deleted',
  'tracker.created',
  'tracker.updated',
  'tracker.deleted',
  'role.created',
  'role.updated',
  'workspace.updated',
  // A rotation is webhook.updated; webhook.disabled is written when a failing subscription is turned off.
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
] as const;

export const eventTypes = [
  ...conversationEventTypes,
  ...groupMembershipEventTypes,
  ...groupChangeEventTypes,
  ...otherEventTypes,
] as const;

export type EventType = (typeof eventTypes)[number];

const groupChanges: ReadonlySet<string> = new Set(groupChangeEventTypes);
export const isGroupChange = (type: string): boolean => groupChanges.has(type);
