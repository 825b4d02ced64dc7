import {
  type ConversationFacts,
  type CriteriaPredicate,
  isCriteriaError,
  parseCriteria,
} from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { predicateFor } from '../services/routing/route-predicates';
import { readsDetections } from './conversation-facts';

export interface CompiledGroup {
  id: string;
  name: string;
  matches: CriteriaPredicate;
}

/** An organization's groups as of one group version (EventSequence.lastGroupChangeSequence). */
export interface OrganizationGroups {
  version: bigint;
  groups: CompiledGroup[];
  /** Whether any group's criteria read detections (trackers, entities), which cost a query. */
  readsDetections: boolean;
}

// Per process, by organization. A change to a group in any process moves the version, which
// recordEvents checks under the organization's lock; a mismatch reloads (see group-events.ts).
const MAX_CACHED = 1000;
const cache = new Map<string, OrganizationGroups>();

export async function organizationGroups(
  tx: Prisma.TransactionClient,
  organizationId: string,
): Promise<OrganizationGroups> {
  return cache.get(organizationId) ?? reloadOrganizationGroups(tx, organizationId);
}

/** Reads the groups and their version in one statement, so the two belong together. */
export async function reloadOrganizationGroups(
  tx: Prisma.TransactionClient,
  organizationId: string,
): Promise<OrganizationGroups> {
  const [row] = await tx.$queryRaw<
    { version: bigint; groups: { id: string; name: string; criteria: string }[] }[]
  >`
    SELECT
      COALESCE((SELECT "lastGroupChangeSequence" FROM "EventSequence" WHERE "organizationId" = ${organizationId}), 0) AS "version",
      COALESCE((SELECT json_agg(json_build_object('id', "id", 'name', "name", 'criteria', "criteria") ORDER BY "createdAt", "id")
        FROM "ConversationGroup" WHERE "organizationId" = ${organizationId}), '[]'::json) AS "groups"`;
  const stored = row?.groups ?? [];
  const loaded: OrganizationGroups = {
    version: BigInt(row?.version ?? 0),
    groups: stored.map((group) => ({
      id: group.id,
      name: group.name,
      matches: safely(predicateFor(group.criteria)),
    })),
    readsDetections: stored.some((group) => criteriaReadDetections(group.criteria)),
  };
  forgetOrganizationGroups(organizationId);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(organizationId, loaded);
  return loaded;
}

export function forgetOrganizationGroups(organizationId: string): void {
  cache.delete(organizationId);
}

// A stored criteria text that no longer parses (a field retired later) matches nothing, as in
// the database, where such a group has no members either.
const safely =
  (predicate: CriteriaPredicate): CriteriaPredicate =>
  (facts: ConversationFacts) => {
    try {
      return predicate(facts);
    } catch {
      return false;
    }
  };

function criteriaReadDetections(criteria: string): boolean {
  try {
    return readsDetections(parseCriteria(criteria));
  } catch (error) {
    if (isCriteriaError(error)) return false;
    throw error;
  }
}
