import { router } from '../../trpc/init';
import { backgroundJobs } from './background-jobs';
import { createWorkspace } from './create-workspace';
import { generateAccessKeyToken } from './generate-access-token';
import { getPublicWorkspace } from './get-public-workspace';
import { getWorkspace } from './get-workspace';
import { listWorkspaces } from './list-workspaces';
import { setRbacStatus } from './set-rbac-status';

export const workspacesRouter = router({
  list: listWorkspaces,
  get: getWorkspace,
  create: createWorkspace,
  generateAccessToken: generateAccessKeyToken,
  getPublic: getPublicWorkspace,
  setRbacStatus,
  backgroundJobs,
});
