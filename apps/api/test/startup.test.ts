import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@switchboard/db';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { type ApiProcess, startApiProcess } from './support/api-process';

const BOOTSTRAP_KEY = 'startup-test-bootstrap-key-0123456789';

describe('the embedded default (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-startup-'));
  const scratch = mkdtempSync(join(tmpdir(), 'switchboard-npm-start-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  test('data written before a SIGTERM restart is there after it, and the data directory opens cleanly', async () => {
    const env = { DATA_DIR: dataDir, BOOTSTRAP_API_KEY: BOOTSTRAP_KEY };
    const first = await startApiProcess(env);
    const health = await (await fetch(`${first.url}/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'pglite' });
    const created = await fetch(`${first.url}/v1/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': BOOTSTRAP_KEY },
      body: JSON.stringify({ name: 'Survives restarts' }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const second = await startApiProcess(env);
    const again = await fetch(`${second.url}/v1/workspaces/${id}`, {
      headers: { 'x-api-key': BOOTSTRAP_KEY },
    });
    expect(again.status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
  });

  test('`npm start` runs the built API on a new data directory, prints its URL, docs and new key, and stops cleanly on SIGTERM to npm', async () => {
    const freshDir = join(scratch, 'data');
    // A cold turbo cache rebuilds the bundles first.
    const started = await startApiProcess({ DATA_DIR: freshDir }, 120_000, 'npm start');
    expect(await (await fetch(`${started.url}/health`)).json()).toEqual({ status: 'ok', database: 'pglite' });
    expect(existsSync(join(freshDir, 'PG_VERSION'))).toBe(true);
    // The first start says where the API and its docs are, and prints the new key ready to paste.
    const { port } = new URL(started.url);
    expect(started.output()).toContain(`Switchboard API on http://localhost:${port}`);
    expect(started.output()).toContain(`http://localhost:${port}/docs`);
    const key = started.output().match(/^export KEY=(sb_\S+)$/m)?.[1];
    expect(key, started.output()).toBeDefined();
    const listed = await fetch(`${started.url}/v1/workspaces`, { headers: { 'x-api-key': String(key) } });
    expect(listed.status).toBe(200);
    // npm passes the signal to scripts/start.mjs, which passes it to the API and waits for it.
    expect(await started.stop('SIGTERM')).toBe(0);
    expect(existsSync(`${freshDir}.lock`)).toBe(false);
    await expect(fetch(`${started.url}/health`)).rejects.toThrow();
  });

  test('a second process on the same data directory is refused with a clear message', async () => {
    const first = await startApiProcess({ DATA_DIR: dataDir });
    try {
      await expect(startApiProcess({ DATA_DIR: dataDir }, 20_000)).rejects.toThrow(/is in use by process/);
    } finally {
      await first.stop();
    }
  });

  test('a malformed variable stops the start with a message naming it', async () => {
    await expect(startApiProcess({ DATA_DIR: dataDir, BOOTSTRAP_API_KEY: 'short' }, 20_000)).rejects.toThrow(
      /BOOTSTRAP_API_KEY: must be at least 24 characters/,
    );
  });
});

describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'three processes on one empty %s',
  () => {
    const processes: ApiProcess[] = [];
    let url: string;
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop('SIGKILL')));
      if (url) await dropPostgresDatabase(url);
    });

    test('all become healthy; migrations and the first organization are created exactly once', async () => {
      url = await createPostgresDatabase();
      const env = { DATABASE_URL: url, BOOTSTRAP_API_KEY: BOOTSTRAP_KEY };
      processes.push(
        ...(await Promise.all([startApiProcess(env), startApiProcess(env), startApiProcess(env)])),
      );
      for (const p of processes) {
        expect(await (await fetch(`${p.url}/health`)).json()).toEqual({
          status: 'ok',
          database: 'postgresql',
        });
      }
      const db = await openDatabase({ databaseUrl: url, poolSize: 1 });
      try {
        const migrations = await db.prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations"`;
        expect(migrations.map((row) => row.migration_name)).toEqual(db.migration.alreadyApplied);
        expect(new Set(migrations.map((row) => row.migration_name)).size).toBe(migrations.length);
        expect(await db.prisma.organization.count()).toBe(1);
      } finally {
        await db.close();
      }
    });
  },
);
