import type { Prisma } from '@switchboard/db';
import { generateAccessToken, hashSecret } from '../auth/secrets';

/** Sharely documents 24 h ("generate once, reuse"); Symbl's tokens live 86 400 s. */
export const ACCESS_TOKEN_SECONDS = 24 * 60 * 60;

/**
 * Issues a bearer token for an API key: only its hash is stored; the token is returned once.
 * A role-scoped token carries its role (Sharely's `roleId` / `customerRoleId`).
 */
export async function issueAccessToken(
  tx: Prisma.TransactionClient,
  options: {
    organizationId: string;
    workspaceId: string;
    apiKeyId: string;
    lifetimeSeconds: number;
    roleId?: string | undefined;
  },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = generateAccessToken();
  const expiresAt = new Date(Date.now() + options.lifetimeSeconds * 1000);
  const created = await tx.accessToken.create({
    data: {
      organizationId: options.organizationId,
      workspaceId: options.workspaceId,
      apiKeyId: options.apiKeyId,
      hash: hashSecret(token),
      expiresAt,
      ...(options.roleId === undefined ? {} : { roleId: options.roleId }),
    },
  });
  return { id: created.id, token, expiresAt };
}
