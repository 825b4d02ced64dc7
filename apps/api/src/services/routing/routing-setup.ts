import { type OrganizationSettings, type RouteRule, resolveSettings } from '@switchboard/core';
import { Prisma, prepared } from '@switchboard/db';
import { type StoredRoute, toRouteRule } from './route-predicates';

/** What routing decides by: the organization's settings and its routes in the order they are tried. */
export interface RoutingSetup {
  settings: OrganizationSettings;
  /** Disabled routes too: the trace names them, which is what explains a surprise. */
  rules: RouteRule[];
}

/**
 * Both in one statement: routing runs on every create, and each statement of its transaction
 * costs API CPU. Settings the stored document lacks are defaults, as loadSettings gives them.
 */
export async function loadRoutingSetup(
  tx: Prisma.TransactionClient,
  organizationId: string,
): Promise<RoutingSetup> {
  const [row] = await tx.$queryRaw<{ document: unknown; routes: StoredRoute[] }[]>(
    prepared(Prisma.sql`
    SELECT
      (SELECT s."document" FROM "Settings" s WHERE s."organizationId" = ${organizationId}) AS "document",
      COALESCE((
        SELECT jsonb_agg(jsonb_build_object(
            'id', r."id", 'name', r."name", 'queueId', r."queueId", 'priority', r."priority",
            'enabled', r."enabled", 'criteria', r."criteria", 'expression', r."expression",
            'conversationPriority', r."conversationPriority",
            'routeOnlyDuringWorkingHours', r."routeOnlyDuringWorkingHours")
          ORDER BY r."priority", r."createdAt", r."id")
        FROM "Route" r WHERE r."organizationId" = ${organizationId}
      ), '[]'::jsonb) AS "routes"`),
  );
  return {
    settings: resolveSettings(row?.document ?? {}),
    rules: (row?.routes ?? []).map(toRouteRule),
  };
}
