import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from './drivers/pglite';
import { migrate } from './migrate/migrate';
import { readMigrationFiles } from './migrate/migration-files';

/** Built by `npm install` (scripts/build-pglite-template.ts); gitignored. */
export const templateCacheDir = fileURLToPath(new URL('../.cache', import.meta.url));

/**
 * A dump of a freshly created and migrated PGlite database. Creating a PGlite database runs
 * initdb, which costs seconds and hundreds of MB; loading this dump instead makes the first
 * `npm start` and every test database several times cheaper. Named by the migrations' checksums,
 * so a dump never stands in for a different schema.
 */
export async function templatePath(cacheDir = templateCacheDir): Promise<string> {
  const files = await readMigrationFiles();
  const fingerprint = createHash('sha256')
    .update(files.map((file) => `${file.name}:${file.checksum}`).join(','))
    .digest('hex')
    .slice(0, 16);
  return join(cacheDir, `pglite-template-${fingerprint}.tar`);
}

/** The template if it was built for the current migrations, else undefined. */
export async function readPgliteTemplate(cacheDir = templateCacheDir): Promise<Blob | undefined> {
  try {
    return new Blob([await readFile(await templatePath(cacheDir))]);
  } catch {
    return undefined;
  }
}

/** Returns the template, building and caching it first when missing. */
export async function migratedPgliteTemplate(cacheDir = templateCacheDir): Promise<Blob> {
  const cached = await readPgliteTemplate(cacheDir);
  if (cached) return cached;
  const { pglite, session } = await openPglite({});
  await migrate(session);
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  // Write then rename, so a parallel process never reads a half-written file.
  const path = await templatePath(cacheDir);
  await mkdir(cacheDir, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, path);
  return dump;
}
