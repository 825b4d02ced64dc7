import { DomainError, isCriteriaError, parseCriteria } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceContext } from '../../services/service-context';
import { presentRoute, type RouteView } from './routing.types';

export interface RouteInput {
  name: string;
  queueId: string;
  criteria: string;
  enabled: boolean;
}

/** Checks every rule's criteria with core's parser; the error names the rule by index. */
export function assertCriteriaValid(routes: readonly RouteInput[]): void {
  routes.forEach((route, index) => {
    try {
      parseCriteria(route.criteria);
    } catch (error) {
      if (!isCriteriaError(error)) throw error;
      const field = `routes.${index}.criteria`;
      throw new DomainError('INVALID_CRITERIA', `${field}: ${error.message}`, {
        field,
        index,
        criteria: error.criteria,
      });
    }
  });
}

// One lock per organization: two concurrent PUTs would otherwise each delete the rules they can
// see and both insert, leaving the union of the two lists.
const lockRouting = (tx: Prisma.TransactionClient, organizationId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`routing:${organizationId}`}))`;

const queueIncluded = { queue: { select: { name: true } } } as const;
const inOrder = [{ priority: 'asc' as const }, { createdAt: 'asc' as const }, { id: 'asc' as const }];

/** Replaces every rule of the organization with `routes`, in that order (priority = position). */
export async function replaceRoutes(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  routes: readonly RouteInput[],
): Promise<RouteView[]> {
  const { organizationId } = ctx;
  await lockRouting(tx, organizationId);
  const queueIds = [...new Set(routes.map((route) => route.queueId))];
  const queues = await tx.queue.findMany({
    where: { organizationId, id: { in: queueIds } },
    select: { id: true },
  });
  const known = new Set(queues.map((queue) => queue.id));
  const missing = routes.findIndex((route) => !known.has(route.queueId));
  if (missing >= 0) {
    throw new DomainError('NOT_FOUND', `Queue ${routes[missing]?.queueId} not found`, {
      field: `routes.${missing}.queueId`,
      index: missing,
    });
  }

  const before = await tx.route.findMany({
    where: { organizationId },
    include: queueIncluded,
    orderBy: inOrder,
  });
  await tx.route.deleteMany({ where: { organizationId } });
  await tx.route.createMany({
    data: routes.map((route, index) => ({ organizationId, ...route, priority: index + 1 })),
  });
  const after = (
    await tx.route.findMany({ where: { organizationId }, include: queueIncluded, orderBy: inOrder })
  ).map(presentRoute);
  await recordAudit(tx, {
    organizationId,
    actor: ctx.actor,
    action: 'routing.replace',
    entityType: 'routing',
    entityId: organizationId,
    before: { routes: before.map(presentRoute) },
    after: { routes: after },
    requestId: ctx.requestId,
  });
  return after;
}
