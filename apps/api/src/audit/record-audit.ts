import type { Prisma } from '@switchboard/db';
import { recordChanges } from '../events/record-changes';
import type { AuditEntry } from './audit-entry';

export type { AuditEntry } from './audit-entry';

/**
 * Writes one audit event, and the events it yields (src/events), inside the caller's
 * transaction, so they exist exactly when the change does. Callers pass public views of objects:
 * secrets and hashes never reach the audit log or the events.
 */
export function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  return recordChanges(tx, [entry]);
}
