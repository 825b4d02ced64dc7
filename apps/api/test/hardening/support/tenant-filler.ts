import type { Filler } from './json-schema';
import type { SeededTenant } from './tenant-seed';

/** Which of the tenant's conversations a `conversationId` names. */
export type ConversationChoice = 'conversationId' | 'closedConversationId';

// The object a router's `cursor` and Symbl body `id` refer to.
const primaryIdOf: Record<string, keyof SeededTenant> = {
  conversations: 'conversationId',
  conversationRouting: 'conversationId',
  messages: 'conversationId',
  tags: 'conversationId',
  queues: 'queueId',
  agents: 'agentId',
  workspaces: 'workspaceId',
  spaces: 'spaceId',
  groups: 'groupId',
  entities: 'entityId',
  trackers: 'trackerId',
  roles: 'roleId',
  apiKeys: 'apiKeyId',
  webhooks: 'webhookId',
  workingHours: 'workingHoursId',
};

/**
 * Maps input and parameter names to a tenant's objects: ids (`conversationId`, `queueIds`,
 * `cursor`…), names that select objects (`tagName`, `subType`, a group's `name` in a query) and
 * criteria naming its conversation. Names it does not know are left to the schema.
 */
export function tenantFiller(
  seed: SeededTenant,
  procedurePath: string,
  options: { conversation?: ConversationChoice; query: boolean },
): Filler {
  const router = procedurePath.split('.')[0] ?? '';
  const conversationId = seed[options.conversation ?? 'conversationId'];
  const values: Record<string, unknown> = {
    conversationId,
    conversationIds: [conversationId],
    // A follow-up's parent (create): another tenant's conversation is a missing one.
    parentConversationId: conversationId,
    // Sharely's group conversation (spaces.*) is a conversation of the space; elsewhere a group.
    groupId: router === 'spaces' ? seed.spaceConversationId : seed.groupId,
    queueId: seed.queueId,
    queueIds: [seed.queueId],
    agentId: seed.agentId,
    agentIds: [seed.agentId],
    workspaceId: seed.workspaceId,
    spaceId: seed.spaceId,
    entityId: seed.entityId,
    trackerId: seed.trackerId,
    apiKeyId: seed.apiKeyId,
    webhookId: seed.webhookId,
    eventId: seed.eventId,
    workingHoursId: seed.workingHoursId,
    ruleIds: [seed.routeId],
    // A note is a message of the conversation; its author is the tenant's agent.
    messageId: seed.noteId,
    messageIds: [seed.noteId],
    noteId: seed.noteId,
    authorId: seed.agentId,
    // Symbl's app id is an API key's id.
    appId: seed.apiKeyId,
    roleId: seed.roleId,
    // A customer's own role name and user id select or name things; they are not references
    // to another tenant's rows (B may use the same strings in its own workspace).
    customerRoleId: seed.customerRoleId,
    userId: '550e8400-e29b-41d4-a716-446655440000',
    externalUserId: 'sweep-user',
    // A language code (Sharely's widget sends it), not a reference.
    languageId: 'en',
    // Sharely's job ids are looked up inside the path's workspace, which is the reference.
    jobIds: ['00000000-0000-4000-8000-000000000000'],
    bodyWorkspaceId: seed.workspaceId,
    tagName: seed.tagName,
    criteria: `id==${conversationId}`,
    filter: `id==${conversationId}`,
    subType: seed.entitySubType,
    type: router === 'entities' ? seed.entityType : undefined,
    id: primaryIdOf[router] ? seed[primaryIdOf[router]] : undefined,
    cursor: primaryIdOf[router] ? seed[primaryIdOf[router]] : undefined,
    // Names select objects only in queries (filters); in a create they just name the new object.
    name: options.query ? (router === 'trackers' ? seed.trackerName : seed.groupName) : undefined,
    slackUserId: options.query ? `U${seed.marker.toUpperCase()}` : undefined,
    // Event sequences are numbered per organization: any number selects the caller's own events.
    lastEventId: '1',
    // Slack ids (the bot's channel watches and cards) are Slack's, not a tenant's: the same channel
    // id selects each organization's own rows.
    channelId: 'C0SWEEP',
    messageTs: '1700000000.000100',
    // A comment's social context names the network's post and comments, not a tenant's rows: each
    // organization reads its own comments on a post.
    postId: 'sweep-post',
    parentId: 'sweep-comment',
    externalId: 'sweep-reply',
  };
  return (name) => (Object.hasOwn(values, name) ? values[name] : undefined);
}

/** Names that carry an object's id: another tenant's is "not found", whatever the operation. */
export const idReferenceNames = [
  'conversationId',
  'conversationIds',
  'parentConversationId',
  'groupId',
  'queueId',
  'queueIds',
  'agentId',
  'agentIds',
  'workspaceId',
  'spaceId',
  'entityId',
  'trackerId',
  'roleId',
  'apiKeyId',
  'webhookId',
  'eventId',
  'workingHoursId',
  'ruleIds',
  'messageId',
  'messageIds',
  'noteId',
  'authorId',
  'id',
];

/**
 * Every name tenantFiller knows: the ids, plus names that select objects (tag names, entity
 * types, group names, criteria, cursors) — those may legitimately name B's own objects too.
 */
export const referenceNames = [
  'conversationId',
  'conversationIds',
  'parentConversationId',
  'groupId',
  'queueId',
  'queueIds',
  'agentId',
  'agentIds',
  'workspaceId',
  'spaceId',
  'entityId',
  'trackerId',
  'roleId',
  'customerRoleId',
  'apiKeyId',
  'webhookId',
  'eventId',
  'workingHoursId',
  'ruleIds',
  'messageId',
  'messageIds',
  'noteId',
  'authorId',
  'appId',
  'userId',
  'externalUserId',
  'languageId',
  'jobIds',
  'bodyWorkspaceId',
  'tagName',
  'criteria',
  'filter',
  'subType',
  'type',
  'id',
  'cursor',
  'name',
  'slackUserId',
  'lastEventId',
  'channelId',
  'messageTs',
  'postId',
  'parentId',
  'externalId',
];

/**
 * Text only this tenant's data contains (ids, and the marked topic, names and message text):
 * one of these in another tenant's successful answer that the caller did not send is a leak.
 */
export function leakTokens(seed: SeededTenant): string[] {
  const m = seed.marker;
  return [
    seed.organizationId,
    seed.workspaceId,
    seed.spaceId,
    seed.conversationId,
    seed.closedConversationId,
    seed.spaceConversationId,
    seed.queueId,
    seed.agentId,
    seed.groupId,
    seed.entityId,
    seed.trackerId,
    seed.apiKeyId,
    seed.webhookId,
    seed.eventId,
    `Webhook ${m}`,
    `Topic ${m}`,
    `Summary ${m}`,
    `Closed ${m}`,
    `refund please for my gizmo ${m}`,
    `customer-${m}`,
    `Group chat ${m}`,
    `Workspace ${m}`,
    `Space ${m}`,
    `Queue ${m}`,
    `Agent ${m}`,
    `Route ${m}`,
    `Description ${m}`,
    `Key ${m}`,
    `${m}@example.com`,
  ];
}
