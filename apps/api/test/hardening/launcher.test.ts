import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatabaseKind } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterEach, describe, expect, test } from 'vitest';
import { freePort } from '../support/api-process';
import { send } from '../support/test-api';
import { report } from './support/http';
import { type ProcessDatabase, processDatabase } from './support/process-database';

// Issue 17, item 14: `npm start`'s launcher (scripts/start.mjs, the bundled apps) restarts a child
// that crashed after it had been healthy, and gives up, saying why, on one that cannot start.
const repositoryRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const key = `launcher-${randomBytes(16).toString('hex')}`;

interface Launcher {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the first match of `pattern` in the output (after `from` characters). */
  waitFor(pattern: RegExp, from?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

const launchers: Launcher[] = [];
const databases: ProcessDatabase[] = [];
afterEach(async () => {
  // A launcher left running by a failed test: SIGTERM, so that it stops its API child too (a
  // SIGKILL would leave that child running), and SIGKILL only if it does not exit.
  for (const launcher of launchers.splice(0)) {
    if (launcher.child.exitCode !== null) continue;
    launcher.child.kill('SIGTERM');
    const late = setTimeout(() => launcher.child.kill('SIGKILL'), 30_000);
    await launcher.exited;
    clearTimeout(late);
  }
  for (const database of databases.splice(0)) await database.remove();
}, 60_000);

async function launch(
  kind: DatabaseKind,
  env: Record<string, string> = {},
): Promise<Launcher & { database: ProcessDatabase }> {
  const database = await processDatabase(kind);
  databases.push(database);
  const port = String(await freePort());
  const child = spawn(process.execPath, ['scripts/start.mjs', 'api'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      ...database.env,
      PORT: port,
      BOOTSTRAP_API_KEY: key,
      LOG_LEVEL: 'warn',
      LAUNCHER_RESTART_DELAY_MS: '100',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk;
    for (const check of waiting) check();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, from = 0) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.slice(from).match(pattern);
        if (!match) return;
        waiting.delete(check);
        clearTimeout(timer);
        resolve(match);
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`no ${pattern} in the launcher's output:\n${output}`));
      }, 180_000);
      waiting.add(check);
      check();
    });
  const launcher = {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    waitFor,
    exited,
    database,
  };
  launchers.push(launcher);
  return launcher;
}

describe.each(testDatabaseKinds())('the launcher with the API on %s', (kind) => {
  test('restarts the API after a kill -9, and it answers again with its data', async () => {
    const launcher = await launch(kind);
    const [, firstPid] = await launcher.waitFor(/api is healthy \(pid (\d+)\)/);
    const created = await send(`${launcher.url}/v1/workspaces`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Before the crash' }),
    });
    expect(created.status).toBe(200);

    const before = launcher.output().length;
    process.kill(Number(firstPid), 'SIGKILL');
    await launcher.waitFor(
      /api was killed by SIGKILL after it had been healthy; restarting it in 100 ms/,
      before,
    );
    const [, secondPid] = await launcher.waitFor(/api is healthy again \(pid (\d+)\)/, before);
    const read = await send(`${launcher.url}/v1/workspaces/${created.body.id}`, {
      headers: { 'x-api-key': key },
    });
    report(`launcher restart (${kind})`, { firstPid: Number(firstPid), secondPid: Number(secondPid) });
    expect(secondPid).not.toBe(firstPid);
    expect(read.status).toBe(200);

    launcher.child.kill('SIGTERM');
    expect(await launcher.exited).toBe(0);
  });
});

describe('the launcher gives up on an API that cannot start', () => {
  test('one that fails before it was ever healthy: at once, saying so, with its exit code', async () => {
    const launcher = await launch('pglite', { RATE_LIMIT_PER_MINUTE: 'many' });
    expect(await launcher.exited).toBe(1);
    expect(launcher.output()).toContain('RATE_LIMIT_PER_MINUTE');
    expect(launcher.output()).toMatch(
      /launcher: api exited with code 1 before it ever became healthy: it cannot start; giving up/,
    );
    expect(launcher.output()).not.toMatch(/restarting/);
  });

  test('one whose restarts keep failing after a crash: after 5 in a row, saying so', async () => {
    const launcher = await launch('pglite');
    const [, pid] = await launcher.waitFor(/api is healthy \(pid (\d+)\)/);
    process.kill(Number(pid), 'SIGKILL');
    // Another live process now holds the data directory: every restart stops before it is healthy.
    writeFileSync(`${launcher.database.env.DATA_DIR}.lock`, String(process.pid));

    expect(await launcher.exited).toBe(1);
    const output = launcher.output();
    expect(output.match(/is in use by process/g)).toHaveLength(5);
    expect(output).toMatch(
      /launcher: api exited with code 1 before it became healthy again, 5 restarts in a row; giving up/,
    );
  });
});
