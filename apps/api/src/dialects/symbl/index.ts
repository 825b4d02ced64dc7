import type { Dialect } from '../dialect';
import { authOperations } from './auth';
import { conversationOperations } from './conversations';
import { symblErrorBody } from './errors';
import { managementOperations } from './management';
import { settingsOperations } from './settings';

const prefixes = ['/oauth2/', '/v1/manage/', '/v1/conversations', '/v1/groups/'];

/**
 * Symbl.ai: the token exchange, both revisions of the Management API and the Conversation API
 * calls management clients make. Paths the procedures already serve in Symbl's shape (the 2022
 * singular entity / tracker paths, groups) stay on the procedures' own metadata.
 */
export const symbl: Dialect = {
  name: 'symbl',
  owns: (path) => prefixes.some((prefix) => path.startsWith(prefix)),
  operations: [...authOperations, ...managementOperations, ...settingsOperations, ...conversationOperations],
  errorBody: symblErrorBody,
};
