import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { postgresReads, type SqlReads } from '../direct-reads';
import type { SqlSession } from '../migrate/sql-session';
import { preparedStatementName } from '../prepared-statements';
import { CommittingClient } from './committing-client';

export interface PostgresDriver {
  session: SqlSession;
  adapter: PrismaPg;
  /** Single reads on the adapter's own pool, without Prisma in front (../direct-reads). */
  reads: SqlReads;
}

/** A PostgreSQL server reached through a connection pool (`@prisma/adapter-pg`). */
export function openPostgres(options: { databaseUrl: string; poolSize?: number }): PostgresDriver {
  const session: SqlSession = {
    async transaction(work) {
      // A dedicated connection: the migration's advisory lock lives as long as its transaction.
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async (sql, params) => (await client.query(sql, params)).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        await client.end();
      }
    },
  };
  // One pool for Prisma and the direct reads; Prisma's disconnect ends it.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    Client: CommittingClient,
  });
  // An idle connection that breaks (a server restart) is dropped from the pool, and the next
  // statement opens another. Prisma's adapter listens for that only once Prisma has connected;
  // a direct read can come first, and an 'error' nobody listens for ends the process.
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // The statements marked with `prepared` are prepared once per connection (see there). The
    // adapter's type asks for a name for every statement; pg's query() sends one without a name
    // (`undefined`) unprepared, as the adapter does when no generator is given.
    statementNameGenerator: (query) => preparedStatementName(query) as string,
  });
  return { session, adapter, reads: postgresReads(pool) };
}
