import { DomainError } from '@switchboard/core';
import type { PrismaClient } from '@switchboard/db';
import { type CredentialCache, credentialCacheFor } from './credential-cache';
import { type RequestHeaders, readCredential, valuesOf } from './credentials';
import { recordKeyUse } from './key-usage';
import type { Principal, Visitor } from './principal';
import { hashesEqual, hashSecret } from './secrets';

export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'principal'; principal: Principal }
  | { kind: 'admin' }
  /** A Sharely widget visitor's token: it opens its one space (trpc/space-procedure), nothing else. */
  | { kind: 'visitor'; visitor: Visitor }
  | { kind: 'rejected'; error: DomainError };

/** Sharely's documented message, for a credential that is missing or matches nothing. */
export const invalidOrMissing = 'Invalid or missing access token';

const rejected = (message: string): Extract<Authentication, { kind: 'rejected' }> => ({
  kind: 'rejected',
  error: new DomainError('UNAUTHORIZED', message),
});

/**
 * Resolves the request's credential to a principal (or the operator), never throwing. Valid
 * credentials are remembered for a short while (./credential-cache): the database is asked again
 * after CREDENTIAL_TTL_MS, and at once after any mutation of the credential's organization.
 */
export async function authenticate(
  prisma: PrismaClient,
  headers: RequestHeaders,
  options: { adminKeyHash?: string | undefined; now?: Date },
): Promise<Authentication> {
  const presented = readCredential(headers);
  if (presented.kind === 'none') return { kind: 'anonymous' };
  if (presented.kind === 'malformed') return rejected(presented.reason);
  // Which organization is meant is ambiguous: the caller's request to fix, not a bad credential.
  if (presented.kind === 'conflicting') {
    return {
      kind: 'rejected',
      error: new DomainError('VALIDATION', presented.reason, { field: '(headers)' }),
    };
  }

  const hash = hashSecret(presented.secret);
  if (options.adminKeyHash && hashesEqual(hash, options.adminKeyHash)) return { kind: 'admin' };

  const now = options.now ?? new Date();
  const principal = await findPrincipal(prisma, hash, now, credentialCacheFor(prisma));
  const found = principal.kind === 'rejected' ? await findVisitor(prisma, hash, now, principal) : principal;
  if (found.kind !== 'principal' && found.kind !== 'visitor') return found;

  const claimed = valuesOf(headers.organizationid);
  const organizationId =
    found.kind === 'principal' ? found.principal.organizationId : found.visitor.organizationId;
  if (claimed.length > 0 && claimed.join(', ') !== organizationId) {
    return rejected('The organizationid header does not match the organization of this credential.');
  }
  if (found.kind === 'principal') await recordKeyUse(prisma, found.principal.apiKeyId, now);
  return found;
}

/**
 * A secret that is no key and no access token may be a widget visitor's token. Not cached: a
 * visitor's requests are few, and its space may be deleted at any time.
 */
async function findVisitor(
  prisma: PrismaClient,
  hash: string,
  now: Date,
  otherwise: Extract<Authentication, { kind: 'rejected' }>,
): Promise<Authentication> {
  if (otherwise.error.message !== invalidOrMissing) return otherwise;
  const visitor = await prisma.spaceVisitor.findUnique({
    where: { hash },
    include: { space: { select: { workspaceId: true } } },
  });
  if (!visitor) return otherwise;
  if (visitor.expiresAt <= now) return rejected('This visitor token has expired; open a new space.');
  return {
    kind: 'visitor',
    visitor: {
      id: visitor.id,
      organizationId: visitor.organizationId,
      workspaceId: visitor.space.workspaceId,
      spaceId: visitor.spaceId,
      roleId: visitor.roleId ?? undefined,
      expiresAt: visitor.expiresAt,
    },
  };
}

async function findPrincipal(
  prisma: PrismaClient,
  hash: string,
  now: Date,
  cache: CredentialCache,
): Promise<Authentication> {
  const cached = cache.get(hash, now);
  if (cached) return { kind: 'principal', principal: cached };
  const generation = cache.generation();
  const found = await lookUpPrincipal(prisma, hash, now);
  if (found.kind === 'principal') {
    cache.remember(hash, { ...found, checkedAt: now }, generation);
    return { kind: 'principal', principal: found.principal };
  }
  return found;
}

type LookedUp =
  | { kind: 'principal'; principal: Principal; tokenExpiresAt?: Date }
  | Extract<Authentication, { kind: 'rejected' }>;

async function lookUpPrincipal(prisma: PrismaClient, hash: string, now: Date): Promise<LookedUp> {
  const key = await prisma.apiKey.findUnique({ where: { hash } });
  if (key) {
    if (key.revokedAt) return rejected('This API key has been revoked.');
    return {
      kind: 'principal',
      principal: {
        organizationId: key.organizationId,
        credentialType: 'API_KEY',
        credentialId: key.id,
        apiKeyId: key.id,
        apiKeyPrefix: key.prefix,
        isOwner: key.isOwner,
        canActForUsers: key.canActForUsers,
      },
    };
  }
  const token = await prisma.accessToken.findUnique({ where: { hash }, include: { apiKey: true } });
  if (!token) return rejected(invalidOrMissing);
  if (token.expiresAt <= now) return rejected('This access token has expired; generate a new one.');
  if (token.apiKey.revokedAt) return rejected('The API key behind this access token has been revoked.');
  return {
    kind: 'principal',
    tokenExpiresAt: token.expiresAt,
    principal: {
      organizationId: token.organizationId,
      credentialType: 'ACCESS_TOKEN',
      credentialId: token.id,
      apiKeyId: token.apiKeyId,
      apiKeyPrefix: token.apiKey.prefix,
      isOwner: token.apiKey.isOwner,
      canActForUsers: token.apiKey.canActForUsers,
      ...(token.roleId ? { roleId: token.roleId } : {}),
    },
  };
}
