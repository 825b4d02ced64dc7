// What durable commits cost the embedded database: committed single-row writes per second on a
// data directory, with PGlite's default start parameters (`-F`, fsync off: the old start) and with
// drivers/pglite.ts (fsync of the WAL before each commit returns), measured in the same run, in
// alternating rounds, on the file system of `DATA_DIR` (the repository's by default).
// Usage: npx tsx packages/db/scripts/measure-pglite-fsync.ts [writes per round, default 300]
import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../src/drivers/pglite';

const writesPerRound = Number(process.argv[2] ?? 300);
const rounds = 3;
const parent = resolve(process.env.DATA_DIR ? join(process.env.DATA_DIR, '..') : '.');

const arms = {
  'fsync off (-F, before)': (dataDir: string) =>
    PGlite.create({ dataDir, startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=64MB'] }),
  'fsync on (now)': async (dataDir: string) => (await openPglite({ dataDir })).pglite,
};

async function writesPerSecond(open: (dataDir: string) => Promise<PGlite>): Promise<number> {
  const dataDir = await mkdtemp(join(parent, '.fsync-cost-'));
  try {
    const pglite = await open(dataDir);
    await pglite.exec('CREATE TABLE write_probe (id int PRIMARY KEY, body text NOT NULL)');
    const started = performance.now();
    for (let i = 0; i < writesPerRound; i++)
      await pglite.query('INSERT INTO write_probe VALUES ($1, $2)', [i, `row ${i}`]);
    const seconds = (performance.now() - started) / 1000;
    await pglite.close();
    return writesPerRound / seconds;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const results: Record<string, number[]> = Object.fromEntries(Object.keys(arms).map((name) => [name, []]));
for (let round = 0; round < rounds; round++)
  for (const [name, open] of Object.entries(arms)) results[name]?.push(await writesPerSecond(open));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
for (const [name, values] of Object.entries(results))
  console.log(
    `${name}: ${median(values).toFixed(0)} writes/s (rounds: ${values.map((v) => v.toFixed(0)).join(', ')})`,
  );
const [before, after] = Object.values(results).map(median) as [number, number];
console.log(`durable commits cost ${(100 * (1 - after / before)).toFixed(0)}% of the write rate`);
