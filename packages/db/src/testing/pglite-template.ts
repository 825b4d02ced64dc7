import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../drivers/pglite';
import { migrate } from '../migrate/migrate';
import { readMigrationFiles } from '../migrate/migration-files';

/**
 * A dump of a freshly migrated PGlite database, cached on disk by the migrations' checksums.
 * Creating a PGlite database runs initdb (seconds, hundreds of MB); loading this dump is several
 * times faster, which is what keeps a fresh database per test file affordable.
 */
export async function migratedPgliteTemplate(): Promise<Blob> {
  const files = await readMigrationFiles();
  const fingerprint = createHash('sha256')
    .update(files.map((file) => file.checksum).join(','))
    .digest('hex')
    .slice(0, 16);
  const path = join(tmpdir(), `switchboard-pglite-template-${fingerprint}.tar`);
  try {
    return new Blob([await readFile(path)]);
  } catch {
    const { pglite, session } = await openPglite({});
    await migrate(session, files);
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    // Write then rename, so a parallel test worker never reads a half-written file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, path);
    return dump;
  }
}
