import { Prisma, type PrismaClient } from '@switchboard/db';
import { rowJson } from './http';

type Rows = Record<string, string[]>;
type Delegate = { findMany(args: { where: Record<string, string> }): Promise<unknown[]> };

/**
 * Every row an organization owns, model by model, as sorted JSON lines. Models come from the
 * Prisma schema itself (`Prisma.ModelName`), so a model added later is covered without editing
 * this file; a model without `organizationId` fails loudly here instead of being skipped.
 */
export async function snapshotOrganization(prisma: PrismaClient, organizationId: string): Promise<Rows> {
  const rows: Rows = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (prisma as unknown as Record<string, Delegate>)[
      model.charAt(0).toLowerCase() + model.slice(1)
    ];
    if (!delegate) throw new Error(`No Prisma delegate for model ${model}`);
    const where: Record<string, string> =
      model === 'Organization' ? { id: organizationId } : { organizationId };
    const found = await delegate.findMany({ where });
    rows[model] = found.map((row) => rowJson(withoutUse(row))).sort();
  }
  return rows;
}

/**
 * An API key's `lastUsedAt` records use, not change: any valid request may write it (once a
 * minute), so a sweep longer than a minute would see it move under a call that changed nothing.
 */
function withoutUse(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !('lastUsedAt' in row)) return row;
  const { lastUsedAt: _use, ...rest } = row as Record<string, unknown>;
  return rest;
}

/** What changed between two snapshots: rows removed (`-`) and added (`+`) per model. */
export function snapshotDifferences(before: Rows, after: Rows): string[] {
  const differences: string[] = [];
  for (const model of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[model] ?? []);
    const now = new Set(after[model] ?? []);
    for (const row of was) if (!now.has(row)) differences.push(`${model} - ${row.slice(0, 400)}`);
    for (const row of now) if (!was.has(row)) differences.push(`${model} + ${row.slice(0, 400)}`);
  }
  return differences;
}

export const rowCount = (rows: Rows): number =>
  Object.values(rows).reduce((sum, list) => sum + list.length, 0);
