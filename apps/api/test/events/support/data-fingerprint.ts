import { Prisma, type PrismaClient } from '@switchboard/db';

/**
 * One hash per model of every row an organization owns, in one statement: cheap enough to take
 * before and after each call of a sweep. Models come from the schema, as in the tenancy sweep.
 */
export async function dataFingerprint(
  prisma: PrismaClient,
  organizationId: string,
  leaveOut: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const parts = Object.values(Prisma.ModelName)
    .filter((model) => !leaveOut.has(model))
    .map((model) => {
      const column = model === 'Organization' ? 'id' : 'organizationId';
      // lastUsedAt records that a key was used, not a change: the first request of each minute
      // writes it (auth/key-usage.ts), whichever call of the sweep that happens to be.
      return Prisma.sql`SELECT ${model} AS "model",
        COALESCE(md5(string_agg((to_jsonb(t) - 'lastUsedAt')::text, '|' ORDER BY (to_jsonb(t) - 'lastUsedAt')::text)), '') AS "hash"
        FROM ${Prisma.raw(`"${model}"`)} t WHERE t.${Prisma.raw(`"${column}"`)} = ${organizationId}`;
    });
  const rows = await prisma.$queryRaw<{ model: string; hash: string }[]>(Prisma.join(parts, ' UNION ALL '));
  return new Map(rows.map((row) => [row.model, row.hash]));
}

export const changedModels = (before: Map<string, string>, after: Map<string, string>): string[] =>
  [...after.keys()].filter((model) => before.get(model) !== after.get(model));
