import { commitsTransaction, Prisma, prepared } from '@switchboard/db';
import { type AuditEntry, auditInsertSql } from '../audit/audit-entry';
import { noteAuditedChanges } from '../audit/audited-changes';
import { eventsOfAudit } from './audit-events';
import { isGroupChange } from './event-types';
import { groupMembershipEvents } from './group-events';
import {
  forgetOrganizationGroups,
  organizationGroups,
  reloadOrganizationGroups,
} from './organization-groups';
import { type EventWriteRow, eventWriteSql, fromRow, recordEvents } from './record-events';

/**
 * Writes audited changes: their audit rows and their events (with group enter/leave) in ONE
 * statement, together with the caller's own data-modifying CTEs when it has any (routing writes
 * the conversation and the agent in it too). Every mutation records its audit entries through
 * here, so every mutation on every path has its events in its own transaction.
 *
 * With `commits`, the statement is the transaction's last and commits it (commitsTransaction):
 * the caller sends nothing after it. Group enter/leave judged with groups that changed meanwhile
 * then fails the transaction with 40001 instead of being judged again (see runCommittingWrite).
 */
export async function recordChanges(
  tx: Prisma.TransactionClient,
  entries: readonly AuditEntry[],
  leadingCtes: readonly Prisma.Sql[] = [],
  { commits = false }: { commits?: boolean } = {},
): Promise<void> {
  const [first] = entries;
  if (!first) return;
  const { organizationId } = first;
  const createdAt = new Date();
  const { events, transitions } = eventsOfAudit(entries);
  const context = { organizationId, actor: first.actor };
  const groups = await organizationGroups(tx, organizationId);
  const membership = await groupMembershipEvents(tx, context, groups, transitions);
  if (events.length === 0 && membership.length === 0) {
    // Audited calls that changed nothing: their audit rows, and no event.
    const ctes = [
      ...leadingCtes,
      Prisma.sql`"audit_rows" AS (${auditInsertSql(entries, createdAt)} RETURNING "id")`,
    ];
    const write = Prisma.sql`WITH ${Prisma.join(ctes)} SELECT count(*) FROM "audit_rows"`;
    await tx.$executeRaw(prepared(commits ? commitsTransaction(write) : write));
    noteAuditedChanges(entries);
    return;
  }
  const audit = Prisma.sql`"audit_rows" AS (${auditInsertSql(entries, createdAt)})`;
  const write = eventWriteSql({
    organizationId,
    events,
    groupDependent: { groupsVersion: groups.version, events: membership },
    createdAt,
    leadingCtes: [...leadingCtes, audit],
    failWhenGroupsChanged: commits && transitions.length > 0,
  });
  const [row] = await tx.$queryRaw<EventWriteRow[]>(prepared(commits ? commitsTransaction(write) : write));
  const written = fromRow(row);
  // Noted once written: a write that failed (and may run again, runCommittingWrite) noted nothing.
  noteAuditedChanges(entries);
  if (events.some((event) => isGroupChange(event.type))) forgetOrganizationGroups(organizationId);
  if (written.groupsCurrent || transitions.length === 0) return;
  // A group changed since this process cached them: judge again with the groups as they are now
  // (the organization's event lock is held, so they cannot change again before commit).
  const fresh = await reloadOrganizationGroups(tx, organizationId);
  const recomputed = await groupMembershipEvents(tx, context, fresh, transitions);
  await recordEvents(tx, [], { groupsVersion: fresh.version, events: recomputed });
}
