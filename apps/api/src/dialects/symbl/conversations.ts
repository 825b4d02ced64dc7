import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { groupsTag } from '../../routers/groups/group.types';
import type { ConversationView } from '../../services/conversations/conversation-view';
import type { DialectOperation, RestRequest } from '../dialect';
import {
  entitiesDetectedSchema,
  symblConversationSchema,
  symblConversationsSchema,
  toEntitiesDetected,
  toSymblConversation,
  toTrackersDetected,
  trackersDetectedSchema,
} from './conversation-shapes';

const tags = ['Conversations (Symbl)'];
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Symbl's list query: `limit` (0 answers no rows), `offset`, `order` (default `asc`), `startTime`,
 * `endTime`, `filter` (RSQL) and `sort` (the fields to order by, default the start time). `withDefaultWindow`: without a filter and a startTime, the window is the 7 days before
 * endTime (now by default), as Symbl's list documents.
 */
function listQuery({ query, params }: RestRequest, withDefaultWindow: boolean) {
  const { sort, ...rest } = query;
  const input: Record<string, unknown> = { order: 'asc', ...rest, ...params };
  // A group's conversations page by a start-time cursor too, so they sort by start time only.
  const keys = sort === undefined ? undefined : sortKeys(sort, withDefaultWindow ? sortable : ['startTime']);
  if (keys && withDefaultWindow) input.sort = keys;
  const noFilter = typeof input.filter !== 'string' || input.filter.trim() === '';
  if (withDefaultWindow && noFilter && input.startTime === undefined) {
    const end = typeof input.endTime === 'string' ? Date.parse(input.endTime) : Date.now();
    if (!Number.isNaN(end)) input.startTime = new Date(end - WEEK_MS).toISOString();
  }
  return input;
}

const sortable = ['startTime', 'endTime', 'name'];

/**
 * `sort`: one or more of the conversation's fields, comma-separated (`conversation.name`, or
 * `name`; `[a,b]` as the Go SDK sends lists), all in `order`'s direction; the documented default
 * is conversation.startTime.
 */
function sortKeys(sort: unknown, allowed: readonly string[]): string[] {
  // The Go SDK renders a list as `sort=[a,b]`.
  const keys = String(sort)
    .replace(/^\[(.*)\]$/, '$1')
    .split(',')
    .map((key) => key.trim().replace(/^conversation\./, ''));
  const unknown = keys.find((key) => !allowed.includes(key));
  if (unknown !== undefined || keys.length > allowed.length) {
    const names = allowed.map((key) => `conversation.${key}`).join(', ');
    throw new DomainError(
      'VALIDATION',
      `sort: use ${allowed.length > 1 ? `one or more of ${names} (comma-separated)` : names}; "${unknown ?? sort}" is not one. The direction is order=asc|desc.`,
      { field: 'sort' },
    );
  }
  return keys;
}

interface Listed {
  conversations: ConversationView[];
  totalCount: number;
  limit: number;
  offset: number;
}
const presentList = ({ conversations, ...page }: Listed) => ({
  conversations: conversations.map(toSymblConversation),
  ...page,
});
const listSchema = symblConversationsSchema.extend({
  totalCount: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});

/** Symbl's Conversation API calls that go with conversation groups and the Management API. */
export const conversationOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/v1/conversations',
    summary:
      'Conversations by start time, with limit, offset, order, startTime, endTime, sort and an RSQL filter',
    tags,
    procedure: 'conversations.find',
    input: (request) => listQuery(request, true),
    present: presentList,
    response: listSchema,
  },
  {
    method: 'GET',
    path: '/v1/conversations/{conversationId}',
    summary: 'One conversation in Symbl’s shape',
    tags,
    procedure: 'conversations.get',
    present: toSymblConversation,
    response: symblConversationSchema,
  },
  {
    method: 'PUT',
    path: '/v1/conversations/{conversationId}',
    summary: 'Add or change metadata keys ({ "metadata": {…} }); other keys are kept',
    tags,
    procedure: 'conversations.mergeMetadata',
    input: ({ body, params }) => ({ metadata: (body as { metadata?: unknown } | null)?.metadata, ...params }),
    present: toSymblConversation,
    body: z.object({ metadata: z.record(z.string(), z.string()) }),
    response: symblConversationSchema,
  },
  {
    method: 'DELETE',
    path: '/v1/conversations/{conversationId}',
    summary: 'Delete a conversation with its messages',
    tags,
    procedure: 'conversations.delete',
    present: () => ({ message: 'successfully deleted the conversation' }),
    response: z.object({ message: z.string() }),
  },
  ...['trackers-detected', 'trackers'].map(
    (leaf): DialectOperation => ({
      method: 'GET',
      path: `/v1/conversations/{conversationId}/${leaf}`,
      summary:
        leaf === 'trackers'
          ? 'Trackers detected in a conversation (deprecated path of trackers-detected)'
          : 'Trackers detected in a conversation, with the messages they were found in',
      tags,
      procedure: 'trackers.detections',
      present: toTrackersDetected,
      response: trackersDetectedSchema,
    }),
  ),
  {
    method: 'GET',
    path: '/v1/conversations/{conversationId}/entities',
    summary: 'Custom entities detected in a conversation, by detected value',
    tags,
    procedure: 'entities.detections',
    present: toEntitiesDetected,
    response: entitiesDetectedSchema,
  },
  {
    method: 'GET',
    path: '/v1/groups/{groupId}/conversations',
    summary: "Conversations matching the group's criteria now, in Symbl's conversation shape",
    tags: groupsTag,
    procedure: 'groups.members',
    input: (request) => listQuery(request, false),
    present: (output: Listed & { nextCursor: string | null }) => ({
      ...presentList(output),
      nextCursor: output.nextCursor,
    }),
    response: listSchema.extend({ nextCursor: z.string().nullable() }),
  },
];
