import type { PrismaClient } from '@switchboard/db';
import type { Logger } from '../logger';
import type { ScheduledJob } from './scheduler';

/** How often the tables are looked at: PostgreSQL's own autovacuum_naptime default. */
export const embeddedVacuumEveryMs = 60_000;

/** A table past one of autovacuum's thresholds, and what it is due for. */
export interface DueTable {
  /** Schema-qualified and quoted by the server (quote_ident), ready for a statement. */
  name: string;
  vacuum: boolean;
}

/**
 * PostgreSQL's autovacuum, for the embedded database. PGlite is PostgreSQL in single-user mode,
 * which starts no background workers, so nothing ever vacuums or analyzes it: the space of a
 * deleted or updated row is never reused, and a table whose live rows stay the same size grows
 * for as long as rows change (5 000 rows inserted and deleted four times took 20 MB where 5 MB
 * live; vacuumed after each round, 5–10 MB). The event log, pruned to its retention, and webhook
 * deliveries, written at every attempt, are such tables. Each run asks the server's activity
 * counters which tables are past autovacuum's own thresholds, from the server's settings
 * (`autovacuum_vacuum_threshold` + `autovacuum_vacuum_scale_factor` × rows, the same for
 * inserts and for analyze), and vacuums and analyzes those, or only analyzes them. The counters
 * start at zero with the process (PGlite keeps none across a restart, as PostgreSQL keeps none
 * after a crash): rows changed before it are reclaimed at the table's next vacuum. PGlite's one
 * connection waits while a table is vacuumed, as it waits for any statement: a run's work is in
 * proportion to the rows changed since the last, as autovacuum's is.
 */
export function embeddedVacuum(logger: Logger, everyMs = embeddedVacuumEveryMs): ScheduledJob {
  return {
    name: 'embedded-vacuum',
    everyMs,
    async run(prisma: PrismaClient) {
      for (const table of await tablesDue(prisma)) {
        const started = performance.now();
        await prisma.$executeRawUnsafe(`${table.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${table.name}`);
        logger.debug(
          { table: table.name, vacuum: table.vacuum, ms: Math.round(performance.now() - started) },
          'maintained an embedded table',
        );
      }
    },
  };
}

/** The tables autovacuum would process now, by the same counters and settings. */
export async function tablesDue(prisma: PrismaClient): Promise<DueTable[]> {
  // A backend reports its counters at most once a second, when idle: ask for them now, so the
  // read below (the next statement) sees the changes up to this moment.
  await prisma.$executeRaw`SELECT pg_stat_force_next_flush()`;
  return prisma.$queryRaw<DueTable[]>`
    WITH "setting" AS (
      SELECT
        current_setting('autovacuum_vacuum_threshold')::float8 AS "vacuumBase",
        current_setting('autovacuum_vacuum_scale_factor')::float8 AS "vacuumScale",
        current_setting('autovacuum_vacuum_insert_threshold')::float8 AS "insertBase",
        current_setting('autovacuum_vacuum_insert_scale_factor')::float8 AS "insertScale",
        current_setting('autovacuum_analyze_threshold')::float8 AS "analyzeBase",
        current_setting('autovacuum_analyze_scale_factor')::float8 AS "analyzeScale"
    ),
    "counted" AS (
      -- reltuples is -1 until a table was first vacuumed or analyzed.
      SELECT quote_ident(t."schemaname") || '.' || quote_ident(t."relname") AS "name",
        t."n_dead_tup" AS "dead", t."n_ins_since_vacuum" AS "inserted", t."n_mod_since_analyze" AS "changed",
        GREATEST(c."reltuples", 0) AS "rows"
      FROM pg_stat_user_tables t JOIN pg_class c ON c."oid" = t."relid"
    ),
    "due" AS (
      SELECT c."name",
        c."dead" > s."vacuumBase" + s."vacuumScale" * c."rows"
          OR c."inserted" > s."insertBase" + s."insertScale" * c."rows" AS "vacuum",
        c."changed" > s."analyzeBase" + s."analyzeScale" * c."rows" AS "analyze"
      FROM "counted" c CROSS JOIN "setting" s
    )
    SELECT "name", "vacuum" FROM "due" WHERE "vacuum" OR "analyze" ORDER BY "name"`;
}
