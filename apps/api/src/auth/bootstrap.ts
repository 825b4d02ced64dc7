import type { PrismaClient } from '@switchboard/db';
import type { Logger } from '../logger';
import { createOrganization } from '../services/organizations';
import { hashSecret } from './secrets';

// Same key in every process: concurrent first starts on one PostgreSQL create one organization.
const BOOTSTRAP_LOCK_KEY = 72_640_118_202;

/**
 * First start: when the database has no organization yet, create one with its default workspace
 * and an owner key — BOOTSTRAP_API_KEY when given, otherwise a generated key printed once.
 */
export async function bootstrapFirstOrganization(
  prisma: PrismaClient,
  options: { bootstrapApiKey?: string | undefined; logger: Logger; print?: (line: string) => void },
): Promise<void> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
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
    return;
  }
  options.logger.info({ organizationId: created.organization.id }, 'created the first organization');
  if (!options.bootstrapApiKey) {
    print(
      [
        '',
        'Switchboard created its first organization. Its API key is shown only this once:',
        `  ${created.apiKey.key}`,
        `  organization ${created.organization.id}, workspace ${created.workspace.id}`,
        'Send it as "x-api-key: <key>". Set BOOTSTRAP_API_KEY to choose the key yourself.',
        '',
      ].join('\n'),
    );
  }
}

async function warnIfUnknownKey(prisma: PrismaClient, key: string, logger: Logger): Promise<void> {
  const known = await prisma.apiKey.findUnique({ where: { hash: hashSecret(key) }, select: { id: true } });
  if (!known) {
    logger.warn(
      'BOOTSTRAP_API_KEY is set but the database already has organizations; the key was not registered',
    );
  }
}
