import { type OrganizationSettings, resolveSettings } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** The organization's settings, with defaults filled in for anything the stored document lacks. */
export async function loadSettings(
  tx: Prisma.TransactionClient,
  organizationId: string,
): Promise<OrganizationSettings> {
  const row = await tx.settings.findUnique({ where: { organizationId } });
  return resolveSettings(row?.document ?? {});
}

/** The page size to serve: the requested one within the organization's maximum, else its default. */
export function pageSize(settings: OrganizationSettings, requested: number | undefined): number {
  return Math.min(requested ?? settings.pagination.defaultPageSize, settings.pagination.maxPageSize);
}
