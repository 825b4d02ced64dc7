import type { Database } from '@switchboard/db';
import type { Authentication } from '../../src/auth/authenticate';
import { createLogger } from '../../src/logger';
import { appRouter } from '../../src/routers';
import { createOrganization, ownerPrincipal } from '../../src/services/organizations';
import { createContextInner } from '../../src/trpc/context';
import { createCallerFactory } from '../../src/trpc/init';

const createCaller = createCallerFactory(appRouter);
export type BenchCaller = ReturnType<typeof createCaller>;

export interface BenchTenant {
  organizationId: string;
  workspaceId: string;
  /** The API's procedures for this organization's owner key, without HTTP (as tests use them). */
  caller: BenchCaller;
}

/** A new organization made by the API's own service (workspace, settings, owner key). */
export async function createBenchTenant(db: Database, name: string): Promise<BenchTenant> {
  const created = await db.prisma.$transaction((tx) =>
    createOrganization(tx, { name, actor: { type: 'SYSTEM', id: 'bench' } }),
  );
  const principal = ownerPrincipal(created);
  const auth: Authentication = { kind: 'principal', principal };
  return {
    organizationId: created.organization.id,
    workspaceId: created.workspace.id,
    caller: createCaller(createContextInner({ db, logger: createLogger('silent'), auth })),
  };
}
