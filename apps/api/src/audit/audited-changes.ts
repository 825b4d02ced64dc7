import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditEntry } from './audit-entry';

const observed = new AsyncLocalStorage<AuditEntry[]>();

/**
 * Runs work and answers, beside its result, every audited change it recorded (each goes through
 * events/record-changes, which notes it here). What a change implies beyond its own transaction
 * (queues to drain, cached credentials to forget) is derived from these once it has committed.
 */
export async function observeAuditedChanges<T>(
  run: () => Promise<T>,
): Promise<{ result: T; changes: AuditEntry[] }> {
  const changes: AuditEntry[] = [];
  const result = await observed.run(changes, run);
  return { result, changes };
}

/** Called for every batch of audited changes; outside observeAuditedChanges it does nothing. */
export function noteAuditedChanges(entries: readonly AuditEntry[]): void {
  observed.getStore()?.push(...entries);
}
