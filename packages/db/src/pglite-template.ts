import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from './drivers/pglite';
import { migrate } from './migrate/migrate';
import { readMigrationFiles } from './migrate/migration-files';

/** Built by `npm install` (scripts/build-pglite-template.ts); gitignored. */
export const templateCacheDir = fileURLToPath(new URL('../.cache', import.meta.url));

/**
 * A freshly created and migrated PGlite database, in two forms: a dump (`.tar`, which in-memory
 * databases such as the tests' load) and the same database as a data directory (which the first
 * `npm start` copies). Creating a PGlite database runs initdb, which costs seconds and hundreds of
 * MB; loading a dump costs about a second of CPU and holds the whole dump in memory; copying the
 * directory is a plain file copy, after which the start is an ordinary restart. Both are named by
 * the migrations' checksums, so a template never stands in for a different schema.
 */
export async function templatePath(cacheDir = templateCacheDir): Promise<string> {
  const files = await readMigrationFiles();
  const fingerprint = createHash('sha256')
    .update(files.map((file) => `${file.name}:${file.checksum}`).join(','))
    .digest('hex')
    .slice(0, 16);
  return join(cacheDir, `pglite-template-${fingerprint}.tar`);
}

/** The template as a ready data directory (beside the dump). */
export async function templateDataDirPath(cacheDir = templateCacheDir): Promise<string> {
  return (await templatePath(cacheDir)).replace(/\.tar$/, '');
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

/** Builds the data-directory form of the template from the dump, unless it is there already. */
export async function buildTemplateDataDir(cacheDir = templateCacheDir): Promise<string> {
  const path = await templateDataDirPath(cacheDir);
  if (await isDirectory(path)) return path;
  const dump = await migratedPgliteTemplate(cacheDir);
  const partial = `${path}.${process.pid}.partial`;
  await rm(partial, { recursive: true, force: true });
  const { pglite } = await openPglite({ dataDir: partial, loadDataDir: dump });
  await dropTemplateDatabases(pglite);
  await pglite.close();
  await renameUnlessDone(partial, path);
  return path;
}

/**
 * Switchboard's tables live in the `postgres` database; initdb's `template0` and `template1` are
 * only what CREATE DATABASE copies, which an embedded database never runs. Dropped from the
 * template, they are not copied on every first start: 14 of its 40 MB and 580 of its 1 100 files.
 */
async function dropTemplateDatabases(
  pglite: Awaited<ReturnType<typeof openPglite>>['pglite'],
): Promise<void> {
  // One statement per call: DROP DATABASE refuses to run inside a multi-statement block.
  await pglite.exec(
    `UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')`,
  );
  await pglite.exec('DROP DATABASE template0');
  await pglite.exec('DROP DATABASE template1');
  await pglite.exec('CHECKPOINT');
}

/**
 * Fills the new, empty data directory `dataDir` from the template directory, if one was built for
 * the current migrations; returns false (nothing done) when there is none. The copy goes to a
 * sibling first and is renamed into place, so a start killed mid-copy leaves no half database.
 */
export async function seedFromTemplateDataDir(
  dataDir: string,
  cacheDir = templateCacheDir,
): Promise<boolean> {
  const template = await templateDataDirPath(cacheDir);
  if (!(await isDirectory(template))) return false;
  await removeAbandonedCopies(dataDir);
  const partial = `${dataDir}.seeding-${process.pid}`;
  try {
    await copyTree(template, partial);
    // rename(2) replaces an empty directory, so an existing empty DATA_DIR is fine too.
    await rename(partial, dataDir);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return true;
}

/**
 * Copies that a start killed mid-copy left beside the data directory (`<dataDir>.seeding-<pid>`).
 * The caller holds the data directory's lock (data-dir-lock.ts), so no other process is copying.
 */
async function removeAbandonedCopies(dataDir: string): Promise<void> {
  const prefix = `${basename(dataDir)}.seeding-`;
  const siblings = await readdir(dirname(dataDir)).catch(() => []);
  await Promise.all(
    siblings
      .filter((name) => name.startsWith(prefix))
      .map((name) => rm(join(dirname(dataDir), name), { recursive: true, force: true })),
  );
}

/**
 * A data directory is ~1 100 files; fs.cp checks each one several ways and costs 2-4× the CPU of
 * this plain parallel copy (0.1-0.3 s here). Where the file system can, files are cloned, not copied.
 */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to);
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? copyTree(join(from, entry.name), join(to, entry.name))
        : copyFile(join(from, entry.name), join(to, entry.name), constants.COPYFILE_FICLONE),
    ),
  );
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Two installs building at once: whoever renames second finds the directory there, and keeps it. */
async function renameUnlessDone(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    await rm(from, { recursive: true, force: true });
    if (!(await isDirectory(to))) throw error;
  }
}
