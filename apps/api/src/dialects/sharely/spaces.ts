import { z } from 'zod';
import type { SpaceView } from '../../routers/spaces/space.types';
import type { DialectOperation, RestRequest } from '../dialect';
import { documentedMessagesSchema, presentDocumentedMessages } from './messages';

const tags = ['Spaces (Sharely)'];

interface SpaceDetail {
  space: SpaceView;
  workspace: { id: string; name: string; organizationId: string; organizationName: string };
  groups: {
    id: string;
    name: string;
    createdAt: string;
    updatedAt: string;
    lastMessageAt: string | null;
    messageCount: number;
  }[];
}

/**
 * Sharely's space (spaces-get.md, and the fields the widget reads). A space that exists is
 * `"ACTIVE"` (Switchboard's spaces have no other state); Switchboard has no hosts, co-hosts or
 * guests, and every group conversation is one conversation (no threads).
 */
export const toSharelySpace = ({ space, workspace, groups }: SpaceDetail) => ({
  id: space.id,
  name: space.name,
  description: space.description,
  status: 'ACTIVE',
  createdAt: space.createdAt,
  workspace,
  hosts: [],
  coHosts: [],
  guests: [],
  spaceGroupConversation: groups.map((group) => ({
    id: group.id,
    name: group.name,
    type: 'PUBLIC',
    lastMessageAt: group.lastMessageAt,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
    hasMoreThanOneMessage: group.messageCount > 1,
    threadId: null,
    conversations: [{ id: group.id }],
  })),
});

const sharelySpaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  workspace: z.object({
    id: z.string(),
    name: z.string(),
    organizationName: z.string(),
    organizationId: z.string(),
  }),
  hosts: z.array(z.unknown()),
  coHosts: z.array(z.unknown()),
  guests: z.array(z.unknown()),
  spaceGroupConversation: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      lastMessageAt: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
      hasMoreThanOneMessage: z.boolean(),
      conversations: z.array(z.object({ id: z.string() })),
    }),
  ),
});

const readSpace = (path: string, summary: string): DialectOperation => ({
  method: 'GET',
  path,
  summary,
  tags,
  procedure: 'spaces.detail',
  present: toSharelySpace,
  response: sharelySpaceSchema,
});

const bodyAndParams = ({ body, params }: RestRequest) => ({ ...(body as object), ...params });

export const spaceOperations: DialectOperation[] = [
  readSpace(
    '/v1/workspaces/{workspaceId}/spaces/{spaceId}',
    'Get a space with its workspace and group conversations (spaceGroupConversation)',
  ),
  readSpace('/spaces/{spaceId}', "The widget's read of a space (by id alone)"),
  readSpace('/public-spaces/{spaceId}', "The widget's read of a space without a host-asserted token"),
  {
    method: 'GET',
    path: '/v1/workspaces/{workspaceId}/spaces/{spaceId}/message',
    summary:
      "A group conversation's messages (groupId; else the space's first group), oldest first: { messages }",
    tags,
    procedure: 'spaces.listMessages',
    present: presentDocumentedMessages,
    response: documentedMessagesSchema,
  },
  {
    method: 'PUT',
    path: '/workspaces/{workspaceId}/activate-or-retrieve-user-space',
    summary:
      "A customer user's space, created on first call, with a 24-hour token: { token, spaceId, userId, workspaceId, isNew }",
    tags,
    procedure: 'spaces.activateUserSpace',
    input: ({ body, params }) => {
      const fields = (body ?? {}) as { workspaceId?: unknown };
      return { ...fields, bodyWorkspaceId: fields.workspaceId, ...params };
    },
    body: z.object({
      workspaceId: z.string().optional(),
      userId: z.string().optional(),
      customerIdString: z.string().optional(),
      roleId: z.string().optional(),
      customerRoleId: z.string().optional(),
    }),
  },
  {
    method: 'PUT',
    path: '/spaces/{spaceId}/groups/{groupId}',
    summary: 'Rename a group conversation ({ name }); without a name it is named after its first message',
    tags,
    procedure: 'spaces.renameGroup',
    input: bodyAndParams,
    present: ({ id, name }: { id: string; name: string }) => ({ id, name, groupName: name }),
    body: z.object({ name: z.string().optional(), groupId: z.string().optional() }),
    response: z.object({ id: z.string(), name: z.string(), groupName: z.string() }),
  },
  {
    method: 'DELETE',
    path: '/spaces/{spaceId}/groups/{groupId}',
    summary: 'Delete a group conversation and its messages',
    tags,
    procedure: 'spaces.deleteGroup',
  },
];
