import type { PrismaClient } from '@switchboard/db';
import type { Logger } from '../logger';
import { type CreatedOrganization, createOrganization } from '../services/organizations';
import { hashSecret } from './secrets';

// Same key in every process: concurrent first starts on one PostgreSQL create one organization.
const BOOTSTRAP_LOCK_KEY = 72_640_118_202;

/**
 * First start: when the database has no organization yet, create one with its default workspace
 * and an owner key — BOOTSTRAP_API_KEY when given, otherwise a generated key, which is returned
 * (to be printed once, see `welcome.ts`) and stored only hashed.
 */
export async function bootstrapFirstOrganization(
  prisma: PrismaClient,
  options: { bootstrapApiKey?: string | undefined; logger: Logger },
): Promise<CreatedOrganization | undefined> {
  const created = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`;
    if ((await tx.organization.count()) > 0) return undefined;
    return createOrganization(tx, {
      name: 'Default organization',
      presetKey: options.bootstrapApiKey,
      actor: { type: 'SYSTEM', id: 'bootstrap' },
    });
  });
  if (!created) {
    if (options.bootstrapApiKey) await warnIfUnknownKey(prisma, options.bootstrapApiKey, options.logger);
    return undefined;
  }
  options.logger.info({ organizationId: created.organization.id }, 'created the first organization');
  return options.bootstrapApiKey ? undefined : created;
}

async function warnIfUnknownKey(prisma: PrismaClient, key: string, logger: Logger): Promise<void> {
  const known = await prisma.apiKey.findUnique({ where: { hash: hashSecret(key) }, select: { id: true } });
  if (!known) {
    logger.warn(
      'BOOTSTRAP_API_KEY is set but the database already has organizations; the key was not registered',
    );
  }
}
