/**
 * Whether a database error undid a whole transaction that may succeed when run again: a write
 * conflict or a deadlock (PostgreSQL's 40001 serialization_failure, 40P01 deadlock_detected).
 * Prisma reports them as P2034 from its own statements, and from `$queryRaw` as P2010 (a raw
 * query failed) whose driver adapter error is of kind TransactionWriteConflict.
 */
export function isWriteConflict(cause: unknown): boolean {
  const error = cause as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
  } | null;
  if (error?.code === 'P2034') return true;
  return (
    error?.code === 'P2010' && error.meta?.driverAdapterError?.cause?.kind === 'TransactionWriteConflict'
  );
}
