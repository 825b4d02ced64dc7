import { randomUUID } from 'node:crypto';
import { Prisma, prepared } from '@switchboard/db';
import type { Actor } from '../auth/principal';
import { isGroupChange } from './event-types';
import type { GroupsVersion } from './organization-groups';

/** PostgreSQL NOTIFY channel; the payload is `<organizationId>:<last sequence written>`. */
export const eventChannel = 'switchboard_events';

/** One event before it is numbered: what the writer knows. */
export interface EventDraft {
  organizationId: string;
  /** An event type (event-types.ts); webhooks may add their own, e.g. `webhook.disabled`. */
  type: string;
  actor: Actor;
  conversationId?: string | null | undefined;
  data: Record<string, unknown>;
}

/**
 * Events whose presence depends on the organization's groups (group.entered / group.left),
 * computed from the groups as of `groupsVersion` (EventSequence.lastGroupChangeSequence and
 * groupClockVersion). They are written only when that is still the version under the
 * organization's lock; otherwise nothing of them is written and the caller recomputes with fresh
 * groups (see group-events.ts).
 */
export interface GroupDependentEvents {
  groupsVersion: GroupsVersion;
  events: readonly EventDraft[];
}

export interface EventWrite {
  /** Sequence of the last event now written (0 when nothing was written). */
  lastSequence: bigint;
  lastGroupChangeSequence: bigint;
  /** False when `groupDependent` was computed from stale groups and was not written. */
  groupsCurrent: boolean;
}

/**
 * Writes events inside the caller's transaction, numbered per organization. The organization's
 * EventSequence row is locked from this statement to commit, so commit order is sequence order;
 * call it as late in the transaction as possible (every writer of the organization waits for
 * that span). The same statement queues a NOTIFY, which PostgreSQL delivers only on commit.
 */
export async function recordEvents(
  tx: Prisma.TransactionClient,
  events: readonly EventDraft[],
  groupDependent?: GroupDependentEvents,
): Promise<EventWrite> {
  const organizationId = singleOrganization([...events, ...(groupDependent?.events ?? [])]);
  if (!organizationId) return { lastSequence: 0n, lastGroupChangeSequence: 0n, groupsCurrent: true };
  const [row] = await tx.$queryRaw<EventWriteRow[]>(
    prepared(eventWriteSql({ organizationId, events, groupDependent, createdAt: new Date() })),
  );
  return fromRow(row);
}

export interface EventWriteRow {
  lastSequence: bigint;
  lastGroupChangeSequence: bigint;
  groupsCurrent: boolean;
}

export const fromRow = (row: EventWriteRow | undefined): EventWrite => {
  if (!row) throw new Error('The event write returned no row.');
  return {
    lastSequence: BigInt(row.lastSequence),
    lastGroupChangeSequence: BigInt(row.lastGroupChangeSequence),
    groupsCurrent: row.groupsCurrent,
  };
};

export interface EventWriteRequest {
  organizationId: string;
  events: readonly EventDraft[];
  groupDependent?: GroupDependentEvents | undefined;
  createdAt: Date;
  /** Data-modifying CTEs of the caller's own write, run in the same statement (routing). */
  leadingCtes?: readonly Prisma.Sql[];
  /**
   * The statement commits its transaction (commitsTransaction), so stale group-dependent events
   * cannot be judged again after it: it fails instead (switchboard_groups_changed, 40001).
   */
  failWhenGroupsChanged?: boolean;
}

/**
 * The statement: take the next sequence numbers (upsert of the organization's EventSequence row,
 * which locks it), insert the events with them, and queue the NOTIFY. Group-dependent rows are
 * numbered after the others and written only when the group version still matches.
 * Answers one row: lastSequence, lastGroupChangeSequence, groupsCurrent.
 */
export function eventWriteSql(request: EventWriteRequest): Prisma.Sql {
  const { organizationId, events, createdAt } = request;
  const dependent = request.groupDependent?.events ?? [];
  const expectedVersion = request.groupDependent?.groupsVersion.changes ?? -1n;
  const expectedClocks = request.groupDependent?.groupsVersion.clocks ?? -1n;
  const fixedCount = events.length;
  const dependentCount = dependent.length;
  const changesGroups = events.some((event) => isGroupChange(event.type));
  const rows = [
    ...events.map((event, index) => eventRow(event, index + 1, false, createdAt)),
    ...dependent.map((event, index) => eventRow(event, fixedCount + index + 1, true, createdAt)),
  ];
  // The version read under the lock: the row's own value, before this statement changes it.
  const current = Prisma.sql`("EventSequence"."lastGroupChangeSequence" = ${expectedVersion}::bigint
    AND "EventSequence"."groupClockVersion" = ${expectedClocks}::bigint)`;
  const increment = Prisma.sql`${fixedCount}::bigint + CASE WHEN ${current} THEN ${dependentCount}::bigint ELSE 0 END`;
  const leading = request.leadingCtes?.length
    ? Prisma.sql`${Prisma.join(request.leadingCtes)},`
    : Prisma.empty;
  return Prisma.sql`
    WITH ${leading}
    "event_rows" ("id", "type", "actorType", "actorId", "conversationId", "payload", "position", "dependent") AS (
      VALUES ${Prisma.join(rows)}
    ),
    "event_sequence" AS (
      INSERT INTO "EventSequence" ("organizationId", "lastSequence", "lastGroupChangeSequence")
      VALUES (${organizationId}, ${fixedCount + dependentCount}::bigint,
              ${changesGroups ? fixedCount + dependentCount : 0}::bigint)
      ON CONFLICT ("organizationId") DO UPDATE SET
        "lastSequence" = "EventSequence"."lastSequence" + ${increment},
        "lastGroupChangeSequence" = CASE WHEN ${changesGroups}::boolean
          THEN "EventSequence"."lastSequence" + ${increment}
          ELSE "EventSequence"."lastGroupChangeSequence" END
      RETURNING "lastSequence", "lastGroupChangeSequence",
        -- A first write (no row yet) is at version 0.
        (("lastGroupChangeSequence" = ${expectedVersion}::bigint AND "groupClockVersion" = ${expectedClocks}::bigint)
          OR ${changesGroups}::boolean) AS "groupsCurrent"
    ),
    "numbered" AS (
      SELECT r.*, s."lastSequence" - (SELECT count(*) FROM "event_rows" x
          WHERE NOT x."dependent" OR s."groupsCurrent") + r."position" AS "sequence"
      FROM "event_rows" r CROSS JOIN "event_sequence" s
      WHERE NOT r."dependent" OR s."groupsCurrent"
    ),
    "inserted_events" AS (
      INSERT INTO "Event" ("id", "organizationId", "sequence", "type", "createdAt", "actorType", "actorId",
        "conversationId", "payload")
      SELECT n."id", ${organizationId}, n."sequence", n."type", ${createdAt}, n."actorType"::"ActorType",
        n."actorId", n."conversationId", n."payload" || jsonb_build_object('sequence', n."sequence")
      FROM "numbered" n
      RETURNING "sequence"
    )
    SELECT s."lastSequence", s."lastGroupChangeSequence", s."groupsCurrent"
    FROM "event_sequence" s
    CROSS JOIN LATERAL (SELECT pg_notify(${eventChannel}, ${organizationId} || ':' || s."lastSequence"::text)) n
    ${request.failWhenGroupsChanged ? Prisma.sql`WHERE CASE WHEN s."groupsCurrent" THEN true ELSE switchboard_groups_changed() END` : Prisma.empty}`;
}

function eventRow(event: EventDraft, position: number, dependent: boolean, createdAt: Date): Prisma.Sql {
  const id = randomUUID();
  const payload = {
    id,
    type: event.type,
    timestamp: createdAt.toISOString(),
    organizationId: event.organizationId,
    actor: { type: event.actor.type, id: event.actor.id },
    data: event.data,
  };
  return Prisma.sql`(${id}::text, ${event.type}::text, ${event.actor.type}::text, ${event.actor.id}::text,
    ${event.conversationId ?? null}::text, ${JSON.stringify(payload)}::jsonb, ${position}::int, ${dependent}::boolean)`;
}

function singleOrganization(events: readonly EventDraft[]): string | undefined {
  const [first] = events;
  if (first && events.some((event) => event.organizationId !== first.organizationId)) {
    throw new Error('recordEvents writes the events of one organization at a time.');
  }
  return first?.organizationId;
}
