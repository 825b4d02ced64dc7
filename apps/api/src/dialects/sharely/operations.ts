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
