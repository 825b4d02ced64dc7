/**
 * What each REST parameter means, by name: the same name means the same thing in every operation
 * (`limit`, `cursor`, a path id), so it is described once here rather than in each procedure's
 * schema. A schema's own `.describe()` wins; a parameter named in neither place fails the docs test.
 */
export const parameterDescriptions: Record<string, string> = {
  // Path ids (another organization's id answers 404, like one that does not exist).
  workspaceId: 'Id of the workspace.',
  spaceId: 'Id of the space within the workspace.',
  conversationId: 'Id of the conversation.',
  groupId: 'Id of the conversation group.',
  entityId: 'Id of the custom entity.',
  trackerId: 'Id of the tracker.',
  apiKeyId: 'Id of the API key (as listed; not the key itself).',
  roleId: 'Id of the role within the workspace.',
  webhookId: 'Id of the webhook subscription.',
  eventId: 'Id of an event (its `webhook-id` in deliveries): only deliveries of that event.',
  tagName: 'The tag, exactly as stored (URL-encoded).',
  noteId: 'Id of the note (an internal message of the conversation).',
  workingHoursId: 'Id of the working hours.',
  id: 'Id of the working hours (…/working-hours/{id}) or of its holiday (…/holiday/{id}).',
  ruleIds: 'Only these routing rules (repeat the parameter or separate with commas).',
  isDefault: 'Only the default working hours (`true`) or the others (`false`).',
  // Ids used as path segments and as filters.
  queueId: 'Id of a queue: in a path, the queue addressed; as a filter, only rows of that queue.',
  agentId: 'Id of an agent: in a path, the agent addressed; as a filter, only rows assigned to that agent.',
  queueIds: 'Only conversations in one of these queues (repeat the parameter or separate with commas).',
  conversationIds: 'Only these conversations (repeat the parameter or separate with commas).',
  // Paging.
  after:
    "Only events after this sequence number (0 for the oldest retained); pass the previous page's `next`.",
  limit: 'Largest number of items in the page.',
  cursor: 'Continue after the previous page: its `nextCursor`, unchanged.',
  page: 'Zero-based page number (Infobip paging: with `limit`).',
  offset: 'Number of items to skip from the start of the ordered list.',
  orderBy: 'Sort field and direction as `field:asc` or `field:desc`, e.g. `createdAt:desc`.',
  order: 'Sort direction by creation time: `asc` (oldest first) or `desc` (newest first).',
  // Filters.
  types: 'Only events of these types (comma-separated), e.g. `conversation.created,group.entered`.',
  criteria: 'RSQL criteria the items must match, e.g. `tags==vip;priority>=HIGH` (see the README).',
  filter: 'RSQL criteria the group members must also match, e.g. `channel==EMAIL`.',
  status: 'Only items with this status (for conversations: one or more, comma-separated).',
  priority: 'Only conversations with one of these priorities (comma-separated).',
  createdAfter: 'Only items created at or after this ISO-8601 instant.',
  createdBefore: 'Only items created before this ISO-8601 instant.',
  updatedAfter: 'Only items updated at or after this ISO-8601 instant.',
  updatedBefore: 'Only items updated before this ISO-8601 instant.',
  closedAfter: 'Only conversations closed after this instant, e.g. 2025-04-24T11:25:41.058+0000.',
  closedBefore: 'Only conversations closed before this instant, e.g. 2025-04-24T11:25:41.058+0000.',
  tagNames: 'Only conversations carrying one of these tags (repeat the parameter or separate with commas).',
  startTime: 'Only conversations created at or after this ISO-8601 instant.',
  endTime: 'Only conversations created before this ISO-8601 instant.',
  name: 'Only items with exactly this name.',
  displayName: 'Only agents with exactly this display name.',
  slackUserId: 'Only the agent linked to this Slack user id.',
  enabled: 'Only rules that are enabled (`true`) or disabled (`false`).',
  type: 'The custom entity type, e.g. `Vendor`.',
  subType: 'The custom entity subType, e.g. `Acme`.',
  languageId: 'Language code of the chat, e.g. `en`.',
  saveMessage:
    '`true` starts a chat: a new group conversation in the space (default `false`: nothing is created).',
  // Concurrency.
  version: "The conversation's current `version` (as `If-Match` would send it); a stale one answers 409.",
};
