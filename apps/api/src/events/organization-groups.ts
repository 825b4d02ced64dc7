import {
  type ConversationFacts,
  type CriteriaAst,
  type CriteriaPredicate,
  isCriteriaError,
  parseCriteria,
  readsClock,
} from '@switchboard/core';
import { Prisma } from '@switchboard/db';
import { predicateFor } from '../services/routing/route-predicates';
import { readsDetections } from './conversation-facts';
import { clockedPredicate, type GroupClock } from './group-clock';

export interface CompiledGroup {
  id: string;
  name: string;
  matches: CriteriaPredicate;
}

/**
 * The version of an organization's groups, both read from its EventSequence row: the last change
 * to a group (lastGroupChangeSequence) and the count of time sweeps that moved a group's clock
 * (groupClockVersion). Events judged with a cached version are written only while both match.
 */
export interface GroupsVersion {
  changes: bigint;
  clocks: bigint;
}

/** An organization's groups as of one version. */
export interface OrganizationGroups {
  version: GroupsVersion;
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
  const [row] = await tx.$queryRaw<{ changes: bigint; clocks: bigint; groups: StoredGroup[] }[]>`
    SELECT
      COALESCE((SELECT "lastGroupChangeSequence" FROM "EventSequence" WHERE "organizationId" = ${organizationId}), 0) AS "changes",
      COALESCE((SELECT "groupClockVersion" FROM "EventSequence" WHERE "organizationId" = ${organizationId}), 0) AS "clocks",
      COALESCE((SELECT json_agg(json_build_object('id', "id", 'name', "name", 'criteria', "criteria",
          'sweptThrough', ${epochMs('sweptThrough')}, 'sweepingTo', ${epochMs('sweepingTo')},
          'sweepCursor', "sweepCursor") ORDER BY "createdAt", "id")
        FROM "ConversationGroup" WHERE "organizationId" = ${organizationId}), '[]'::json) AS "groups"`;
  const stored = row?.groups ?? [];
  const asts = stored.map((group) => parsedOrNull(group.criteria));
  const loaded: OrganizationGroups = {
    version: { changes: BigInt(row?.changes ?? 0), clocks: BigInt(row?.clocks ?? 0) },
    groups: stored.map((group, index) => ({
      id: group.id,
      name: group.name,
      matches: safely(predicateOf(group, asts[index] ?? null)),
    })),
    readsDetections: asts.some((ast) => ast !== null && readsDetections(ast)),
  };
  forgetOrganizationGroups(organizationId);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(organizationId, loaded);
  return loaded;
}

interface StoredGroup extends GroupClock {
  id: string;
  name: string;
  criteria: string;
}

// timestamp(3) holds UTC wall time; its epoch is exact in milliseconds.
const epochMs = (column: string) => Prisma.raw(`round(extract(epoch from "${column}") * 1000)::bigint`);

/**
 * Criteria that read the clock are judged at the group's settled clock (group-clock.ts); the
 * others do not depend on it and share the per-text cache of compiled predicates.
 */
const predicateOf = (group: StoredGroup, ast: CriteriaAst | null): CriteriaPredicate =>
  ast !== null && readsClock(ast) ? clockedPredicate(ast, group) : predicateFor(group.criteria);

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

function parsedOrNull(criteria: string): CriteriaAst | null {
  try {
    return parseCriteria(criteria);
  } catch (error) {
    if (isCriteriaError(error)) return null;
    throw error;
  }
}
