import { defaultSettings } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../audit/record-audit';
import type { Actor, Principal } from '../auth/principal';
import { generateApiKey, hashSecret, visiblePrefix } from '../auth/secrets';

export interface CreatedOrganization {
  organization: { id: string; name: string; createdAt: Date };
  workspace: { id: string; name: string; createdAt: Date };
  /** Shown once: only its hash is stored. */
  apiKey: { id: string; prefix: string; key: string };
}

/**
 * A new tenant with its default workspace, default settings and an owner API key (which may act
 * for Slack users). `presetKey` registers a key chosen by the operator (BOOTSTRAP_API_KEY).
 */
export async function createOrganization(
  tx: Prisma.TransactionClient,
  input: { name: string; presetKey?: string | undefined; actor: Actor; requestId?: string },
): Promise<CreatedOrganization> {
  const organization = await tx.organization.create({ data: { name: input.name } });
  const workspace = await tx.workspace.create({
    data: { organizationId: organization.id, name: 'Default', isDefault: true },
  });
  await tx.settings.create({
    data: { organizationId: organization.id, document: defaultSettings as unknown as Prisma.InputJsonValue },
  });
  const { key, prefix } = input.presetKey
    ? { key: input.presetKey, prefix: visiblePrefix(input.presetKey) }
    : generateApiKey();
  const apiKey = await tx.apiKey.create({
    data: {
      organizationId: organization.id,
      name: 'Owner key',
      prefix,
      hash: hashSecret(key),
      isOwner: true,
      canActForUsers: true,
    },
  });
  await recordAudit(tx, {
    organizationId: organization.id,
    actor: input.actor,
    action: 'organization.create',
    entityType: 'organization',
    entityId: organization.id,
    after: { organization, workspace, apiKey: { id: apiKey.id, prefix } },
    requestId: input.requestId,
  });
  return {
    organization: { id: organization.id, name: organization.name, createdAt: organization.createdAt },
    workspace: { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt },
    apiKey: { id: apiKey.id, prefix, key },
  };
}

/** The principal of a new organization's owner key, for in-process callers (tests, benchmarks). */
export function ownerPrincipal(created: CreatedOrganization): Principal {
  return {
    organizationId: created.organization.id,
    credentialType: 'API_KEY',
    credentialId: created.apiKey.id,
    apiKeyId: created.apiKey.id,
    apiKeyPrefix: created.apiKey.prefix,
    isOwner: true,
    canActForUsers: true,
  };
}
