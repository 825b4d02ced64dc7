import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseKind } from '@switchboard/db';
import { createPostgresDatabase, dropPostgresDatabase } from '@switchboard/db/testing';
import type { ApiProcess } from '../../support/api-process';

export interface ProcessDatabase {
  /** DATA_DIR (a new directory) or DATABASE_URL (a new database) for API processes. */
  env: Record<string, string>;
  remove(): Promise<void>;
}

/** A fresh database of this kind for API processes started with startApiProcess. */
export async function processDatabase(kind: DatabaseKind): Promise<ProcessDatabase> {
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-process-'));
    return { env: { DATA_DIR: dataDir }, remove: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const url = await createPostgresDatabase();
  return { env: { DATABASE_URL: url }, remove: () => dropPostgresDatabase(url) };
}

/** Sends SIGTERM and waits up to `ms` for the exit code; a process still running then is killed. */
export async function stopWithin(api: ApiProcess, ms: number): Promise<number | null | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => {
    timer = setTimeout(() => resolve('still running'), ms);
  });
  const result = await Promise.race([api.stop('SIGTERM'), late]);
  clearTimeout(timer);
  if (result === 'still running') await api.stop('SIGKILL');
  return result;
}
