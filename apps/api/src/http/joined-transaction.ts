import type { Prisma, PrismaClient } from '@switchboard/db';
import { joinsOpenTransaction } from '../services/committing-write';

/**
 * A request that runs in one open transaction (the Idempotency-Key middleware): `client` is what
 * its procedures use, and `afterCommit` what they leave for once that transaction has committed.
 */
export interface RequestTransaction {
  client: PrismaClient;
  afterCommit: (() => Promise<void>)[];
}

/**
 * Procedures run on `client`, their own `$transaction(work)` joining the open one instead of
 * starting another, so the request's effect commits together with its stored answer or not at
 * all. A procedure's refusal rolls the whole transaction back, so no savepoints are needed.
 */
export function joinedTransaction(tx: Prisma.TransactionClient): RequestTransaction {
  const client: PrismaClient = new Proxy(tx, {
    get(target, property, receiver) {
      // Nothing run here may commit the transaction: the stored answer is written after it.
      if (property === joinsOpenTransaction) return true;
      if (property === '$transaction') {
        return (work: (inner: PrismaClient) => Promise<unknown>) => work(client);
      }
      return Reflect.get(target, property, receiver);
    },
  }) as unknown as PrismaClient;
  return { client, afterCommit: [] };
}

/** Runs what the request's procedures left for after the commit, in the order they left it. */
export async function runAfterCommit(transaction: RequestTransaction): Promise<void> {
  for (const work of transaction.afterCommit) await work();
}
