import { randomUUID } from 'node:crypto';
import { Prisma } from '@switchboard/db';
import type { Actor } from '../auth/principal';

export interface AuditEntry {
  organizationId: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /**
   * The conversation as it is after the change, when `after` is not it (a message added, an
   * assignment's explanation): the event carries it (src/events). Not stored in the audit log.
   */
  subject?: unknown;
  requestId?: string | undefined;
}

/**
 * Audit entries as one multi-row INSERT statement (written beside their events, see
 * src/events/record-changes.ts). Rows take their sequence in the order given, so history lists
 * them in that order. Callers pass public views of objects: secrets and hashes never reach it.
 */
export function auditInsertSql(entries: readonly AuditEntry[], createdAt: Date): Prisma.Sql {
  const rows = entries.map(
    (entry) => Prisma.sql`(
      ${randomUUID()}, ${entry.organizationId}, ${entry.actor.type}::"ActorType", ${entry.actor.id},
      ${entry.action}, ${entry.entityType}, ${entry.entityId},
      ${jsonText(entry.before)}::jsonb, ${jsonText(entry.after)}::jsonb, ${entry.requestId ?? null},
      ${createdAt})`,
  );
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("id", "organizationId", "actorType", "actorId", "action", "entityType",
      "entityId", "before", "after", "requestId", "createdAt")
    VALUES ${Prisma.join(rows)}`;
}

// Dates become ISO strings and undefined disappears, as they would over the wire.
const jsonText = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);
