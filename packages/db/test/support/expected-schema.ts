import {
  type DmmfDatamodel,
  type DmmfDefault,
  type DmmfEnum,
  type DmmfField,
  type DmmfIndex,
  type DmmfModel,
  getDmmf,
} from './prisma-dmmf';
import {
  type ColumnShape,
  emptyTable,
  type ForeignKeyShape,
  type IndexShape,
  type ReferentialAction,
  type SchemaShape,
  type TableShape,
} from './schema-shape';

/**
 * What a database migrated from schema.prisma must contain, derived from the DMMF with the rules
 * Prisma's PostgreSQL migrations follow (column types, NOT NULL, defaults, constraint names).
 * Anything this file does not know how to map throws, naming the model and field, so a schema
 * change the drift test cannot check yet fails loudly instead of being skipped.
 */
export function expectedSchema(datamodel: DmmfDatamodel): SchemaShape {
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const shape: SchemaShape = { tables: new Map(), enums: new Map() };

  for (const e of datamodel.enums) {
    shape.enums.set(
      identifier(e.dbName ?? e.name),
      e.values.map((value) => value.dbName ?? value.name),
    );
  }

  for (const model of datamodel.models) {
    const table = emptyTable(model.name);
    const tableName = tableNameOf(model);
    for (const field of model.fields) {
      if (field.kind === 'object') {
        const foreignKey = expectedForeignKey(model, field, models);
        if (foreignKey) {
          table.foreignKeys.set(constraintName(tableName, foreignKey.columns, '_fkey'), foreignKey);
        }
        continue;
      }
      table.columns.set(columnNameOf(field), expectedColumn(model, field, enums));
    }
    shape.tables.set(tableName, table);
  }

  for (const index of datamodel.indexes) {
    const model = models.get(index.model);
    if (!model) throw new Error(`index on unknown model ${index.model}`);
    const table = shape.tables.get(tableNameOf(model)) as TableShape;
    const [name, shapeOfIndex] = expectedIndex(model, index);
    table.indexes.set(name, shapeOfIndex);
  }
  return shape;
}

/** PostgreSQL's identifier limit; Prisma cuts the table/column part of default names to fit it. */
const MAX_IDENTIFIER_LENGTH = 63;

/**
 * The expected schema of a schema.prisma text. The DMMF is the client's view of the schema: it
 * leaves out `Unsupported(...)` fields, `@ignore`d fields and `@@ignore`d models (and views), all
 * of which still exist in the database, and foreign key names set with `map:`. Rather than report
 * those as drift, refuse schemas that use them until this file is extended.
 */
export function expectedSchemaOf(schema: string, fileName = 'schema.prisma'): SchemaShape {
  const code = schema.replace(/\/\/.*$/gm, '');
  const blindSpots = [
    [/\bUnsupported\s*\(/, 'Unsupported(...) fields'],
    [/@@?ignore\b/, '@ignore / @@ignore'],
    [/^\s*view\s+\w+\s*\{/m, 'views'],
    // Not in the DMMF either, so the expected names would be wrong.
    [/@relation\([^)]*\bmap\s*:/, 'foreign key names given with @relation(map: …)'],
    [/@@schema\s*\(/, 'several database schemas (@@schema)'],
  ] as const;
  for (const [pattern, what] of blindSpots) {
    if (pattern.test(code)) {
      throw new Error(
        `${fileName} uses ${what}, which the DMMF leaves out; extend the drift test (expected-schema.ts)`,
      );
    }
  }
  return expectedSchema(getDmmf(schema, fileName));
}

export function tableNameOf(model: DmmfModel): string {
  return identifier(model.dbName ?? model.name);
}

function columnNameOf(field: DmmfField): string {
  return identifier(field.dbName ?? field.name);
}

/** PostgreSQL silently cuts identifiers to 63 bytes (NAMEDATALEN - 1), keeping whole characters. */
export function identifier(name: string): string {
  let bytes = 0;
  let cut = '';
  for (const character of name) {
    bytes += Buffer.byteLength(character);
    if (bytes > MAX_IDENTIFIER_LENGTH) break;
    cut += character;
  }
  return cut;
}

function fieldColumn(model: DmmfModel, fieldName: string): string {
  const field = model.fields.find((candidate) => candidate.name === fieldName);
  if (!field) throw new Error(`${model.name} has no field ${fieldName}`);
  return columnNameOf(field);
}

/** Prisma's default constraint/index names: `<table>_<columns>_<pkey|key|idx|fkey>`, cut to 63. */
export function constraintName(
  table: string,
  columns: string[],
  suffix: '_pkey' | '_key' | '_idx' | '_fkey',
) {
  const base = suffix === '_pkey' ? table : `${table}_${columns.join('_')}`;
  return `${base.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length)}${suffix}`;
}

// --- columns -------------------------------------------------------------------------------------

/** Prisma's PostgreSQL column type for each scalar type without a `@db.*` attribute. */
const DEFAULT_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

/** `@db.*` native types, spelled as `format_type` prints them. */
function nativeColumnType(name: string, args: string[]): string | undefined {
  const [first] = args;
  const sized = (base: string, suffix = '') =>
    args.length > 0 ? `${base}(${args.join(',')})${suffix}` : base + suffix;
  switch (name) {
    case 'Text':
      return 'text';
    case 'VarChar':
      return sized('character varying');
    case 'Char':
      return `character(${first ?? 1})`;
    case 'Uuid':
      return 'uuid';
    case 'JsonB':
      return 'jsonb';
    case 'Json':
      return 'json';
    case 'SmallInt':
      return 'smallint';
    case 'Integer':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Real':
      return 'real';
    case 'DoublePrecision':
      return 'double precision';
    case 'Decimal':
      return sized('numeric');
    case 'Money':
      return 'money';
    case 'Boolean':
      return 'boolean';
    case 'Date':
      return 'date';
    case 'Timestamp':
      return sized('timestamp', ' without time zone');
    case 'Timestamptz':
      return sized('timestamp', ' with time zone');
    case 'Time':
      return sized('time', ' without time zone');
    case 'Timetz':
      return sized('time', ' with time zone');
    case 'ByteA':
      return 'bytea';
    case 'Inet':
      return 'inet';
    case 'Citext':
      return 'citext';
    case 'Xml':
      return 'xml';
    case 'Oid':
      return 'oid';
    default:
      return undefined;
  }
}

function expectedColumn(model: DmmfModel, field: DmmfField, enums: Map<string, DmmfEnum>): ColumnShape {
  const where = `${model.name}.${field.name}`;
  let type: string | undefined;
  const fieldEnum = field.kind === 'enum' ? enums.get(field.type) : undefined;
  if (fieldEnum) {
    type = `enum ${identifier(fieldEnum.dbName ?? fieldEnum.name)}`;
  } else if (field.kind === 'scalar') {
    type = field.nativeType
      ? nativeColumnType(field.nativeType[0], field.nativeType[1])
      : DEFAULT_TYPES[field.type];
  }
  if (!type) {
    const declared = field.nativeType ? `@db.${field.nativeType[0]}` : field.type;
    throw new Error(
      `${where}: the drift test does not know the PostgreSQL type of ${declared}; extend expected-schema.ts`,
    );
  }
  const isSerial = isFunctionDefault(field.default, 'autoincrement');
  if (isSerial && field.type !== 'Int' && field.type !== 'BigInt') {
    throw new Error(`${where}: autoincrement() on ${field.type} is not mapped; extend expected-schema.ts`);
  }
  const columnType = field.isList ? `${type}[]` : type;
  return {
    type: columnType,
    // Prisma never puts NOT NULL on a scalar list column.
    nullable: !field.isRequired || field.isList,
    default: expectedDefault(where, field, columnType, tableNameOf(model), columnNameOf(field), fieldEnum),
  };
}

function isFunctionDefault(value: DmmfDefault | undefined, name: string): boolean {
  return typeof value === 'object' && !Array.isArray(value) && value.name === name;
}

/** The default as `pg_get_expr` prints it after Prisma's migration created the column. */
function expectedDefault(
  where: string,
  field: DmmfField,
  columnType: string,
  table: string,
  column: string,
  fieldEnum: DmmfEnum | undefined,
): string | null {
  const value = field.default;
  if (!field.hasDefaultValue || value === undefined) return null;
  const unsupported = () =>
    new Error(`${where}: the drift test cannot predict the database default of ${JSON.stringify(value)}`);

  if (Array.isArray(value)) {
    if (!field.isList) throw unsupported();
    if (value.length === 0) return `ARRAY[]::${columnType}`;
    const elementType = columnType.slice(0, -2);
    return `ARRAY[${value.map((item) => literal(item, field, elementType, fieldEnum, unsupported)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    switch (value.name) {
      case 'now':
        return 'CURRENT_TIMESTAMP';
      // Generated by Prisma Client, not by the database.
      case 'uuid':
      case 'cuid':
      case 'nanoid':
      case 'ulid':
        return null;
      case 'autoincrement':
        return `nextval('${quoteIfNeeded(`${table}_${column}_seq`)}'::regclass)`;
      case 'dbgenerated':
        if (typeof value.args[0] === 'string') return value.args[0];
        throw unsupported();
      default:
        throw unsupported();
    }
  }
  return literal(value, field, columnType, fieldEnum, unsupported);
}

function literal(
  value: DmmfDefault,
  field: DmmfField,
  columnType: string,
  fieldEnum: DmmfEnum | undefined,
  unsupported: () => Error,
): string {
  const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
  // The cast PostgreSQL prints after a quoted literal: the type without its modifier.
  const cast = columnType.replace(/\(\d+(,\d+)?\)/, '');
  if (fieldEnum) {
    // The default names the Prisma value; the database holds its @map label.
    const label = fieldEnum.values.find((candidate) => candidate.name === value);
    if (!label) throw unsupported();
    return `${quoted(label.dbName ?? label.name)}::${quoteIfNeeded(columnType.replace(/^enum /, ''))}`;
  }
  switch (field.type) {
    case 'Json':
      if (typeof value !== 'string') throw unsupported();
      // jsonb stores parsed JSON and prints it canonically; json keeps the text as written.
      return cast === 'jsonb'
        ? `${quoted(jsonbText(JSON.parse(value)))}::jsonb`
        : `${quoted(value)}::${cast}`;
    case 'String':
    case 'Bytes':
      if (typeof value !== 'string') throw unsupported();
      return `${quoted(value)}::${cast === 'character' ? 'bpchar' : cast}`;
    case 'Boolean':
      if (typeof value !== 'boolean') throw unsupported();
      return String(value);
    case 'Int':
    case 'BigInt':
    case 'Float':
    case 'Decimal': {
      const number = String(value);
      if (!/^-?\d+(\.\d+)?$/.test(number)) throw unsupported();
      // PostgreSQL keeps a negative (or non-integer, for exact types) constant as a typed literal.
      const isInteger = /^-?\d+$/.test(number);
      if (number.startsWith('-')) return `${quoted(number)}::${isInteger ? cast : 'numeric'}`;
      return number;
    }
    case 'DateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw unsupported();
      const iso = new Date(value).toISOString(); // Prisma writes the UTC instant
      const text = iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
      return `${quoted(text)}::${cast}`;
    }
    default:
      throw unsupported();
  }
}

/**
 * jsonb's text output: `{"a": 1, "b": [1, 2]}`, object keys ordered shortest first, then
 * bytewise. (Numbers go through JavaScript, so `1.50` would print as `1.5`: fine for defaults.)
 */
export function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => {
      const byLength = Buffer.byteLength(a) - Buffer.byteLength(b);
      return byLength !== 0 ? byLength : Buffer.compare(Buffer.from(a), Buffer.from(b));
    });
    const entries = keys.map(
      (key) => `${JSON.stringify(key)}: ${jsonbText((value as Record<string, unknown>)[key])}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** format_type / regclass output quotes an identifier unless it is a plain lower-case name. */
function quoteIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

// --- indexes -------------------------------------------------------------------------------------

const METHODS: Record<string, string> = {
  BTree: 'btree',
  Hash: 'hash',
  Gist: 'gist',
  Gin: 'gin',
  SpGist: 'spgist',
  Brin: 'brin',
};

/** Operator classes that are the default for their access method and type, so PG omits them. */
const DEFAULT_OPCLASSES = new Set(['array_ops', 'jsonb_ops']);

/** `ops: JsonbPathOps` → jsonb_path_ops; `ops: raw("text_pattern_ops")` stays as written. */
export function operatorClassName(prismaName: string): string {
  if (!/^[A-Z]/.test(prismaName)) return prismaName;
  return prismaName
    .replace('MinMax', 'Minmax')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function expectedIndex(model: DmmfModel, index: DmmfIndex): [string, IndexShape] {
  const table = tableNameOf(model);
  const columns = index.fields.map((field) => fieldColumn(model, field.name));
  const method = METHODS[index.algorithm ?? 'BTree'];
  if (!method || index.type === 'fulltext') {
    throw new Error(
      `${model.name}: index type ${index.algorithm ?? index.type} is not mapped; extend expected-schema.ts`,
    );
  }
  const suffix = index.type === 'id' ? '_pkey' : index.type === 'unique' ? '_key' : '_idx';
  const name = index.dbName ? identifier(index.dbName) : constraintName(table, columns, suffix);
  return [
    name,
    {
      kind: index.type === 'id' ? 'PRIMARY KEY' : index.type === 'unique' ? 'UNIQUE INDEX' : 'INDEX',
      method,
      columns: index.fields.map((field, position) => {
        const opclass = field.operatorClass ? operatorClassName(field.operatorClass) : null;
        return {
          name: columns[position] as string,
          descending: field.sortOrder === 'desc',
          nulls: null,
          opclass: opclass && !DEFAULT_OPCLASSES.has(opclass) ? opclass : null,
        };
      }),
      include: [],
      predicate: null,
    },
  ];
}

// --- foreign keys --------------------------------------------------------------------------------

const ACTIONS: Record<string, ReferentialAction> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

function expectedForeignKey(
  model: DmmfModel,
  field: DmmfField,
  models: Map<string, DmmfModel>,
): ForeignKeyShape | undefined {
  const target = models.get(field.type);
  if (!target) throw new Error(`${model.name}.${field.name}: relation to unknown model ${field.type}`);
  const from = field.relationFromFields ?? [];
  if (from.length === 0) {
    const opposite = target.fields.find(
      (candidate) => candidate.relationName === field.relationName && candidate !== field,
    );
    if (field.isList && opposite?.isList) {
      throw new Error(
        `${model.name}.${field.name}: implicit many-to-many relations (a hidden join table) are not mapped; ` +
          'declare the join model explicitly or extend expected-schema.ts',
      );
    }
    return undefined; // the other side holds the foreign key
  }
  const fromFields = from.map((name) => model.fields.find((candidate) => candidate.name === name));
  // Prisma's defaults: SET NULL when the relation is optional, RESTRICT when it is required.
  const optional = fromFields.some((candidate) => candidate && !candidate.isRequired);
  const onDelete = field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict');
  const onUpdate = field.relationOnUpdate ?? 'Cascade';
  const action = (name: string) => {
    const mapped = ACTIONS[name];
    if (!mapped) throw new Error(`${model.name}.${field.name}: unknown referential action ${name}`);
    return mapped;
  };
  return {
    columns: from.map((name) => fieldColumn(model, name)),
    referencedTable: tableNameOf(target),
    referencedColumns: (field.relationToFields ?? []).map((name) => fieldColumn(target, name)),
    onDelete: action(onDelete),
    onUpdate: action(onUpdate),
  };
}
