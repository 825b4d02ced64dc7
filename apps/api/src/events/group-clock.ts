import { type CriteriaAst, type CriteriaPredicate, compilePredicate } from '@switchboard/core';

/**
 * Where a group's relative instants (`createdAt<now-4h`) stand for group.entered / group.left:
 * `sweptThrough` for every conversation, except that while a sweep window cut short by its row
 * cap is unfinished, conversations up to `sweepCursor` (byte order, as the sweep's SQL orders
 * them with COLLATE "C") are already at `sweepingTo` (ConversationGroup in schema.prisma).
 */
export interface GroupClock {
  sweptThrough: number;
  sweepingTo: number | null;
  sweepCursor: string | null;
}

/**
 * The predicate change-driven events judge a clock-reading group with: at the group's settled
 * clock, not at the time of the change. A subscriber's view of the group then only ever moves in
 * two ways — a change judged at the settled clock, or the time sweep moving the clock forward and
 * announcing exactly what that flips — so no flip is announced twice or missed (group-time-sweep.ts).
 */
export function clockedPredicate(ast: CriteriaAst, clock: GroupClock): CriteriaPredicate {
  const settled = compilePredicate(ast, { clock: () => clock.sweptThrough });
  const { sweepingTo, sweepCursor } = clock;
  if (sweepingTo === null || sweepCursor === null) return settled;
  const ahead = compilePredicate(ast, { clock: () => sweepingTo });
  return (facts) => (sweptAhead(facts.id, sweepCursor) ? ahead : settled)(facts);
}

/** Whether a conversation id sorts at or before the cursor in UTF-8 byte order (SQL's COLLATE "C"). */
export const sweptAhead = (id: string, cursor: string): boolean =>
  Buffer.compare(Buffer.from(id, 'utf8'), Buffer.from(cursor, 'utf8')) <= 0;
