import { Prisma, type PrismaClient, prepared } from '@switchboard/db';

/** The organizations that have at least one enabled webhook subscription. */
export async function subscriberOrganizations(prisma: PrismaClient): Promise<Set<string>> {
  const rows = await prisma.$queryRaw<{ organizationId: string }[]>(
    prepared(Prisma.sql`SELECT DISTINCT "organizationId" FROM "WebhookSubscription" WHERE "enabled"`),
  );
  return new Set(rows.map((row) => row.organizationId));
}
