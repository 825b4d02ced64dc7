import type { AuditEntry } from '../audit/audit-entry';

// What a cached principal or visitor is made of: its key or token, the role a token carries, the
// space a visitor's token opens (and the workspace and organization around it).
const credentialEntities = new Set([
  'apiKey',
  'accessToken',
  'spaceVisitor',
  'role',
  'space',
  'workspace',
  'organization',
]);

/**
 * The organizations whose cached credentials committed changes may have made stale: those that
 * created, revoked or changed a credential or what one is scoped to. Every other mutation (the
 * conversation writes that are nearly all of them) keeps the cache, so the next request of the
 * same key is not a database lookup.
 */
export function organizationsWithCredentialChanges(changes: readonly AuditEntry[]): Set<string> {
  return new Set(
    changes
      .filter((change) => credentialEntities.has(change.entityType))
      .map((change) => change.organizationId),
  );
}
