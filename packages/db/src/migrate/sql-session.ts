/**
 * The few raw-SQL operations the migrator needs, over either driver. Migrations are
 * multi-statement scripts, which Prisma's parameterised raw queries cannot run, so the migrator
 * talks to the driver (pg or PGlite) directly.
 */
export interface SqlSession {
  /** Runs `work` inside one transaction; a thrown error rolls everything back. */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}

export interface SqlTransaction {
  /** Runs a script of one or more statements without parameters. */
  exec(script: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}
