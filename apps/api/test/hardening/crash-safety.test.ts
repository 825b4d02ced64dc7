import type { DatabaseKind } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, describe, expect, test } from 'vitest';
import type { ApiProcess } from '../support/api-process';
import { send } from '../support/test-api';
import { type ChildApiSetup, childApiSetup } from './support/child-api';
import { crashProblems } from './support/crash-checks';
import { type Tracked, writeBurst } from './support/crash-workload';
import { report } from './support/http';
import { sizes } from './support/sizes';

// Part 4: kill -9 the API in the middle of concurrent creates, updates and tag changes; restart;
// everything acknowledged is there and whole, nothing is half-applied, PGlite reopens cleanly.
describe.each(testDatabaseKinds())('kill -9 during a write burst on %s', (kind: DatabaseKind) => {
  let setup: ChildApiSetup | undefined;
  afterAll(() => setup?.cleanup(), 60_000);

  test(`${sizes.crashCycles} crashes with ${sizes.crashWriters} concurrent writers lose and tear nothing`, async () => {
    const processes = await childApiSetup(kind, { LOG_LEVEL: 'info' });
    setup = processes;
    const { key, open } = processes;
    // Node's default heap, as this test has always run.
    const start = () => processes.start({ heapFlags: [] });

    const tracked: Tracked[] = [];
    const figures: Record<string, number> = { cycles: sizes.crashCycles, writers: sizes.crashWriters };
    const unexpected: string[] = [];
    const logs: string[] = [];
    for (let cycle = 0; cycle < sizes.crashCycles; cycle++) {
      const api = await start();
      let ackedSoFar = 0;
      let killed: Promise<number | null> | undefined;
      // Kill once every writer is well under way, at a moment that varies from cycle to cycle.
      const killAfter = sizes.crashWriters * 4 + Math.floor(Math.random() * sizes.crashWriters * 4);
      const burst = await writeBurst(api.url, key, sizes.crashWriters, `k${cycle}`, () => {
        ackedSoFar++;
        if (ackedSoFar === killAfter) killed = api.stop('SIGKILL');
      });
      await killed;
      logs.push(api.output());
      tracked.push(...burst.tracked);
      unexpected.push(...burst.unexpected);
      for (const [name, count] of Object.entries(burst.acked))
        figures[`acked ${name}`] = (figures[`acked ${name}`] ?? 0) + count;
      figures.inFlightAtKill = (figures.inFlightAtKill ?? 0) + burst.inFlightAtKill;

      // Restart on the same data: it must come up and answer for what it acknowledged.
      const restarted: ApiProcess = await start();
      const sample = tracked.find((item) => item.acked && item.id);
      const health = await send(`${restarted.url}/health`, {});
      const read = await send(`${restarted.url}/ccaas/1/conversations/${sample?.id}`, {
        headers: { 'x-api-key': key },
      });
      // Graceful stop, so PGlite's directory can be opened here; it must open without repair.
      expect(await restarted.stop('SIGTERM')).toBe(0);
      logs.push(restarted.output());
      expect(health.status).toBe(200);
      expect(read.status).toBe(200);

      const db = await open();
      try {
        expect(await crashProblems(db.prisma, tracked)).toEqual([]);
        figures.conversationsChecked = await db.prisma.conversation.count();
      } finally {
        await db.close();
      }
    }
    figures.trackedConversations = tracked.length;
    report(`crash safety (${kind})`, figures);
    expect(unexpected).toEqual([]);
    expect(figures.inFlightAtKill).toBeGreaterThan(0);
    expect(figures['acked create']).toBeGreaterThan(sizes.crashWriters);
    // The production logger never printed the key (request logs are on, at info level).
    const text = logs.join('\n');
    expect(text).toContain('"msg":"request completed"');
    expect(text).not.toContain(key);
  });
});
