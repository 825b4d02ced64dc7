import {
  describeColumn,
  describeForeignKey,
  describeIndex,
  quoteIdent,
  type SchemaShape,
  type TableShape,
} from './schema-shape';

export interface DriftOptions {
  /** Tables the database may have beyond schema.prisma (our migrator's bookkeeping). */
  extraTables?: string[];
}

/**
 * Every difference between what schema.prisma declares (`expected`) and what the database has
 * (`actual`), one sentence each, naming the table, column, index, constraint or enum. Empty when
 * they agree. Sorted, so a test can compare the whole list.
 */
export function schemaDrift(
  expected: SchemaShape,
  actual: SchemaShape,
  options: DriftOptions = {},
): string[] {
  const drift: string[] = [];
  const extraTables = new Set(options.extraTables ?? ['_prisma_migrations']);

  for (const [name, want] of expected.tables) {
    const have = actual.tables.get(name);
    if (!have) drift.push(`table ${quoteIdent(name)} is missing (model ${want.model ?? name})`);
    else drift.push(...tableDrift(name, want, have));
  }
  for (const name of actual.tables.keys()) {
    if (!expected.tables.has(name) && !extraTables.has(name)) {
      drift.push(`table ${quoteIdent(name)} is not in schema.prisma`);
    }
  }

  for (const [name, labels] of expected.enums) {
    const have = actual.enums.get(name);
    if (!have) drift.push(`enum ${quoteIdent(name)} is missing`);
    else if (have.join(',') !== labels.join(',')) {
      drift.push(
        `enum ${quoteIdent(name)}: database has (${have.join(', ')}), schema.prisma declares (${labels.join(', ')})`,
      );
    }
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) drift.push(`enum ${quoteIdent(name)} is not in schema.prisma`);
  }
  return drift.sort();
}

function tableDrift(table: string, want: TableShape, have: TableShape): string[] {
  const drift: string[] = [];
  const t = quoteIdent(table);
  compare(want.columns, have.columns, {
    missing: (name, w) => `column ${t}.${quoteIdent(name)} is missing: ${describeColumn(w)}`,
    extra: (name, h) => `column ${t}.${quoteIdent(name)} is not in schema.prisma: ${describeColumn(h)}`,
    changed: (name, w, h) => {
      const parts: string[] = [];
      if (w.type !== h.type) parts.push(`type ${h.type}, schema.prisma declares ${w.type}`);
      if (w.nullable !== h.nullable) {
        parts.push(
          `${h.nullable ? 'NULL' : 'NOT NULL'}, schema.prisma declares ${w.nullable ? 'NULL' : 'NOT NULL'}`,
        );
      }
      if (w.default !== h.default) {
        parts.push(`default ${h.default ?? '(none)'}, schema.prisma declares ${w.default ?? '(none)'}`);
      }
      return parts.length > 0
        ? `column ${t}.${quoteIdent(name)}: database has ${parts.join('; ')}`
        : undefined;
    },
  });
  compare(want.indexes, have.indexes, {
    missing: (name, w) => `index ${quoteIdent(name)} on ${t} is missing: ${describeIndex(w)}`,
    extra: (name, h) => `index ${quoteIdent(name)} on ${t} is not in schema.prisma: ${describeIndex(h)}`,
    changed: (name, w, h) =>
      describeIndex(w) === describeIndex(h)
        ? undefined
        : `index ${quoteIdent(name)} on ${t}: database has ${describeIndex(h)}, schema.prisma declares ${describeIndex(w)}`,
  });
  compare(want.foreignKeys, have.foreignKeys, {
    missing: (name, w) => `foreign key ${quoteIdent(name)} on ${t} is missing: ${describeForeignKey(w)}`,
    extra: (name, h) =>
      `foreign key ${quoteIdent(name)} on ${t} is not in schema.prisma: ${describeForeignKey(h)}`,
    changed: (name, w, h) =>
      describeForeignKey(w) === describeForeignKey(h)
        ? undefined
        : `foreign key ${quoteIdent(name)} on ${t}: database has ${describeForeignKey(h)}, ` +
          `schema.prisma declares ${describeForeignKey(w)}`,
  });
  for (const [name, definition] of have.otherConstraints) {
    if (!want.otherConstraints.has(name)) {
      drift.push(`constraint ${quoteIdent(name)} on ${t} is not in schema.prisma: ${definition}`);
    }
  }
  return drift;

  function compare<T>(
    wanted: Map<string, T>,
    present: Map<string, T>,
    report: {
      missing(name: string, want: T): string;
      extra(name: string, have: T): string;
      changed(name: string, want: T, have: T): string | undefined;
    },
  ): void {
    for (const [name, w] of wanted) {
      const h = present.get(name);
      const message = h === undefined ? report.missing(name, w) : report.changed(name, w, h);
      if (message) drift.push(message);
    }
    for (const [name, h] of present) {
      if (!wanted.has(name)) drift.push(report.extra(name, h));
    }
  }
}
