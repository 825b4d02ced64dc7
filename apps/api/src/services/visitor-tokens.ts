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
