import type { Prisma, PrismaClient } from '@switchboard/db';

/**
 * A database client for procedures that runs everything in one open transaction: their own
 * `$transaction(work)` joins it instead of starting another. The Idempotency-Key middleware runs
 * a request this way, so the request's effect commits together with its stored answer or not at
 * all. A procedure's refusal rolls the whole transaction back, so no savepoints are needed.
 */
export function joinedTransaction(tx: Prisma.TransactionClient): PrismaClient {
  const joined: PrismaClient = new Proxy(tx, {
    get(target, property, receiver) {
      if (property === '$transaction') {
        return (work: (client: PrismaClient) => Promise<unknown>) => work(joined);
      }
      return Reflect.get(target, property, receiver);
    },
  }) as unknown as PrismaClient;
  return joined;
}
