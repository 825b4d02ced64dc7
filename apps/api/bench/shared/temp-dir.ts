import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Temporary directories (PGlite data directories) this run made; removed on exit, even an interrupted one. */
const dirs = new Set<string>();
process.once('exit', () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

export async function makeTempDir(purpose: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `switchboard-bench-${purpose}-`));
  dirs.add(dir);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  dirs.delete(dir);
}
