import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { config } from './config';

/**
 * Dedicated databases on the configured PostgreSQL server (TEST_DATABASE_URL, DATABASE_URL or the
 * local default): each scenario creates its own and drops it, so nothing touches real data.
 */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const withAdmin = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> =>
  withClient(config.postgresUrl, work);

/** Databases created and not dropped yet: what an interrupted run must still drop. */
const live = new Set<string>();

export async function createBenchDatabase(purpose: string): Promise<string> {
  const name = `switchboard_bench_${purpose}_${randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(config.postgresUrl);
  url.pathname = `/${name}`;
  live.add(url.toString());
  return url.toString();
}

export async function dropBenchDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith('switchboard_bench_')) throw new Error(`refusing to drop ${name}`);
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  live.delete(url);
}

export async function dropLiveDatabases(): Promise<void> {
  for (const url of [...live]) await dropBenchDatabase(url).catch(() => {});
}

/** Creates a database, runs `work` with its URL, and drops it whatever happens. */
export async function withBenchDatabase<T>(purpose: string, work: (url: string) => Promise<T>): Promise<T> {
  const url = await createBenchDatabase(purpose);
  try {
    return await work(url);
  } finally {
    await dropBenchDatabase(url);
  }
}

export async function postgresVersion(): Promise<string> {
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${rows[0]?.server_version ?? 'unknown'}`;
  });
}
