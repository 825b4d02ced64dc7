import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type DatabaseKind, openDatabase } from '../client';
import { migratedPgliteTemplate } from '../pglite-template';

export interface TestDatabase extends Database {
  /** Connection string of the dedicated PostgreSQL database, when kind is postgresql. */
  url?: string;
  /** Closes the client and drops the dedicated database. */
  dispose(): Promise<void>;
}

/** PGlite always; PostgreSQL as well when TEST_DATABASE_URL is set (as CI does). */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
}

/** A fresh, migrated database of the given kind, for one test file. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory', pgliteTemplate: await migratedPgliteTemplate() });
    return { ...db, dispose: db.close };
  }
  const url = await createPostgresDatabase();
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  return {
    ...db,
    url,
    dispose: async () => {
      await db.close();
      await dropPostgresDatabase(url);
    },
  };
}

/** Creates an empty database with a unique name on the TEST_DATABASE_URL server. */
export async function createPostgresDatabase(): Promise<string> {
  const adminUrl = requireTestDatabaseUrl();
  const name = `switchboard_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin(requireTestDatabaseUrl(), (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

function requireTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set; PostgreSQL tests need a server to create databases on.');
  return url;
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
