import { type Database, openDatabase } from '@switchboard/db';
import { createBenchDatabase, dropBenchDatabase } from '../shared/postgres';
import { makeTempDir, removeTempDir } from '../shared/temp-dir';
import { type ApiMeasurement, measureApiPath } from './api-path';
import { type BaselineResult, measureBaseline } from './baseline';
import { withDeferredIndexes } from './bulk-load';
import { benchCriteria } from './criteria';
import { explainAll, type QueryPlans } from './plans';
import { seedOrganization } from './seed';
import { type BenchTenant, createBenchTenant } from './tenant';

export type DatasetKind = 'PostgreSQL' | 'PGlite';

export interface DatasetResult {
  database: DatasetKind;
  size: number;
  /** Rows of the other organizations in the same table (tenancy: every query must skip them). */
  otherTenantsRows: number;
  seedSeconds: number;
  api: ApiMeasurement[];
  baseline: BaselineResult;
  plans: QueryPlans[];
}

export interface DatasetOptions {
  samples: number;
  rounds: number;
  budgetMs: number;
  baselineRuns: number;
  log: (line: string) => void;
}

/** A fresh database of the kind, seeded with `size` conversations for the measured organization. */
export async function measureDataset(
  kind: DatasetKind,
  size: number,
  options: DatasetOptions,
): Promise<DatasetResult> {
  const opened = await openFresh(kind);
  try {
    return await measureOn(opened.db, kind, size, options);
  } finally {
    await opened.dispose();
  }
}

async function openFresh(kind: DatasetKind): Promise<{ db: Database; dispose: () => Promise<void> }> {
  if (kind === 'PostgreSQL') {
    const url = await createBenchDatabase('groups');
    const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
    const dispose = async () => {
      await db.close();
      await dropBenchDatabase(url);
    };
    return { db, dispose };
  }
  const dir = await makeTempDir('pglite');
  const db = await openDatabase({ dataDir: dir });
  const dispose = async () => {
    await db.close();
    await removeTempDir(dir);
  };
  return { db, dispose };
}

async function measureOn(
  db: Database,
  kind: DatasetKind,
  size: number,
  options: DatasetOptions,
): Promise<DatasetResult> {
  const { log } = options;
  const seedStart = performance.now();
  const tenant = await createBenchTenant(db, 'Measured organization');
  const others: BenchTenant[] = [];
  for (let i = 1; i <= 3; i++) others.push(await createBenchTenant(db, `Other organization ${i}`));
  const otherSize = Math.max(100, Math.round(size / 30));
  await withDeferredIndexes(db.prisma, ['Conversation', 'ConversationTag'], async (tx) => {
    await seedOrganization(tx, { ...tenant, count: size, salt: 'measured' });
    for (const [i, other] of others.entries())
      await seedOrganization(tx, { ...other, count: otherSize, salt: `other-${i + 1}` });
  });
  // Bulk-loaded tables have no statistics and no visibility map until autovacuum comes by.
  await db.prisma.$executeRawUnsafe('VACUUM ANALYZE');
  const seedSeconds = (performance.now() - seedStart) / 1000;
  log(`  ${kind} ${size.toLocaleString('en-US')}: seeded in ${seedSeconds.toFixed(1)} s`);

  const criteria = benchCriteria(tenant.organizationId);
  const plans = await explainAll(db.prisma, tenant.organizationId, criteria);
  const api = await measureApiPath(tenant.caller, criteria, options);
  log(`  ${kind} ${size.toLocaleString('en-US')}: API path measured`);
  const baseline = await measureBaseline(db.prisma, tenant.organizationId, criteria, options.baselineRuns);
  log(`  ${kind} ${size.toLocaleString('en-US')}: baseline measured (${options.baselineRuns} runs)`);
  return { database: kind, size, otherTenantsRows: otherSize * 3, seedSeconds, api, baseline, plans };
}
