/**
 * Scenario 5's baseline, run as its own process: PGlite alone, no Prisma, no migrations, no API.
 * PROBE_MODE=create opens a new data directory (initdb), open reopens an existing one, template
 * creates one from the install-time migrated dump the API loads on first start. Prints one JSON
 * line: how long the operation took until a first query answered, and this process's memory.
 */
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { migratedPgliteTemplate } from '@switchboard/db/testing';

const mode = process.env.PROBE_MODE;
const dataDir = process.env.PROBE_DIR;
if (!dataDir || !['create', 'open', 'template'].includes(mode ?? '')) {
  throw new Error('PROBE_MODE (create|open|template) and PROBE_DIR are required');
}

const start = performance.now();
// Reads the cached dump, as the API's first start does (it is built by `npm install`).
const loadDataDir = mode === 'template' ? await migratedPgliteTemplate() : undefined;
const pglite = await PGlite.create({ dataDir, ...(loadDataDir ? { loadDataDir } : {}) });
await pglite.query('SELECT 1');
const ms = performance.now() - start;

const status = await readFile('/proc/self/status', 'utf8');
const field = (name: string) =>
  Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
process.stdout.write(`${JSON.stringify({ ms, rssKb: field('VmRSS'), peakKb: field('VmHWM') })}\n`);
await pglite.close();
