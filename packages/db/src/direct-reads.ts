import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Prisma } from './generated/prisma/client';
import { preparedStatementName } from './prepared-statements';

/**
 * What a raw read needs of a client: `$queryRaw` with a `Prisma.sql` statement. Prisma's client,
 * a transaction's client and `Database.reads` all have it.
 */
export interface SqlReads {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
}

/**
 * Single read statements outside any transaction, sent straight to the driver. Prisma's
 * `$queryRaw` runs each one through its query pipeline (serialized arguments, the query
 * interpreter, rows converted column by column and back), which on this machine cost 220 µs of
 * CPU for the read of one conversation where the driver alone costs 85 µs: on GET one
 * conversation, a sixth of the request. Answers are what `$queryRaw` answers for the column types
 * the schema has (text and enums cast to text, int4, int8 as BigInt, jsonb, timestamp(3) as UTC
 * Dates, text arrays); test/direct-reads.test.ts compares the two on both databases, in several
 * time zones. Date arguments are written as Prisma writes them: UTC, without a zone.
 */
export function postgresReads(pool: pg.Pool): SqlReads {
  return {
    async $queryRaw<T>(query: Prisma.Sql): Promise<T> {
      const text = query.text;
      const result = await pool.query({
        name: preparedStatementName({ sql: text }),
        text,
        values: query.values.map(argument),
        types: { getTypeParser: postgresTypeParser },
      });
      return result.rows as T;
    },
  };
}

/** The same on PGlite: its own query call, without Prisma's pipeline in front. */
export function pgliteReads(pglite: PGlite): SqlReads {
  return {
    async $queryRaw<T>(query: Prisma.Sql): Promise<T> {
      const result = await pglite.query(query.text, query.values.map(argument), { parsers: pgliteParsers });
      return result.rows as T;
    },
  };
}

const TIMESTAMP = 1114;
const INT8 = 20;

/** `timestamp` columns hold UTC without a zone (Prisma's convention); drivers read them as local time. */
const utcTimestamp = (value: string): Date => new Date(`${value.replace(' ', 'T')}Z`);

function postgresTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === TIMESTAMP) return utcTimestamp;
  if (oid === INT8) return BigInt;
  // pg's own parsers for the rest (jsonb, arrays, int4…), as Prisma's adapter uses them.
  return pg.types.getTypeParser(oid, format as 'text');
}

const pgliteParsers = { [TIMESTAMP]: utcTimestamp, [INT8]: BigInt };

/** Prisma's way with a Date argument: `yyyy-MM-dd HH:mm:ss.SSS` in UTC (see @prisma/adapter-pg). */
const argument = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
