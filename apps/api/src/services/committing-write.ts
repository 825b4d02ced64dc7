import type { Prisma, PrismaClient } from '@switchboard/db';
import { isWriteConflict } from '../errors/write-conflict';

/**
 * Answered true by a client whose `$transaction` joins a transaction already open (the
 * Idempotency-Key middleware's, http/joined-transaction.ts): work run there is not the last of its
 * transaction, whose stored answer is written after it.
 */
export const joinsOpenTransaction = Symbol('joins an open transaction');

/**
 * Runs `work` in a transaction whose last statement commits it (`commits`, passed on to
 * recordChanges): its COMMIT leaves with that statement, so the organization's locks are released
 * as soon as the server has run it, not a round trip later. If the statement found that the
 * organization's groups changed since this process cached them (its group enter/leave would be
 * judged with old groups), or PostgreSQL chose the transaction as a deadlock victim, nothing was
 * written (40001 / 40P01, isWriteConflict): the work runs once more the ordinary way, where stale
 * groups are judged again under the organization's lock (record-changes.ts).
 */
export async function runCommittingWrite<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient, commits: boolean) => Promise<T>,
): Promise<T> {
  if ((prisma as unknown as Record<symbol, unknown>)[joinsOpenTransaction] === true)
    return prisma.$transaction((tx) => work(tx, false));
  try {
    return await prisma.$transaction((tx) => work(tx, true));
  } catch (error) {
    if (!isWriteConflict(error)) throw error;
    return prisma.$transaction((tx) => work(tx, false));
  }
}
