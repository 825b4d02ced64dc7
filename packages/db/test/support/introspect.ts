import type { SqlTransaction } from '../../src/migrate/sql-session';
import {
  type ColumnShape,
  emptyTable,
  type IndexColumn,
  type ReferentialAction,
  type SchemaShape,
  type TableShape,
} from './schema-shape';

/**
 * Reads the current schema (`current_schema()`, normally `public`) of a PostgreSQL or PGlite
 * database into a SchemaShape: tables and views, columns from information_schema.columns,
 * indexes from pg_index (column order, uniqueness, access method, DESC, operator classes),
 * foreign keys and other constraints from pg_constraint, and enum labels from pg_enum.
 */
export async function introspect(tx: SqlTransaction): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: new Map(), enums: new Map() };
  const table = (name: string): TableShape => {
    let found = shape.tables.get(name);
    if (!found) {
      found = emptyTable();
      shape.tables.set(name, found);
    }
    return found;
  };

  for (const row of await tx.query<{ name: string }>(TABLES)) table(row.name);

  for (const row of await tx.query<ColumnRow>(COLUMNS)) {
    table(row.table_name).columns.set(row.column_name, toColumn(row));
  }

  for (const row of await tx.query<IndexRow>(INDEXES)) {
    const keys = row.columns.slice(0, row.key_count);
    table(row.table_name).indexes.set(row.index_name, {
      kind: row.is_primary ? 'PRIMARY KEY' : row.is_unique ? 'UNIQUE INDEX' : 'INDEX',
      method: row.method,
      columns: keys.map(toIndexColumn),
      include: row.columns.slice(row.key_count).map((column) => column.name),
      predicate: row.predicate,
    });
  }

  for (const row of await tx.query<ForeignKeyRow>(FOREIGN_KEYS)) {
    table(row.table_name).foreignKeys.set(row.name, {
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: ACTIONS[row.on_delete] ?? (row.on_delete as ReferentialAction),
      onUpdate: ACTIONS[row.on_update] ?? (row.on_update as ReferentialAction),
    });
  }

  for (const row of await tx.query<{ table_name: string; name: string; definition: string }>(
    OTHER_CONSTRAINTS,
  )) {
    table(row.table_name).otherConstraints.set(row.name, row.definition);
  }

  for (const row of await tx.query<{ name: string; labels: string[] }>(ENUMS)) {
    shape.enums.set(row.name, row.labels);
  }
  return shape;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  data_type: string;
  udt_name: string;
  formatted_type: string;
  enum_name: string | null;
}

interface IndexRow {
  table_name: string;
  index_name: string;
  is_primary: boolean;
  is_unique: boolean;
  method: string;
  predicate: string | null;
  key_count: number;
  columns: {
    name: string;
    option: number | null;
    opclass: string | null;
    opclass_is_default: boolean | null;
  }[];
}

interface ForeignKeyRow {
  table_name: string;
  name: string;
  referenced_table: string;
  on_delete: string;
  on_update: string;
  columns: string[];
  referenced_columns: string[];
}

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

function toColumn(row: ColumnRow): ColumnShape {
  // information_schema says USER-DEFINED (udt_name = the enum) or ARRAY (udt_name = _element);
  // enum_name resolves both to the enum, and format_type spells every other type exactly.
  const isArray = row.data_type === 'ARRAY';
  return {
    type: row.enum_name ? `enum ${row.enum_name}${isArray ? '[]' : ''}` : row.formatted_type,
    nullable: row.is_nullable === 'YES',
    default: row.column_default,
  };
}

function toIndexColumn(column: IndexRow['columns'][number]): IndexColumn {
  // pg_index.indoption bits: 1 = DESC, 2 = NULLS FIRST (the default exactly when DESC).
  const option = column.option ?? 0;
  const descending = (option & 1) === 1;
  const nullsFirst = (option & 2) === 2;
  return {
    name: column.name,
    descending,
    nulls: nullsFirst === descending ? null : nullsFirst ? 'FIRST' : 'LAST',
    opclass: column.opclass_is_default === false ? column.opclass : null,
  };
}

const IN_SCHEMA = (namespaceOid: string) =>
  `${namespaceOid} = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema())`;

const TABLES = `
  SELECT c.relname::text AS name
  FROM pg_catalog.pg_class c
  WHERE ${IN_SCHEMA('c.relnamespace')} AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`;

const COLUMNS = `
  SELECT col.table_name::text AS table_name,
         col.column_name::text AS column_name,
         col.is_nullable::text AS is_nullable,
         col.column_default::text AS column_default,
         col.data_type::text AS data_type,
         col.udt_name::text AS udt_name,
         pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted_type,
         CASE WHEN t.typtype = 'e' THEN t.typname::text
              WHEN element.typtype = 'e' THEN element.typname::text END AS enum_name
  FROM information_schema.columns col
  JOIN pg_catalog.pg_class c ON c.relname = col.table_name AND ${IN_SCHEMA('c.relnamespace')}
  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = col.column_name AND NOT a.attisdropped
  JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_catalog.pg_type element ON element.oid = t.typelem AND t.typcategory = 'A'
  WHERE col.table_schema = current_schema()
  ORDER BY col.table_name, col.ordinal_position`;

// indkey lists key columns then INCLUDE columns; indoption and indclass cover key columns only.
const INDEXES = `
  SELECT t.relname::text AS table_name,
         i.relname::text AS index_name,
         ix.indisprimary AS is_primary,
         ix.indisunique AS is_unique,
         am.amname::text AS method,
         pg_catalog.pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
         ix.indnkeyatts::int AS key_count,
         (SELECT json_agg(json_build_object(
                   'name', COALESCE(a.attname::text, pg_catalog.pg_get_indexdef(ix.indexrelid, k.ord::int, true)),
                   'option', k.option,
                   'opclass', oc.opcname::text,
                   'opclass_is_default', oc.opcdefault) ORDER BY k.ord)
          FROM unnest(ix.indkey::int2[], ix.indoption::int2[], ix.indclass::oid[]) WITH ORDINALITY
               AS k(attnum, option, opclass, ord)
          LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
          LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = k.opclass) AS columns
  FROM pg_catalog.pg_index ix
  JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid
  JOIN pg_catalog.pg_class t ON t.oid = ix.indrelid
  JOIN pg_catalog.pg_am am ON am.oid = i.relam
  WHERE ${IN_SCHEMA('t.relnamespace')}`;

const FOREIGN_KEYS = `
  SELECT t.relname::text AS table_name,
         con.conname::text AS name,
         rt.relname::text AS referenced_table,
         con.confdeltype::text AS on_delete,
         con.confupdtype::text AS on_update,
         (SELECT json_agg(a.attname::text ORDER BY k.ord)
          FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
         (SELECT json_agg(a.attname::text ORDER BY k.ord)
          FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS referenced_columns
  FROM pg_catalog.pg_constraint con
  JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
  JOIN pg_catalog.pg_class rt ON rt.oid = con.confrelid
  WHERE con.contype = 'f' AND ${IN_SCHEMA('t.relnamespace')}`;

// Primary keys and unique constraints show up as indexes, foreign keys above, NOT NULL (contype
// 'n' from PostgreSQL 18) as column nullability; anything else is something Prisma never creates.
const OTHER_CONSTRAINTS = `
  SELECT t.relname::text AS table_name, con.conname::text AS name,
         pg_catalog.pg_get_constraintdef(con.oid) AS definition
  FROM pg_catalog.pg_constraint con
  JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
  WHERE con.contype NOT IN ('p', 'u', 'f', 'n') AND ${IN_SCHEMA('t.relnamespace')}`;

const ENUMS = `
  SELECT t.typname::text AS name, json_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
  WHERE ${IN_SCHEMA('t.typnamespace')}
  GROUP BY t.typname`;
