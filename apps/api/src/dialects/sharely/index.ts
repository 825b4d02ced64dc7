import type { Dialect } from '../dialect';
import { sharelyErrorBody } from './errors';
import { sharelyOperations } from './operations';
import { spaceOperations } from './spaces';
import { widgetOperations } from './widget';

const prefixes = ['/workspaces/', '/v1/workspaces', '/spaces/', '/public-spaces/'];

/**
 * Sharely.ai: token exchange, workspaces, roles and spaces. The token exchange, workspace CRUD and
 * the documented space paths are the procedures' own REST paths (routers/workspaces, spaces);
 * this module adds the rest and owns the family's error body and `X-API-Version: v1` header.
 */
export const sharely: Dialect = {
  name: 'sharely',
  owns: (path) => path === '/spaces' || prefixes.some((prefix) => path.startsWith(prefix)),
  operations: [...sharelyOperations, ...spaceOperations, ...widgetOperations],
  errorBody: sharelyErrorBody,
  headers: { 'X-API-Version': 'v1' },
};
