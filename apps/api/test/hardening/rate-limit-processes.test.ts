import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { send } from '../support/test-api';
import { report } from './support/http';
import { type ProcessDatabase, processDatabase } from './support/process-database';

// Issue 17, item 8: one key's budget holds across API processes. With PostgreSQL (and
// with Redis when REDIS_URL is set) every process counts in the same store, so N processes do
// not give a key N times its limit, and a process killed with SIGKILL takes no counts with it.
// PGlite is one process by design: its counters are in memory.
const LIMIT = 40;

type Store = 'memory' | 'postgresql' | 'redis';
const stores: Store[] = process.env.TEST_DATABASE_URL
  ? ['memory', 'postgresql', ...(process.env.TEST_REDIS_URL ? (['redis'] as const) : [])]
  : ['memory'];

/** Points the shared store holds for the bootstrap key, read straight from PostgreSQL or Redis. */
async function pointsInStore(
  store: Store,
  databaseUrl: string,
): Promise<{ postgresql: number; redis: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counters = await client.query<{ points: number }>('SELECT points FROM rate_limit.counters');
    const keys = await client.query<{ id: string }>('SELECT id FROM "ApiKey"');
    let redis = 0;
    if (store === 'redis') {
      const connection = new Redis(process.env.TEST_REDIS_URL as string);
      redis = Number(await connection.get(`rlflx:key:${keys.rows[0]?.id}`));
      await connection.quit();
    }
    return { postgresql: counters.rows.reduce((sum, row) => sum + row.points, 0), redis };
  } finally {
    await client.end();
  }
}

describe.each(stores)('one key against API processes counting in %s', (store) => {
  const key = `limit-${randomBytes(16).toString('hex')}`;
  const running: ApiProcess[] = [];
  let database: ProcessDatabase | undefined;
  afterAll(async () => {
    await Promise.all(running.map((api) => api.stop('SIGKILL')));
    await database?.remove();
  }, 60_000);

  const start = async (): Promise<ApiProcess> => {
    const api = await startApiProcess(
      {
        ...database?.env,
        ...(store === 'redis' ? { REDIS_URL: process.env.TEST_REDIS_URL as string } : {}),
        BOOTSTRAP_API_KEY: key,
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        DATABASE_POOL_SIZE: '3',
      },
      120_000,
    );
    running.push(api);
    return api;
  };
  /** `count` requests spread over the processes, six at a time; the statuses in order. */
  const burst = async (apis: ApiProcess[], count: number): Promise<number[]> => {
    const statuses: number[] = [];
    for (let first = 0; first < count; first += 6) {
      const wave = Array.from({ length: Math.min(6, count - first) }, (_, i) => {
        const api = apis[(first + i) % apis.length] as ApiProcess;
        return send(`${api.url}/v1/workspaces`, { headers: { 'x-api-key': key } });
      });
      statuses.push(...(await Promise.all(wave)).map((res) => res.status));
    }
    return statuses;
  };
  const accepted = (statuses: number[]) => statuses.filter((status) => status === 200).length;

  if (store === 'memory') {
    test(`PGlite, one process: accepts exactly ${LIMIT} requests a minute`, async () => {
      database = await processDatabase('pglite');
      const statuses = await burst([await start()], LIMIT + 20);
      report('rate limit in one process (PGlite)', { limit: LIMIT, accepted: accepted(statuses) });
      // Requests go in waves of 6 at once, so within the wave that crosses the limit the 429s may
      // come back before the last 200s: the count is what holds, not the order.
      expect([...statuses].sort((x, y) => x - y)).toEqual([
        ...Array(LIMIT).fill(200),
        ...Array(20).fill(429),
      ]);
    });
    return;
  }

  test(`three processes on one PostgreSQL accept exactly ${LIMIT} requests a minute in all, through a kill -9`, async () => {
    database = await processDatabase('postgresql');
    // The fourth joins only after the kill, as a replacement would; it is started now so that
    // both bursts fall in one window even on a slow machine.
    const [first, second, third, replacement] = await Promise.all([start(), start(), start(), start()]);
    const apis = [first, second, third] as ApiProcess[];
    const before = await burst(apis, 24);

    // A process dies without a word; its replacement must not bring a fresh budget.
    await (first as ApiProcess).stop('SIGKILL');
    const survivors = [second, third, replacement] as ApiProcess[];
    const after = await burst(survivors, LIMIT + 20);
    const points = await pointsInStore(store, database.env.DATABASE_URL as string);

    report(`rate limit across processes (${store})`, {
      limit: LIMIT,
      acceptedBeforeKill: accepted(before),
      acceptedAfterKill: accepted(after),
      refused: [...before, ...after].filter((status) => status === 429).length,
      pointsInPostgresql: points.postgresql,
      pointsInRedis: points.redis,
    });
    expect(before.every((status) => status === 200)).toBe(true);
    expect(accepted(before) + accepted(after)).toBe(LIMIT);
    expect(after.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    // The counts are where this configuration says they are, and nowhere else.
    expect(store === 'redis' ? points.redis : points.postgresql).toBeGreaterThanOrEqual(LIMIT);
    expect(store === 'redis' ? points.postgresql : points.redis).toBe(0);
  });
});

describe('a REDIS_URL that cannot be reached', () => {
  let database: ProcessDatabase | undefined;
  afterAll(() => database?.remove());

  test('stops the API at start, naming the variable and the reason', async () => {
    database = await processDatabase('pglite');
    await expect(
      startApiProcess({ ...database.env, REDIS_URL: 'redis://127.0.0.1:1' }, 60_000),
    ).rejects.toThrow(/REDIS_URL: cannot connect to Redis \(connect ECONNREFUSED 127\.0\.0\.1:1\)/);
  });
});
