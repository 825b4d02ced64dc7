import { randomBytes } from 'node:crypto';
import type { DatabaseKind } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { send } from '../support/test-api';
import { report } from './support/http';
import { type ProcessDatabase, processDatabase, stopWithin } from './support/process-database';

// Issue 17, item 5: whatever reads the API's output goes away (`npm start | head -1`, a
// log collector that died). The next write of a log block fails with EPIPE; logging must stop
// (one line on stderr), the API must go on serving and still stop on SIGTERM.
const DROPPED = 'log output failed (EPIPE); dropping log lines';
const droppedLines = (output: string) => output.split(DROPPED).length - 1;

describe.each(testDatabaseKinds())('a closed stdout on %s', (kind: DatabaseKind) => {
  const key = `stdout-${randomBytes(16).toString('hex')}`;
  let database: ProcessDatabase;
  beforeAll(async () => {
    database = await processDatabase(kind);
  });
  afterAll(() => database.remove(), 60_000);

  const start = () =>
    startApiProcess(
      { ...database.env, BOOTSTRAP_API_KEY: key, LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '1000000' },
      120_000,
    );
  const get = async (api: ApiProcess, path: string) =>
    (await send(`${api.url}${path}`, { headers: { 'x-api-key': key }, signal: AbortSignal.timeout(5_000) }))
      .status;

  test('closed during load: every request is still answered, and SIGTERM stops the API', async () => {
    const api = await start();
    const statuses = new Map<string, number>();
    let closed = false;
    let answeredAfterClose = 0;
    // Enough answers after the close that their log lines (~500 bytes each) fill many 4 KB blocks
    // while the load goes on; counted rather than timed, so a slow machine only takes longer.
    const wanted = 100;
    const deadline = Date.now() + 120_000;
    const client = async () => {
      while (answeredAfterClose < wanted && Date.now() < deadline) {
        const status = await get(api, '/v1/workspaces').catch(() => 0);
        statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
        if (closed && status === 200) answeredAfterClose++;
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, client));
    while ((statuses.get('200') ?? 0) < 10) await new Promise((resolve) => setTimeout(resolve, 20));
    api.child.stdout?.destroy();
    closed = true;
    await load;
    const droppedWhileServing = droppedLines(api.output());
    const health = await get(api, '/health');
    const exit = await stopWithin(api, 15_000);
    report(`closed stdout during load (${kind})`, { answeredAfterClose, ...Object.fromEntries(statuses) });

    expect([...statuses.keys()]).toEqual(['200']);
    expect(answeredAfterClose).toBeGreaterThanOrEqual(wanted);
    expect(droppedWhileServing).toBe(1);
    expect(health).toBe(200);
    expect(exit).toBe(0);
    expect(droppedLines(api.output())).toBe(1);
  });

  test('closed while the last lines wait in the buffer: SIGTERM still stops the API', async () => {
    const api = await start();
    api.child.stdout?.destroy();
    // Under one block of lines, so the first write to the closed pipe is the one made on exit.
    expect(await get(api, '/v1/workspaces')).toBe(200);
    const exit = await stopWithin(api, 15_000);
    expect(exit).toBe(0);
    expect(droppedLines(api.output())).toBe(1);
  });
});
