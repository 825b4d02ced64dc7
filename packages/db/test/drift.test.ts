import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPglite } from '../src/drivers/pglite';
import { openPostgres } from '../src/drivers/postgres';
import { migrate } from '../src/migrate/migrate';
import type { SqlSession, SqlTransaction } from '../src/migrate/sql-session';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '../src/testing';
import { constraintName, expectedSchemaOf, jsonbText, operatorClassName } from './support/expected-schema';
import { introspect } from './support/introspect';
import { withMigrationOnlyIndexes } from './support/migration-only-indexes';
import { getDmmf, readSchemaDmmf, schemaPath } from './support/prisma-dmmf';
import { schemaDrift } from './support/schema-drift';

// The drift test: a database migrated from prisma/migrations must have exactly what
// prisma/schema.prisma declares. The expected side comes from the schema's full DMMF (read with
// the schema Wasm module bundled in the prisma CLI), never from a hand-written list.

const declared = expectedSchemaOf(readFileSync(schemaPath, 'utf8'));
/** What a migrated database must have: schema.prisma plus the few indexes it cannot express. */
const migrated = withMigrationOnlyIndexes(declared);
const fixture = (name: string) =>
  readFileSync(new URL(`./support/fixtures/${name}`, import.meta.url), 'utf8');

async function openFreshDatabase(kind: string): Promise<{ session: SqlSession; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const { pglite, session } = await openPglite({});
    return { session, close: () => pglite.close() };
  }
  const url = await createPostgresDatabase();
  const { session } = openPostgres({ databaseUrl: url });
  return { session, close: () => dropPostgresDatabase(url) };
}

/** Runs `work` in a transaction that is always rolled back, and returns its result. */
async function rolledBack<T>(session: SqlSession, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const rollback = new Error('rollback');
  let result: T | undefined;
  await session
    .transaction(async (tx) => {
      result = await work(tx);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return result as T;
}

const report = (drift: string[]) => `schema drift:\n  ${drift.join('\n  ')}`;

describe('expected schema, derived from schema.prisma', () => {
  test('has a table for every model and an enum for every enum', () => {
    const dmmf = readSchemaDmmf();
    expect([...declared.tables.keys()].sort()).toEqual(dmmf.models.map((model) => model.name).sort());
    expect([...declared.enums.keys()].sort()).toEqual(dmmf.enums.map((e) => e.name).sort());
    expect(dmmf.models.length).toBeGreaterThanOrEqual(20);
  });

  test('maps types, nullability, defaults and indexes the way Prisma migrations do', () => {
    const conversation = declared.tables.get('Conversation');
    expect(conversation?.columns.get('metadata')).toEqual({
      type: 'jsonb',
      nullable: false,
      default: "'{}'::jsonb",
    });
    expect(conversation?.columns.get('status')).toEqual({
      type: 'enum ConversationStatus',
      nullable: false,
      default: `'OPEN'::"ConversationStatus"`,
    });
    expect(conversation?.columns.get('closedAt')).toEqual({
      type: 'timestamp(3) without time zone',
      nullable: true,
      default: null,
    });
    expect(conversation?.columns.get('id')).toEqual({ type: 'text', nullable: false, default: null });
    expect(conversation?.indexes.get('Conversation_metadata_idx')).toMatchObject({
      kind: 'INDEX',
      method: 'gin',
      columns: [{ name: 'metadata', descending: false, nulls: null, opclass: 'jsonb_path_ops' }],
    });
    expect(conversation?.indexes.get('Conversation_organizationId_createdAt_id_idx')?.columns).toEqual([
      { name: 'organizationId', descending: false, nulls: null, opclass: null },
      { name: 'createdAt', descending: true, nulls: null, opclass: null },
      { name: 'id', descending: true, nulls: null, opclass: null },
    ]);
    expect(declared.tables.get('CustomEntity')?.columns.get('values')).toEqual({
      type: 'text[]',
      nullable: true,
      default: null,
    });
    expect(declared.tables.get('ConversationTag')?.indexes.get('ConversationTag_pkey')).toMatchObject({
      kind: 'PRIMARY KEY',
      columns: [{ name: 'conversationId' }, { name: 'tagId' }],
    });
    expect(declared.tables.get('Tag')?.indexes.get('Tag_organizationId_name_key')?.kind).toBe('UNIQUE INDEX');
    expect(conversation?.foreignKeys.get('Conversation_spaceId_fkey')).toEqual({
      columns: ['spaceId'],
      referencedTable: 'Space',
      referencedColumns: ['id'],
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
    });
  });

  test("follows Prisma's naming conventions, cut to PostgreSQL's 63 characters", () => {
    expect(constraintName('Tag', ['organizationId', 'name'], '_key')).toBe('Tag_organizationId_name_key');
    expect(constraintName('Tag', ['id'], '_pkey')).toBe('Tag_pkey');
    expect(constraintName('T', ['a'.repeat(70)], '_idx')).toBe(`T_${'a'.repeat(57)}_idx`);
    expect(operatorClassName('JsonbPathOps')).toBe('jsonb_path_ops');
    expect(operatorClassName('Int4MinMaxMultiOps')).toBe('int4_minmax_multi_ops');
    expect(operatorClassName('text_pattern_ops')).toBe('text_pattern_ops');
    expect(jsonbText({ bb: [1, 'x'], a: { c: null } })).toBe('{"a": {"c": null}, "bb": [1, "x"]}');
  });

  test('reports invalid schemas with Prisma’s own message', () => {
    expect(() => getDmmf('model Broken {\n  id Strin @id\n}\n')).toThrow(/P1012[\s\S]*Strin/);
  });

  test('refuses what it cannot map instead of skipping it', () => {
    const outcome = (models: string) => {
      try {
        expectedSchemaOf(`datasource db {\n  provider = "postgresql"\n}\n${models}`);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(outcome('model S {\n  id Int @id\n  x Float @db.Real\n}')).toBe('accepted');
    expect(outcome('model R {\n  id Int @id\n  x String @db.Bit(3)\n}')).toMatch(/R\.x.*@db\.Bit/);
    expect(outcome('model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  as A[]\n}')).toMatch(
      /implicit many-to-many/,
    );
    // Left out of the DMMF altogether, so they are refused before reading it.
    expect(outcome('model P {\n  id Int @id\n  at Unsupported("point")?\n}')).toMatch(/Unsupported/);
    expect(outcome('model Q {\n  id Int @id\n  x Int @ignore\n}')).toMatch(/@ignore/);
    expect(
      outcome(
        'model A {\n  id Int @id\n  bId Int\n  b B @relation(fields: [bId], references: [id], map: "a_b")\n}\n' +
          'model B {\n  id Int @id\n  as A[]\n}',
      ),
    ).toMatch(/@relation\(map/);
  });
});

describe.each(testDatabaseKinds())('migrated %s database', (kind) => {
  let db: Awaited<ReturnType<typeof openFreshDatabase>>;
  beforeAll(async () => {
    db = await openFreshDatabase(kind);
    await migrate(db.session);
  });
  afterAll(() => db?.close());

  test('has every model, column, index, foreign key and enum of schema.prisma, and nothing else', async () => {
    const drift = schemaDrift(migrated, await db.session.transaction(introspect));
    expect(drift, report(drift)).toEqual([]);
  });

  test('the comparison names exactly what drifted', async () => {
    const drift = await rolledBack(db.session, async (tx) => {
      await tx.exec(`
        ALTER TABLE "Conversation" ALTER COLUMN "topic" SET NOT NULL;
        ALTER TABLE "Conversation" ALTER COLUMN "channel" DROP DEFAULT;
        ALTER TABLE "Tracker" ALTER COLUMN "vocabulary" TYPE varchar(20)[];
        ALTER TABLE "Settings" DROP COLUMN "version";
        ALTER TABLE "Agent" ADD COLUMN "nickname" text;
        DROP INDEX "Conversation_metadata_idx";
        CREATE INDEX "Conversation_metadata_idx" ON "Conversation" USING GIN ("metadata");
        DROP INDEX "Conversation_organizationId_createdAt_id_idx";
        CREATE INDEX "Conversation_organizationId_createdAt_id_idx" ON "Conversation" ("organizationId", "createdAt", "id");
        DROP INDEX "Tag_organizationId_name_key";
        CREATE INDEX "Tag_organizationId_name_key" ON "Tag" ("organizationId", "name");
        DROP INDEX "Message_conversationId_createdAt_idx";
        DROP INDEX "Conversation_topic_trgm_idx";
        DROP INDEX "Conversation_metadata_text_trgm_idx";
        CREATE INDEX "Conversation_metadata_text_trgm_idx" ON "Conversation" USING GIN ((("metadata" ->> 'orderId')) gin_trgm_ops);
        CREATE INDEX "Conversation_summary_trgm_idx" ON "Conversation" USING GIN ("summary" gin_trgm_ops);
        ALTER TABLE "Route" DROP CONSTRAINT "Route_queueId_fkey";
        ALTER TABLE "Route" ADD CONSTRAINT "Route_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "Queue"("id");
        ALTER TYPE "Priority" ADD VALUE 'CRITICAL' BEFORE 'URGENT';
        CREATE TABLE "Stray" ("id" integer);
      `);
      return schemaDrift(migrated, await introspect(tx));
    });
    expect(drift).toEqual([
      'column "Agent"."nickname" is not in schema.prisma: text NULL DEFAULT (none)',
      `column "Conversation"."channel": database has default (none), schema.prisma declares 'NO_CHANNEL'::text`,
      'column "Conversation"."topic": database has NOT NULL, schema.prisma declares NULL',
      'column "Settings"."version" is missing: integer NOT NULL DEFAULT 1',
      'column "Tracker"."vocabulary": database has type character varying(20)[], schema.prisma declares text[]',
      'enum "Priority": database has (LOW, NORMAL, HIGH, CRITICAL, URGENT), schema.prisma declares (LOW, NORMAL, HIGH, URGENT)',
      'foreign key "Route_queueId_fkey" on "Route": database has FOREIGN KEY ("queueId") REFERENCES "Queue" ("id") ' +
        'ON DELETE NO ACTION ON UPDATE NO ACTION, schema.prisma declares FOREIGN KEY ("queueId") REFERENCES "Queue" ("id") ' +
        'ON DELETE CASCADE ON UPDATE CASCADE',
      'index "Conversation_metadata_idx" on "Conversation": database has INDEX USING gin ("metadata"), ' +
        'schema.prisma declares INDEX USING gin ("metadata" jsonb_path_ops)',
      // Migration-only indexes (test/support/migration-only-indexes.ts) are checked the same way.
      'index "Conversation_metadata_text_trgm_idx" on "Conversation": database has ' +
        `INDEX USING gin ("(metadata ->> 'orderId'::text)" gin_trgm_ops), schema.prisma declares ` +
        'INDEX USING gin ("(metadata::text)" gin_trgm_ops)',
      'index "Conversation_organizationId_createdAt_id_idx" on "Conversation": database has ' +
        'INDEX USING btree ("organizationId", "createdAt", "id"), schema.prisma declares ' +
        'INDEX USING btree ("organizationId", "createdAt" DESC, "id" DESC)',
      'index "Conversation_summary_trgm_idx" on "Conversation" is not in schema.prisma: INDEX USING gin ("summary" gin_trgm_ops)',
      'index "Conversation_topic_trgm_idx" on "Conversation" is missing: INDEX USING gin ("topic" gin_trgm_ops)',
      'index "Message_conversationId_createdAt_idx" on "Message" is missing: INDEX USING btree ("conversationId", "createdAt")',
      'index "Tag_organizationId_name_key" on "Tag": database has INDEX USING btree ("organizationId", "name"), ' +
        'schema.prisma declares UNIQUE INDEX USING btree ("organizationId", "name")',
      'table "Stray" is not in schema.prisma',
    ]);
    // Rolled back: the database still matches.
    expect(schemaDrift(migrated, await db.session.transaction(introspect))).toEqual([]);
  });

  test('predicts exactly what Prisma generates for a schema using more of its PostgreSQL mapping', async () => {
    const kitchenSink = expectedSchemaOf(fixture('kitchen-sink.prisma'), 'kitchen-sink.prisma');
    const drift = await rolledBack(db.session, async (tx) => {
      await tx.exec('CREATE SCHEMA kitchen_sink; SET LOCAL search_path TO kitchen_sink');
      await tx.exec(fixture('kitchen-sink.sql'));
      return schemaDrift(kitchenSink, await introspect(tx), { extraTables: [] });
    });
    expect(drift, report(drift)).toEqual([]);
  });
});
