import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/principal';
import { generateAccessToken, hashSecret } from '../auth/secrets';

/** Sharely documents 24 h ("generate once, reuse"); Symbl's tokens live 86 400 s. */
export const ACCESS_TOKEN_SECONDS = 24 * 60 * 60;

/**
 * Issues a bearer token for an API key: only its hash is stored; the token is returned once.
 * A role-scoped token carries its role (Sharely's `roleId` / `customerRoleId`): in its row, which
 * is what counts, and in its readable claims (`user_metadata`, as Sharely's tokens show it).
 */
export async function issueAccessToken(
  tx: Prisma.TransactionClient,
  options: {
    organizationId: string;
    workspaceId: string;
    apiKeyId: string;
    lifetimeSeconds: number;
    role?: { id: string; customerRoleId: string | null } | undefined;
    /** Who asked: a credential came into being, so it is audited (and so an event), never its secret. */
    actor: Actor;
    requestId?: string | undefined;
  },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = new Date((issuedAt + options.lifetimeSeconds) * 1000);
  const token = generateAccessToken({
    iss: 'switchboard',
    iat: issuedAt,
    exp: issuedAt + options.lifetimeSeconds,
    organizationId: options.organizationId,
    workspaceId: options.workspaceId,
    ...(options.role
      ? { user_metadata: { roleId: options.role.id, customerRoleId: options.role.customerRoleId } }
      : {}),
  });
  const created = await tx.accessToken.create({
    data: {
      organizationId: options.organizationId,
      workspaceId: options.workspaceId,
      apiKeyId: options.apiKeyId,
      hash: hashSecret(token),
      expiresAt,
      ...(options.role === undefined ? {} : { roleId: options.role.id }),
    },
  });
  await recordAudit(tx, {
    organizationId: options.organizationId,
    actor: options.actor,
    action: 'accessToken.create',
    entityType: 'accessToken',
    entityId: created.id,
    after: {
      id: created.id,
      workspaceId: created.workspaceId,
      apiKeyId: created.apiKeyId,
      roleId: created.roleId,
      expiresAt,
    },
    requestId: options.requestId,
  });
  return { id: created.id, token, expiresAt };
}
