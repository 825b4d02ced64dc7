/**
 * A database schema reduced to what schema.prisma can declare, in one canonical form for both
 * sides of the drift test: what schema.prisma declares (expected-schema.ts) and what a migrated
 * database has (introspect.ts). Types and defaults are spelled the way PostgreSQL prints them.
 */
export interface SchemaShape {
  tables: Map<string, TableShape>;
  /** Enum type name → labels in declaration (sort) order. */
  enums: Map<string, string[]>;
}

export interface TableShape {
  /** The model this table comes from, for messages (expected side only). */
  model?: string;
  columns: Map<string, ColumnShape>;
  /** Keyed by index name; primary keys and unique constraints are indexes too. */
  indexes: Map<string, IndexShape>;
  /** Keyed by constraint name. */
  foreignKeys: Map<string, ForeignKeyShape>;
  /** CHECK / EXCLUDE / trigger constraints (Prisma never declares any): name → definition. */
  otherConstraints: Map<string, string>;
}

export interface ColumnShape {
  /** `format_type` spelling (`text`, `timestamp(3) without time zone`, `text[]`), or `enum <Name>`. */
  type: string;
  nullable: boolean;
  /** `pg_get_expr` spelling of the default (`CURRENT_TIMESTAMP`, `'OPEN'::"Status"`), or null. */
  default: string | null;
}

export interface IndexShape {
  kind: 'PRIMARY KEY' | 'UNIQUE INDEX' | 'INDEX';
  /** Access method: btree, gin, gist, hash, brin, spgist. */
  method: string;
  columns: IndexColumn[];
  /** INCLUDE columns (Prisma never declares any). */
  include: string[];
  /** WHERE clause of a partial index (Prisma never declares any). */
  predicate: string | null;
}

export interface IndexColumn {
  name: string;
  descending: boolean;
  /** NULLS FIRST/LAST when it differs from the default for the direction. */
  nulls: 'FIRST' | 'LAST' | null;
  /** A non-default operator class (`jsonb_path_ops`), or null for the type's default. */
  opclass: string | null;
}

export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export type ReferentialAction = 'CASCADE' | 'RESTRICT' | 'NO ACTION' | 'SET NULL' | 'SET DEFAULT';

export function emptyTable(model?: string): TableShape {
  return {
    ...(model ? { model } : {}),
    columns: new Map(),
    indexes: new Map(),
    foreignKeys: new Map(),
    otherConstraints: new Map(),
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function describeColumn(column: ColumnShape): string {
  return `${column.type} ${column.nullable ? 'NULL' : 'NOT NULL'} DEFAULT ${column.default ?? '(none)'}`;
}

/** Reads like the SQL that creates the index: `UNIQUE INDEX USING btree ("a", "b" DESC)`. */
export function describeIndex(index: IndexShape): string {
  const columns = index.columns.map((column) =>
    [
      quoteIdent(column.name),
      column.opclass,
      column.descending ? 'DESC' : null,
      column.nulls ? `NULLS ${column.nulls}` : null,
    ]
      .filter(Boolean)
      .join(' '),
  );
  let text = `${index.kind} USING ${index.method} (${columns.join(', ')})`;
  if (index.include.length > 0) text += ` INCLUDE (${index.include.map(quoteIdent).join(', ')})`;
  if (index.predicate) text += ` WHERE ${index.predicate}`;
  return text;
}

export function describeForeignKey(key: ForeignKeyShape): string {
  const columns = (names: string[]) => names.map(quoteIdent).join(', ');
  return (
    `FOREIGN KEY (${columns(key.columns)}) REFERENCES ${quoteIdent(key.referencedTable)} ` +
    `(${columns(key.referencedColumns)}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`
  );
}
