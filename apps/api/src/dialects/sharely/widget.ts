import { DomainError } from '@switchboard/core';
import type { DialectOperation, RestRequest } from '../dialect';
import { presentWidgetMessages, presentWidgetPost, widgetMessagesSchema, widgetPostSchema } from './messages';

const tags = ['Widget (Sharely)'];

/**
 * The widget sends list filters as JSON arrays inside query values (`workspaces=["<id>"]`); a
 * plain comma-separated list is read too. The query arrives split at commas already (coerceQuery).
 */
function jsonList(field: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(',') : String(value);
  if (!text.trim().startsWith('[')) return text.split(',').filter((item) => item !== '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('VALIDATION', `${field} must be a JSON array of strings, e.g. ["<id>"].`, {
      field,
    });
  }
}

const listInput = ({ query }: RestRequest) => ({
  ...query,
  workspaces: jsonList('workspaces', query.workspaces),
  roles: jsonList('roles', query.roles),
});

/**
 * What Sharely's widget calls beyond the documented API (client-calls.md §6): an anonymous
 * visitor's space and token, its check, the spaces list, the greeting that starts a group
 * conversation, the messages and the widget's events. A visitor's token opens its own space only.
 */
export const widgetOperations: DialectOperation[] = [
  {
    method: 'POST',
    path: '/workspaces/{workspaceId}/spaces',
    summary:
      'Open a space for a widget visitor (no credential needed): { id, token, temporalUserId }; the token opens that space only',
    tags,
    procedure: 'spaces.openVisitorSpace',
  },
  {
    method: 'POST',
    path: '/spaces/validate-temporal-token',
    summary:
      "Check a visitor's token (Bearer): { spaceId, temporalUserId }, or 401 when it is no longer valid",
    tags,
    procedure: 'spaces.validateVisitorToken',
  },
  {
    method: 'GET',
    path: '/spaces',
    summary:
      'The caller\'s spaces (a visitor: its own) as an array, filtered by workspaces=["<id>"], by last message with lastMessageSortBy=true',
    tags,
    procedure: 'spaces.listForCaller',
    input: listInput,
  },
  {
    method: 'GET',
    path: '/spaces/{spaceId}/greeting',
    summary:
      'Start a chat: with saveMessage=true a new group conversation (greeting.group); no greeting text (no assistant)',
    tags,
    procedure: 'spaces.greeting',
  },
  {
    method: 'GET',
    path: '/spaces/{spaceId}/messages',
    summary: "A group conversation's messages (groupId), oldest first, without internal notes: { messages }",
    tags,
    procedure: 'spaces.listMessages',
    present: presentWidgetMessages,
    response: widgetMessagesSchema,
  },
  {
    method: 'POST',
    path: '/spaces/{spaceId}/messages',
    summary:
      'Send a message to a group conversation ({ newMessage, groupId }): stored and answered as JSON; no assistant reply',
    tags,
    procedure: 'spaces.postMessage',
    present: presentWidgetPost,
    response: widgetPostSchema,
  },
  {
    method: 'POST',
    path: '/spaces/{spaceId}/event',
    summary: 'Record a widget event about a space ({ type, metadata })',
    tags,
    procedure: 'spaces.recordEvent',
  },
];
