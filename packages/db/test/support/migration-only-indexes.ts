import type { IndexShape, SchemaShape } from './schema-shape';

/**
 * Indexes that exist only in prisma/migrations, because schema.prisma cannot declare them (an
 * expression; an operator class from an extension it can: `ops: raw("gin_trgm_ops")`). Each is
 * spelled exactly as the database reports it, so the drift test still fails when one is missing
 * or differs; every other index must come from schema.prisma. Add to this list only what Prisma truly cannot express, and say why.
 */
export const migrationOnlyIndexes: ReadonlyArray<{
  table: string;
  name: string;
  index: IndexShape;
  why: string;
}> = [
  {
    table: 'Conversation',
    name: 'Conversation_metadata_text_trgm_idx',
    why: 'an expression index, (metadata)::text, with gin_trgm_ops (20261121140000_trigram_wildcards)',
    index: {
      kind: 'INDEX',
      method: 'gin',
      columns: [{ name: '(metadata::text)', descending: false, nulls: null, opclass: 'gin_trgm_ops' }],
      include: [],
      predicate: null,
    },
  },
  {
    table: 'Conversation',
    name: 'Conversation_waiting_idx',
    why: 'a partial index (WHERE status = OPEN AND agentId IS NULL): the queue drain reads waiting conversations in drain order (20261202110200_queue_drain)',
    index: {
      kind: 'INDEX',
      method: 'btree',
      columns: [
        { name: 'organizationId', descending: false, nulls: null, opclass: null },
        { name: 'queueId', descending: false, nulls: null, opclass: null },
        { name: 'priority', descending: true, nulls: null, opclass: null },
        { name: 'createdAt', descending: false, nulls: null, opclass: null },
        { name: 'id', descending: false, nulls: null, opclass: null },
      ],
      include: [],
      predicate: `((status = 'OPEN'::"ConversationStatus") AND ("agentId" IS NULL))`,
    },
  },
  {
    table: 'WebhookDelivery',
    name: 'WebhookDelivery_claim_idx',
    why: 'a partial index (WHERE status = PENDING): a claim reads only due deliveries, and a sent one no longer costs the index an entry (20261205230000_webhook_claim_partial_index)',
    index: {
      kind: 'INDEX',
      method: 'btree',
      columns: [
        { name: 'subscriptionId', descending: false, nulls: null, opclass: null },
        { name: 'nextAttemptAt', descending: false, nulls: null, opclass: null },
        { name: 'eventSequence', descending: false, nulls: null, opclass: null },
      ],
      include: [],
      predicate: `(status = 'PENDING'::"WebhookDeliveryStatus")`,
    },
  },
];

/** `declared` plus the migration-only indexes: what a migrated database must have, exactly. */
export function withMigrationOnlyIndexes(declared: SchemaShape): SchemaShape {
  const tables = new Map(declared.tables);
  for (const { table, name, index } of migrationOnlyIndexes) {
    const shape = tables.get(table);
    if (!shape) throw new Error(`migration-only index ${name}: no table ${table} in schema.prisma`);
    if (shape.indexes.has(name))
      throw new Error(`migration-only index ${name} is declared in schema.prisma too`);
    tables.set(table, { ...shape, indexes: new Map([...shape.indexes, [name, index]]) });
  }
  return { ...declared, tables };
}
