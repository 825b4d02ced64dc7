import type { PrismaClient } from '@switchboard/db';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Runs `work` in one transaction with the secondary indexes and the foreign keys of `tables`
 * dropped, then rebuilds them from their own definitions (pg_indexes, pg_get_constraintdef), so
 * the schema is exactly the migration's afterwards. Building an index once over a million rows is
 * several times cheaper than updating eleven indexes (one of them GIN) row by row, and adding a
 * foreign key back checks every row in one join instead of one trigger call per row (the per-row
 * checks were most of a million-row seed). Re-adding the keys validates them: a seed that broke
 * one fails here. Primary keys and unique constraints stay.
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
      const foreignKeys = await tx.$queryRawUnsafe<{ table: string; name: string; definition: string }[]>(
        `SELECT con.conrelid::regclass::text AS "table", con.conname AS "name",
           pg_get_constraintdef(con.oid) AS "definition"
         FROM pg_constraint con
         WHERE con.contype = 'f' AND con.connamespace = current_schema()::regnamespace
           AND con.conrelid::regclass::text = ANY($1::text[])`,
        tables.map((table) => `"${table}"`),
      );
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
      for (const key of foreignKeys)
        await tx.$executeRawUnsafe(`ALTER TABLE ${key.table} DROP CONSTRAINT "${key.name}"`);
      for (const index of indexes) await tx.$executeRawUnsafe(`DROP INDEX "${index.indexname}"`);
      await work(tx);
      for (const index of indexes) await tx.$executeRawUnsafe(index.indexdef);
      for (const key of foreignKeys)
        await tx.$executeRawUnsafe(`ALTER TABLE ${key.table} ADD CONSTRAINT "${key.name}" ${key.definition}`);
    },
    { maxWait: 60_000, timeout: 3_600_000 },
  );
}
