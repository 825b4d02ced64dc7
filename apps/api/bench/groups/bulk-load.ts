import type { PrismaClient } from '@switchboard/db';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Runs `work` in one transaction with the secondary indexes of `tables` dropped, then rebuilds
 * them from their own definitions (pg_indexes), so the indexes are exactly the migration's.
 * Building an index once over a million rows is several times cheaper than updating eleven
 * indexes (one of them GIN) row by row. Primary keys and constraint-backed indexes stay.
 */
export async function withDeferredIndexes(
  prisma: PrismaClient,
  tables: string[],
  work: (tx: Transaction) => Promise<void>,
): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const indexes = await tx.$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(
        `SELECT indexname, indexdef FROM pg_indexes
         WHERE schemaname = current_schema() AND tablename = ANY($1::text[])
           AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
        tables,
      );
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
      for (const index of indexes) await tx.$executeRawUnsafe(`DROP INDEX "${index.indexname}"`);
      await work(tx);
      for (const index of indexes) await tx.$executeRawUnsafe(index.indexdef);
    },
    { maxWait: 60_000, timeout: 3_600_000 },
  );
}
