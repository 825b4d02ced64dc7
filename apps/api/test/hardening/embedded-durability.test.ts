import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@switchboard/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApiProcess } from '../support/api-process';
import { send } from '../support/test-api';
import { report } from './support/http';

// Issue 17, item 6: the embedded database (PGlite on a data directory) keeps what it acknowledged
// through a power cut or an OS crash. PGlite's defaults run PostgreSQL with `-F` (fsync off), and
// its Node file system turns fsync() into a no-op; kill -9 cannot show either (the OS still has
// the pages), so this reads the settings and watches the system calls: every acknowledged write
// must have forced its WAL to disk with fsync(2) first.
describe('the embedded database on a data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-durable-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  test('runs with fsync on, syncing WAL with fsync()', async () => {
    const db = await openDatabase({ dataDir: join(dataDir, 'settings') });
    try {
      const setting = async (name: string) =>
        ((await db.prisma.$queryRawUnsafe(`SHOW ${name}`)) as Record<string, string>[])[0]?.[name];
      expect(await setting('fsync')).toBe('on');
      // Emscripten's fdatasync() does nothing; fsync() reaches the disk (drivers/durable-node-fs.ts).
      expect(await setting('wal_sync_method')).toBe('fsync');
      expect(await setting('synchronous_commit')).toBe('on');
    } finally {
      await db.close();
    }
  });

  test('every acknowledged write follows an fsync(2) of the WAL (strace of the real API)', async () => {
    const strace = spawnSync('strace', ['-V']);
    expect(strace.error, 'strace is needed for this test (apt-get install strace)').toBeUndefined();

    const key = `durable-${randomBytes(16).toString('hex')}`;
    const trace = join(dataDir, 'api.strace');
    const api = await startApiProcess(
      { DATA_DIR: join(dataDir, 'api'), BOOTSTRAP_API_KEY: key, LOG_LEVEL: 'warn' },
      120_000,
      'source',
      // -y names each descriptor's file, so the WAL's fsync and the socket's answer can be told apart.
      ['strace', '-f', '-y', '-s', '2000', '-e', 'trace=fsync,fdatasync,write,writev', '-o', trace, '--'],
    );
    // strace blocks fatal signals when it runs a program with -o (and leaves it running when it is
    // killed itself): signals go to the API, its only child.
    const tracee = Number(
      readFileSync(`/proc/${api.child.pid}/task/${api.child.pid}/children`, 'utf8').trim(),
    );
    const writes = 5;
    try {
      for (let i = 0; i < writes; i++) {
        const created = await send(`${api.url}/ccaas/1/conversations`, {
          method: 'POST',
          headers: { 'x-api-key': key, 'content-type': 'application/json' },
          body: JSON.stringify({ topic: `durable ${i}` }),
        });
        expect(created.status).toBe(200);
      }
      process.kill(tracee, 'SIGTERM');
      expect(await api.stop()).toBe(0);
    } finally {
      if (api.child.exitCode === null) process.kill(tracee, 'SIGKILL');
    }

    // Between the answers to two POSTs, in the order the calls were made: a WAL fsync first.
    const lines = readFileSync(trace, 'utf8').split('\n');
    const answers = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => /write(v)?\(\d+<(TCP|socket)[^>]*>, .*HTTP\/1\.1 200.*durable \d/.test(line));
    const walSyncs = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => /\bfsync\(\d+<[^>]*\/pg_wal\/[0-9A-F]{24}>\) = 0/.test(line));
    const unsynced = answers.filter(
      ({ index }, n) =>
        !walSyncs.some((sync) => sync.index < index && sync.index > (answers[n - 1]?.index ?? -1)),
    );
    report('embedded durability', { acknowledgedWrites: answers.length, walFsyncs: walSyncs.length });
    expect(answers).toHaveLength(writes);
    expect(unsynced.map(({ line }) => line)).toEqual([]);
  });
});
