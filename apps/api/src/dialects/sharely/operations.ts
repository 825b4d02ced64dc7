import { z } from 'zod';
import { type RoleView, roleSchema } from '../../routers/roles/role.types';
import type { WorkspaceView } from '../../routers/workspaces/workspace.types';
import type { DialectOperation } from '../dialect';

const rolesTag = ['Roles (Sharely)'];
const workspacesTag = ['Workspaces (Sharely)'];

/**
 * Sharely runs role changes as background workflows and answers their id. Switchboard applies
 * the change before answering and records the job done: `POST …/background-jobs` reports it.
 */
const withWorkflow = ({ workflowId, ...role }: RoleView & { workflowId: string }) => ({ workflowId, role });
const workflowSchema = z.object({ workflowId: z.string(), role: roleSchema });

interface AuthenticatedVisitor {
  visitorId: string;
  spaceId: string;
  workspaceId: string;
  expiresAt: string;
  role: { id: string; customerRoleId: string | null } | null;
}

/**
 * The user behind an end user's token, as Sharely's server SDK reads it: `id` or `temporalUserId`
 * (either one means accepted; both are the visitor, Switchboard's only end users) and the role
 * in `user_metadata`, shaped as in the user's token; a role-less user's is empty, so the SDK
 * stays role-less.
 */
const toAuthenticatedUser = ({ visitorId, role, ...visit }: AuthenticatedVisitor) => ({
  id: visitorId,
  temporalUserId: visitorId,
  ...visit,
  user_metadata: role ? { roleId: role.id, customerRoleId: role.customerRoleId } : {},
});
const authenticatedUserSchema = z.object({
  id: z.string(),
  temporalUserId: z.string(),
  spaceId: z.string(),
  workspaceId: z.string(),
  expiresAt: z.string(),
  user_metadata: z.object({
    roleId: z.string().optional(),
    customerRoleId: z.string().nullable().optional(),
  }),
});

export const sharelyOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/workspaces/{workspaceId}',
    summary:
      'Public workspace read (no credential): name, organizationId (the organizationid header) and rbacStatus',
    tags: workspacesTag,
    procedure: 'workspaces.getPublic',
  },
  {
    method: 'PUT',
    path: '/v1/workspaces/{workspaceId}/rbac-status',
    summary:
      'Turn RBAC on or off: { "rbacStatus": "ACTIVE" | "INACTIVE" } or { "rbacEnabled": true | false }',
    tags: workspacesTag,
    procedure: 'workspaces.setRbacStatus',
    present: ({ id, rbacStatus, updatedAt }: WorkspaceView) => ({ id, rbacStatus, updatedAt }),
    response: z.object({ id: z.string(), rbacStatus: z.string(), updatedAt: z.string() }),
  },
  {
    method: 'POST',
    path: '/v1/workspaces/{workspaceId}/background-jobs',
    summary:
      'The status of background jobs ({ "jobIds": [...] }, e.g. a role change\'s workflowId): { jobs: [{ id, status, … }] }',
    tags: workspacesTag,
    procedure: 'workspaces.backgroundJobs',
  },
  {
    method: 'POST',
    path: '/v1/workspaces/{workspaceId}/api-authenticated',
    summary:
      "Check an end user's token ({ token }): { id, temporalUserId, spaceId, user_metadata: { roleId, customerRoleId } }; 401 when it authenticates no user of the workspace",
    tags: ['Auth (Sharely)'],
    procedure: 'spaces.authenticateVisitor',
    present: toAuthenticatedUser,
    response: authenticatedUserSchema,
  },
  {
    method: 'GET',
    path: '/v1/workspaces/{workspaceId}/role',
    summary: "List the workspace's roles: { roles, total }",
    tags: rolesTag,
    procedure: 'roles.list',
  },
  {
    method: 'POST',
    path: '/v1/workspaces/{workspaceId}/role',
    summary: 'Create a role (name, description, customerRoleId): 201 { workflowId, role }',
    tags: rolesTag,
    procedure: 'roles.create',
    status: 201,
    present: withWorkflow,
    response: workflowSchema,
  },
  {
    method: 'GET',
    path: '/v1/workspaces/{workspaceId}/role/{roleId}',
    summary: 'Get a role by its id',
    tags: rolesTag,
    procedure: 'roles.get',
  },
  {
    method: 'PUT',
    path: '/v1/workspaces/{workspaceId}/role/{roleId}',
    summary: 'Change the fields sent of a role: { workflowId, role }',
    tags: rolesTag,
    procedure: 'roles.update',
    present: withWorkflow,
    response: workflowSchema,
  },
];
