import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseKind } from '@switchboard/db';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '@switchboard/db/testing';
import { afterEach, describe, expect, test } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { send } from '../support/test-api';
import { openSse } from './support/sse-client';

const key = `events-${randomBytes(16).toString('hex')}`;
const headers = { 'x-api-key': key, 'content-type': 'application/json' };

/** A database for API processes: a PGlite data directory, or a PostgreSQL database of its own. */
async function processDatabase(
  kind: DatabaseKind,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const env: Record<string, string> = { BOOTSTRAP_API_KEY: key, RATE_LIMIT_PER_MINUTE: '1000000' };
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-events-'));
    return { env: { ...env, DATA_DIR: dataDir }, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const url = await createPostgresDatabase();
  return { env: { ...env, DATABASE_URL: url }, drop: () => dropPostgresDatabase(url) };
}

const create = (api: ApiProcess, topic: string) =>
  send(`${api.url}/ccaas/1/conversations`, { method: 'POST', headers, body: JSON.stringify({ topic }) });

// biome-ignore lint/suspicious/noExplicitAny: events are read field by field
const readLog = async (api: ApiProcess): Promise<any[]> => {
  const events = [];
  let after = 0;
  for (;;) {
    const page = await send(`${api.url}/v1/events?after=${after}&limit=1000`, { headers });
    events.push(...page.body.events);
    after = page.body.next;
    if (!page.body.hasMore) return events;
  }
};

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
}, 60_000);

/** An API process on a fresh database, both removed after the test. */
async function apiOnFreshDatabase(kind: DatabaseKind) {
  const database = await processDatabase(kind);
  cleanups.push(database.drop);
  const api = await startApiProcess(database.env, 120_000);
  cleanups.push(() => api.stop('SIGKILL'));
  return { api, database };
}

describe.each(testDatabaseKinds())('events and API processes on %s', (kind) => {
  test('kill -9 just after writes were acknowledged: every acknowledged change has its event after restart', async () => {
    const { api, database } = await apiOnFreshDatabase(kind);
    const acked: string[] = [];
    let killed: Promise<unknown> | undefined;
    // Eight writers; the process dies right after the tenth acknowledgement, others in flight.
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        for (let i = 0; !killed; i++) {
          const res = await create(api, `w${writer}-${i}`).catch(() => undefined);
          if (res?.status !== 201 && res?.status !== 200) return;
          acked.push(res.body.id);
          if (acked.length === 10) killed = api.stop('SIGKILL');
        }
      }),
    );
    await killed;

    const restarted = await startApiProcess(database.env, 120_000);
    cleanups.push(() => restarted.stop('SIGKILL'));
    const events = await readLog(restarted);
    const created = new Set(
      events.filter((e) => e.type === 'conversation.created').map((e) => e.data.conversation.id),
    );
    expect(acked.filter((id) => !created.has(id))).toEqual([]);
    // And no event without its change: every created conversation exists.
    for (const id of created) {
      const read = await send(`${restarted.url}/ccaas/1/conversations/${id}`, { headers });
      expect(read.status).toBe(200);
    }
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
  });
});

describe.each(testDatabaseKinds())('stopping an API process with open streams on %s', (kind) => {
  test('SIGTERM ends open SSE and tRPC event streams, so the process exits cleanly at once', async () => {
    const { api } = await apiOnFreshDatabase(kind);
    const sse = await openSse(`${api.url}/v1/events/stream`, { 'x-api-key': key });
    const trpc = await openSse(`${api.url}/trpc/events.stream?input=${encodeURIComponent('{}')}`, {
      'x-api-key': key,
    });
    await expect.poll(() => sse.frames.length + trpc.frames.length).toBeGreaterThan(1);
    const started = Date.now();
    expect(await api.stop('SIGTERM')).toBe(0);
    // The forced exit after 10 s would answer 1; streams left open would hold it that long.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

// Several API processes share one database only on PostgreSQL (PGlite is one process's own).
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))('API processes on %s', (kind) => {
  test('an SSE client of one API process sees the changes made through another, in order, once', async () => {
    const database = await processDatabase(kind);
    cleanups.push(database.drop);
    const [first, second] = await Promise.all([
      startApiProcess(database.env, 120_000),
      startApiProcess(database.env, 120_000),
    ]);
    if (!first || !second) throw new Error('API processes did not start');
    cleanups.push(
      () => first.stop('SIGKILL'),
      () => second.stop('SIGKILL'),
    );
    const stream = await openSse(`${first.url}/v1/events/stream?types=conversation.created`, {
      'x-api-key': key,
    });
    cleanups.push(async () => stream.close());
    await expect.poll(() => stream.frames.length).toBeGreaterThan(0);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await create(i % 2 ? first : second, `across ${i}`)).body.id);
    // The notification, not the poll fallback (5 s), brings them: well within 4 s.
    await expect.poll(() => stream.events().length, { timeout: 4_000 }).toBe(20);
    expect(stream.events().map((e) => e.data.conversation.id)).toEqual(ids);
  });
});
