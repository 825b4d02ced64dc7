import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/principal';
import { generateAccessToken, hashSecret } from '../auth/secrets';
import { ACCESS_TOKEN_SECONDS } from './access-tokens';

/**
 * Issues a Sharely temporal user (a visitor) of one space and its token: 24 hours, as the widget
 * keeps it (a one-day cookie). Only the hash is stored. The claims name the space, the visitor
 * and, for a role-scoped session, the role (`user_metadata`, which the widget's RBAC check reads).
 * `actor` is who asked; an anonymous caller acts as the visitor being created (`visitorId`).
 */
export async function issueVisitorToken(
  tx: Prisma.TransactionClient,
  options: {
    organizationId: string;
    workspaceId: string;
    spaceId: string;
    visitorId: string;
    role?: { id: string; customerRoleId: string | null } | undefined;
    actor: Actor;
    requestId?: string | undefined;
  },
): Promise<{ token: string; temporalUserId: string; expiresAt: Date }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = new Date((issuedAt + ACCESS_TOKEN_SECONDS) * 1000);
  const token = generateAccessToken({
    iss: 'switchboard',
    iat: issuedAt,
    exp: issuedAt + ACCESS_TOKEN_SECONDS,
    organizationId: options.organizationId,
    workspaceId: options.workspaceId,
    spaceId: options.spaceId,
    temporalUserId: options.visitorId,
    ...(options.role
      ? { user_metadata: { roleId: options.role.id, customerRoleId: options.role.customerRoleId } }
      : {}),
  });
  await tx.spaceVisitor.create({
    data: {
      id: options.visitorId,
      organizationId: options.organizationId,
      spaceId: options.spaceId,
      hash: hashSecret(token),
      roleId: options.role?.id ?? null,
      expiresAt,
    },
  });
  await recordAudit(tx, {
    organizationId: options.organizationId,
    actor: options.actor,
    action: 'spaceVisitor.create',
    entityType: 'spaceVisitor',
    entityId: options.visitorId,
    after: { id: options.visitorId, spaceId: options.spaceId, roleId: options.role?.id ?? null, expiresAt },
    requestId: options.requestId,
  });
  return { token, temporalUserId: options.visitorId, expiresAt };
}

/**
 * The visitor of one workspace an end user's token belongs to (Sharely's api-authenticated, which
 * a server checks a user's token with). The token is found by its hash among the visitors of the
 * organization's spaces in that workspace, never by its claims (which anyone can write); its role
 * is the visitor's, as it is now. Any token that is not such a visitor's, or has expired, is 401.
 */
export async function authenticateVisitorToken(
  db: Prisma.TransactionClient,
  options: { organizationId: string; workspaceId: string; token: string; now?: Date },
) {
  const { organizationId, workspaceId } = options;
  const visitor = await db.spaceVisitor.findFirst({
    where: { hash: hashSecret(options.token), organizationId, space: { workspaceId } },
  });
  if (!visitor) {
    throw new DomainError(
      'UNAUTHORIZED',
      "This token authenticates no user of this workspace: send a user's token issued for it (by activate-or-retrieve-user-space or POST /workspaces/{workspaceId}/spaces).",
      { field: 'token' },
    );
  }
  if (visitor.expiresAt <= (options.now ?? new Date())) {
    throw new DomainError(
      'UNAUTHORIZED',
      "This user's token has expired; activate the user's space (or open a space) again for a new one.",
      { field: 'token' },
    );
  }
  const role = visitor.roleId
    ? await db.role.findFirst({ where: { id: visitor.roleId, organizationId } })
    : null;
  return { visitor, role };
}
