import type { PrismaClient } from '@switchboard/db';
import { conversationInclude } from '../../../src/services/conversations/conversation-row';
import type { ConversationState, Tracked } from './crash-workload';

type Row = { id: string; version: number } & ConversationState;
type View = {
  version?: number;
  topic?: string;
  priority?: string;
  tags?: string[];
  metadata?: Record<string, string>;
};

const same = (a: ConversationState | undefined, b: ConversationState) =>
  a !== undefined &&
  a.topic === b.topic &&
  a.priority === b.priority &&
  JSON.stringify([...a.tags].sort()) === JSON.stringify([...b.tags].sort()) &&
  JSON.stringify(Object.entries(a.metadata).sort()) === JSON.stringify(Object.entries(b.metadata).sort());

/**
 * After a crash and restart, in the database itself:
 * 1. every acknowledged conversation exists and holds its last acknowledged state, or the state
 *    of the one write that was in flight; an unacknowledged create is absent or whole;
 * 2. no half-applied change: the newest audit event of every conversation shows exactly its
 *    current state and version, and its events form one unbroken version chain from the create;
 * 3. every tag link points at a tag of the same organization.
 */
export async function crashProblems(prisma: PrismaClient, tracked: Tracked[]): Promise<string[]> {
  const problems: string[] = [];
  const rows = await prisma.conversation.findMany({ include: conversationInclude });
  const byKey = new Map<string, Row>();
  for (const row of rows) {
    const metadata = row.metadata as Record<string, string>;
    const state = {
      id: row.id,
      version: row.version,
      topic: row.topic ?? '',
      priority: row.priority,
      tags: row.tags.map((link) => link.tag.name),
      metadata,
    };
    if (metadata.key) byKey.set(metadata.key, state);
  }
  for (const item of tracked) {
    const row = byKey.get(item.key);
    if (!item.acked) {
      if (row && !same(item.pending, row))
        problems.push(`${item.key}: unacknowledged create is not whole: ${JSON.stringify(row)}`);
      continue;
    }
    if (!row) {
      problems.push(`${item.key}: acknowledged but missing`);
      continue;
    }
    if (!same(item.acked, row) && !same(item.pending, row)) {
      problems.push(
        `${item.key}: ${JSON.stringify(row)} is neither ${JSON.stringify(item.acked)} nor ${JSON.stringify(item.pending)}`,
      );
    }
  }

  const events = await prisma.auditEvent.findMany({
    where: { entityType: 'conversation' },
    orderBy: { createdAt: 'asc' },
  });
  const chains = new Map<string, { action: string; before: View | null; after: View | null }[]>();
  for (const event of events) {
    chains.set(event.entityId, [
      ...(chains.get(event.entityId) ?? []),
      { action: event.action, before: event.before as View | null, after: event.after as View | null },
    ]);
  }
  for (const row of byKey.values()) {
    const chain = (chains.get(row.id) ?? [])
      .filter((e) => e.after?.version !== undefined)
      .sort((x, y) => (x.after?.version ?? 0) - (y.after?.version ?? 0));
    if (chain[0]?.action !== 'conversation.create') problems.push(`${row.id}: no create audit event`);
    chain.forEach((event, i) => {
      const expected = i === 0 ? undefined : chain[i - 1]?.after?.version;
      if (i > 0 && event.before?.version !== expected)
        problems.push(`${row.id}: audit chain broken at ${event.action}`);
    });
    const last = chain.at(-1)?.after;
    const lastState = last
      ? {
          topic: last.topic ?? '',
          priority: last.priority ?? '',
          tags: last.tags ?? [],
          metadata: last.metadata ?? {},
        }
      : undefined;
    if (last?.version !== row.version || !same(lastState, row)) {
      problems.push(
        `${row.id}: newest audit event ${JSON.stringify(last)} does not match the row ${JSON.stringify(row)}`,
      );
    }
  }

  const orphans = await prisma.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "ConversationTag" ct
    LEFT JOIN "Tag" t ON t.id = ct."tagId" AND t."organizationId" = ct."organizationId"
    WHERE t.id IS NULL`;
  if (Number(orphans[0]?.count ?? 0) > 0) problems.push(`${orphans[0]?.count} tag links without their tag`);
  return problems;
}
