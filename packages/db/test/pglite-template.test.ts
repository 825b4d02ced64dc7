import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../src/client';
import { readMigrationFiles } from '../src/migrate/migration-files';
import { buildTemplateDataDir, seedFromTemplateDataDir } from '../src/pglite-template';

describe('a new PGlite data directory from the install-time template', () => {
  const root = mkdtempSync(join(tmpdir(), 'switchboard-template-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('is copied into place whole, into a missing or an empty directory, leaving nothing beside it', async () => {
    await buildTemplateDataDir(); // built by npm install; returns at once when there
    const missing = join(root, 'missing');
    const empty = join(root, 'empty');
    mkdirSync(empty);
    expect(await seedFromTemplateDataDir(missing)).toBe(true);
    expect(await seedFromTemplateDataDir(empty)).toBe(true);
    expect(existsSync(join(missing, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(empty, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['empty', 'missing']);
  });

  test('clears copies that an earlier start, killed mid-copy, left beside the directory', async () => {
    const dataDir = join(root, 'after-a-kill');
    mkdirSync(join(root, 'after-a-kill.seeding-999999', 'base'), { recursive: true });
    mkdirSync(join(root, 'after-a-kill-other.seeding-1'));
    expect(await seedFromTemplateDataDir(dataDir)).toBe(true);
    expect(
      readdirSync(root)
        .filter((name) => name.startsWith('after-a-kill'))
        .sort(),
    ).toEqual(['after-a-kill', 'after-a-kill-other.seeding-1']);
    rmSync(join(root, 'after-a-kill-other.seeding-1'), { recursive: true });
  });

  test('is not attempted when no template was built for these migrations', async () => {
    const target = join(root, 'untouched');
    expect(await seedFromTemplateDataDir(target, join(root, 'no-cache'))).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  test('opens migrated (nothing left to apply), keeps data across a reopen, with the smaller buffer pool', async () => {
    const dataDir = join(root, 'opened');
    const names = (await readMigrationFiles()).map((file) => file.name);
    const first = await openDatabase({ dataDir });
    expect(first.migration.applied).toEqual([]);
    expect(first.migration.alreadyApplied).toEqual(names);
    const [setting] = await first.prisma.$queryRaw<{ shared_buffers: string }[]>`SHOW shared_buffers`;
    expect(setting?.shared_buffers).toBe('64MB');
    // initdb's template databases are not copied along (only CREATE DATABASE would use them).
    expect(await first.prisma.$queryRaw`SELECT datname FROM pg_database`).toEqual([{ datname: 'postgres' }]);
    const org = await first.prisma.organization.create({ data: { name: 'Seeded' } });
    await first.close();

    const again = await openDatabase({ dataDir });
    try {
      expect(await again.prisma.organization.findUnique({ where: { id: org.id } })).toMatchObject({
        name: 'Seeded',
      });
    } finally {
      await again.close();
    }
  });
});
