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
  requestId?: string | undefined;
}

/**
 * Writes one audit event inside the caller's transaction, so the event exists exactly when the
 * change does. Callers pass public views of objects: secrets and hashes never reach the audit log.
 */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: entry.organizationId,
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: entry.requestId ?? null,
    },
  });
}

/**
 * The same events as recordAudit writes, as one multi-row INSERT statement for a caller that must
 * write them together with other rows in a single statement (routing, while agents are locked).
 * Rows take their sequence in the order given, so history lists them in that order.
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
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

const jsonText = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);
