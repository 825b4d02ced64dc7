import {
  DomainError,
  isCriteriaError,
  type Priority,
  parseCriteria,
  parseExpression,
  printCriteria,
} from '@switchboard/core';
import { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceContext } from '../../services/service-context';
import { presentRoute, type RouteView } from './routing.types';

/** A rule as sent: RSQL `criteria` or a JSON `expression` (exactly one). */
export interface RouteInput {
  name: string;
  queueId: string;
  criteria?: string | undefined;
  expression?: Record<string, unknown> | undefined;
  enabled: boolean;
  conversationPriority: Priority | null;
  routeOnlyDuringWorkingHours: boolean;
}

/** A rule ready to store: `criteria` is the RSQL routing runs, `expression` the JSON as sent. */
export interface CheckedRoute extends Omit<RouteInput, 'criteria' | 'expression'> {
  criteria: string;
  expression: Record<string, unknown> | null;
}

/**
 * Checks every rule with core's parsers and gives each its RSQL: a JSON expression is read into
 * the criteria AST and printed, so SQL, predicates and explanations run one language. Errors
 * name the rule by index (`routes.2.criteria`, `routes.0.expression.$or[1]…`).
 */
export function checkRoutes(routes: readonly RouteInput[]): CheckedRoute[] {
  return routes.map((route, index) => {
    const { criteria, expression, ...rest } = route;
    if ((criteria === undefined) === (expression === undefined)) {
      const field = `routes.${index}`;
      throw new DomainError(
        'VALIDATION',
        `${field}: send either criteria (RSQL, e.g. "tags==vip") or expression (JSON, e.g. {"$eq":{"tags":"vip"}}), exactly one`,
        { field, index },
      );
    }
    if (expression !== undefined) {
      const ast = parseExpression(expression, `routes.${index}.expression`);
      return { ...rest, criteria: printCriteria(ast), expression };
    }
    try {
      parseCriteria(criteria as string);
    } catch (error) {
      if (!isCriteriaError(error)) throw error;
      const field = `routes.${index}.criteria`;
      throw new DomainError('INVALID_CRITERIA', `${field}: ${error.message}`, {
        field,
        index,
        criteria: error.criteria,
      });
    }
    return { ...rest, criteria: criteria as string, expression: null };
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
  routes: readonly CheckedRoute[],
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
    data: routes.map(({ expression, ...route }, index) => ({
      organizationId,
      ...route,
      expression: expression ? (expression as Prisma.InputJsonObject) : Prisma.DbNull,
      priority: index + 1,
    })),
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
