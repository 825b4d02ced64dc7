import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@switchboard/db/testing';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { CoalescedCounting } from '../src/http/coalesced-counting';
import { openRateLimitStore, type RateLimitStore } from '../src/http/rate-limit-store';
import { createLogger } from '../src/logger';

const LIMIT = 30;

/** Each consume's outcome: the remaining points it was answered with, or 'refused'. */
const outcomes = (attempts: Promise<RateLimiterRes>[]) =>
  Promise.all(
    attempts.map((attempt) =>
      attempt.then(
        (res) => res.remainingPoints,
        (refusal: unknown) => {
          if (!(refusal instanceof RateLimiterRes)) throw refusal;
          return 'refused' as const;
        },
      ),
    ),
  );

// The store is PostgreSQL's shared table where the database is PostgreSQL (as in production),
// memory on PGlite.
describe.each(testDatabaseKinds())('a key counted in the store of %s', (kind) => {
  let database: TestDatabase;
  let store: RateLimitStore;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = await openRateLimitStore({
      perMinute: LIMIT,
      databaseUrl: database.url,
      logger: createLogger('silent'),
    });
  });
  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });

  test('concurrent requests are counted in one round trip each time the store answers, and exactly the limit passes', async () => {
    const counting = new CoalescedCounting(store.limiter);
    const storeCalls = vi.spyOn(store.limiter, 'consume');
    const key = `key:${randomUUID()}`;
    const answers = await outcomes(Array.from({ length: 50 }, () => counting.consume(key, 1)));

    // The first request is counted alone; the 49 that arrived meanwhile, together.
    expect(storeCalls).toHaveBeenCalledTimes(2);
    storeCalls.mockRestore();
    expect(answers.filter((answer) => answer === 'refused')).toHaveLength(50 - LIMIT);
    // Every accepted request has its own place in the window, in arrival order.
    expect(answers.slice(0, LIMIT)).toEqual(Array.from({ length: LIMIT }, (_, i) => LIMIT - 1 - i));
  });

  test('a batch is shared out as consecutive consumes would be, tRPC batches of several points included', async () => {
    const counting = new CoalescedCounting(store.limiter);
    const points = [1, 25, 3, 2, 1, 4];
    const serialKey = `key:${randomUUID()}`;
    const serial: (number | 'refused')[] = [];
    for (const each of points) serial.push(...(await outcomes([store.limiter.consume(serialKey, each)])));

    const coalescedKey = `key:${randomUUID()}`;
    const coalesced = await outcomes(points.map((each) => counting.consume(coalescedKey, each)));
    expect(coalesced).toEqual(serial);
    // 1 + 25 + 3 = 29 fit the limit of 30; the 2 crosses it and everything after is refused.
    expect(coalesced).toEqual([29, 4, 1, 'refused', 'refused', 'refused']);
  });

  test('once a window is spent, later requests are refused until it ends', async () => {
    const counting = new CoalescedCounting(store.limiter);
    const key = `key:${randomUUID()}`;
    await outcomes(Array.from({ length: LIMIT }, () => counting.consume(key, 1)));
    const later = await outcomes(Array.from({ length: 5 }, () => counting.consume(key, 1)));
    expect(later).toEqual(Array(5).fill('refused'));
  });
});
