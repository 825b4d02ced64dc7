import { router } from '../../trpc/init';
import { createWorkspace } from './create-workspace';
import { generateAccessKeyToken } from './generate-access-token';
import { getWorkspace } from './get-workspace';
import { listWorkspaces } from './list-workspaces';

export const workspacesRouter = router({
  list: listWorkspaces,
  get: getWorkspace,
  create: createWorkspace,
  generateAccessToken: generateAccessKeyToken,
});
