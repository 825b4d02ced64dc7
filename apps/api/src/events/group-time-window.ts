import {
  type ClockComparison,
  clockComparisons,
  isCriteriaError,
  parseCriteria,
  readsClock,
} from '@switchboard/core';
import { compileCriteriaToSql, Prisma, type PrismaClient } from '@switchboard/db';
import { switchboardActor } from '../auth/principal';
import { presentConversation } from '../services/conversations/conversation-view';
import { findConversationsInOrder } from '../services/conversations/find-conversation';
import { membershipEvent } from './group-events';
import { recordEvents } from './record-events';

export interface SweptWindow {
  /** group.entered / group.left written. */
  events: number;
  /** Whether the window was cut short by the row cap; the next sweep continues it. */
  unfinished: boolean;
}

interface LockedGroup {
  id: string;
  name: string;
  criteria: string;
  sweptThrough: Date;
  sweepingTo: Date | null;
  sweepCursor: string | null;
}

/**
 * Moves one group's clock (ConversationGroup.sweptThrough) from t0 to t1 = `now` and writes
 * group.entered / group.left for the conversations whose membership that flips, all in one
 * transaction: a crash leaves t0 and no events, so the window is swept again, never twice.
 *
 * Why this never repeats nor misses a change-driven event: change-driven events judge a
 * clock-reading group at its clock t0, not at the time of the change (group-clock.ts). So what a
 * subscriber believes is exactly "criteria at t0 over each conversation as it is", and this sweep
 * moves that to t1 by announcing criteria@t1 ≠ criteria@t0 for each conversation as it is. The
 * two cannot interleave: the sweep holds the group row and then the organization's event lock
 * (EventSequence, which every event write takes) from before it reads the conversations until it
 * commits, and moves groupClockVersion, so a change that committed first is read here as it is,
 * and one committing after finds its cached groups stale and is judged again at t1.
 *
 * Bounded: only conversations with a compared instant inside the window are read (inWindow), and
 * at most `maxRows` are announced per run, in id order (COLLATE "C"); the rest of the
 * window is continued from `sweepCursor` next run, and meanwhile changes judge conversations up
 * to the cursor at t1 and the others at t0.
 */
export async function sweepGroupWindow(
  prisma: PrismaClient,
  group: { id: string; organizationId: string },
  now: Date,
  maxRows: number,
): Promise<SweptWindow> {
  const { organizationId } = group;
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<LockedGroup[]>`
      SELECT "id", "name", "criteria", "sweptThrough", "sweepingTo", "sweepCursor" FROM "ConversationGroup"
      WHERE "id" = ${group.id} AND "organizationId" = ${organizationId} FOR UPDATE`;
    const ast = locked ? clockReading(locked.criteria) : null;
    if (!locked || !ast) return { events: 0, unfinished: false }; // deleted or edited meanwhile
    const from = locked.sweptThrough;
    const to = locked.sweepingTo ?? now;
    // A clock already at or past this process's now (set by a faster clock, or just now by an edit).
    if (to.getTime() <= from.getTime()) return { events: 0, unfinished: false };

    await tx.$executeRaw`
      INSERT INTO "EventSequence" ("organizationId", "groupClockVersion") VALUES (${organizationId}, 1)
      ON CONFLICT ("organizationId") DO UPDATE SET "groupClockVersion" = "EventSequence"."groupClockVersion" + 1`;

    // compileCriteriaToSql is never NULL, so `at1 <> at0` is exactly
    // (at1 AND NOT at0) → entered, together with (at0 AND NOT at1) → left, and NOT means what the
    // in-memory predicate's negation means.
    const at0 = compileCriteriaToSql(ast, { now: from });
    const at1 = compileCriteriaToSql(ast, { now: to });
    const after = locked.sweepCursor
      ? Prisma.sql`AND c."id" COLLATE "C" > ${locked.sweepCursor}`
      : Prisma.empty;
    const flipped = await tx.$queryRaw<{ id: string; entered: boolean }[]>`
      SELECT f."id", f."at1" AS "entered" FROM (
        SELECT c."id", (${at1}) AS "at1", (${at0}) AS "at0" FROM "Conversation" c
        WHERE c."organizationId" = ${organizationId} AND ${inWindow(clockComparisons(ast), from, to)} ${after}
      ) f
      WHERE f."at1" <> f."at0"
      ORDER BY f."id" COLLATE "C"
      LIMIT ${maxRows + 1}`;
    const batch = flipped.slice(0, maxRows);
    const unfinished = flipped.length > maxRows;

    const rows = await findConversationsInOrder(
      tx,
      organizationId,
      batch.map((row) => row.id),
    );
    const entered = new Map(batch.map((row) => [row.id, row.entered]));
    const context = { organizationId, actor: switchboardActor };
    const events = rows.map((row) =>
      membershipEvent(context, locked, entered.get(row.id) === true, presentConversation(row)),
    );
    await recordEvents(tx, events);

    const cursor = batch.at(-1)?.id ?? null;
    if (unfinished) {
      await tx.$executeRaw`UPDATE "ConversationGroup" SET "sweepingTo" = ${to}, "sweepCursor" = ${cursor}
        WHERE "id" = ${locked.id} AND "organizationId" = ${organizationId}`;
    } else {
      await tx.$executeRaw`UPDATE "ConversationGroup" SET "sweptThrough" = ${to}, "sweepingTo" = NULL,
        "sweepCursor" = NULL WHERE "id" = ${locked.id} AND "organizationId" = ${organizationId}`;
    }
    return { events: events.length, unfinished };
  });
}

const instantColumns: Readonly<Record<string, Prisma.Sql>> = {
  createdAt: Prisma.raw('c."createdAt"'),
  updatedAt: Prisma.raw('c."updatedAt"'),
  closedAt: Prisma.raw('c."closedAt"'),
};

/**
 * Only a conversation with a compared instant in [t0 + offset, t1 + offset] can flip (core's
 * clockComparisons), so the query reads those through the instant indexes instead of every
 * conversation of the organization. Bounds as the criteria compiler binds instants: UTC wall time.
 */
function inWindow(comparisons: readonly ClockComparison[], from: Date, to: Date): Prisma.Sql {
  const at = (ms: number) => Prisma.sql`(${new Date(ms).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const windows = comparisons.map(({ field, offsetMs }) => {
    const column = instantColumns[field];
    if (!column) throw new Error(`No column for the instant field ${field}`);
    return Prisma.sql`${column} BETWEEN ${at(from.getTime() + offsetMs)} AND ${at(to.getTime() + offsetMs)}`;
  });
  return Prisma.sql`(${Prisma.join(windows, ' OR ')})`;
}

/** The AST of criteria that read the clock; null for the others and for text that no longer parses. */
export function clockReading(criteria: string) {
  try {
    const ast = parseCriteria(criteria);
    return readsClock(ast) ? ast : null;
  } catch (error) {
    if (isCriteriaError(error)) return null;
    throw error;
  }
}
