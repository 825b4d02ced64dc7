/**
 * What one successful call of these may legitimately write more than one event for (README,
 * "Events"): each event is one audited change.
 */
export const multiEventProcedures: string[] = [
  // created, then routed (and assigned) when the organization routes new conversations.
  'conversations.create',
  'spaces.createGroup',
  // routed, then assigned when an agent was chosen.
  'conversations.route',
  // tag.deleted and one conversation.untagged per conversation that carried it.
  'tags.delete',
  // one event per object created or deleted.
  'entities.deleteBySubType',
  'entities.createMany',
  'groups.createMany',
  'trackers.createMany',
  // a Sharely user's first visit: space.created, then the visitor's spaceVisitor.created.
  'spaces.activateUserSpace',
  // a widget visitor's space: space.created (unless the user's space existed), spaceVisitor.created.
  'spaces.openVisitorSpace',
];
