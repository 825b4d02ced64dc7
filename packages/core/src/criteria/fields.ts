import { conversationStatuses, priorities } from '../conversation/types';
import type { ComparisonOperator } from './ast';

/**
 * The field catalogue: the one table saying what each criteria field is, which operators it
 * takes and which values it accepts. The checker, the in-memory predicate and the SQL compiler
 * in packages/db all read it, so they cannot disagree about a field.
 *
 * - string:   text, case-sensitive; `==`/`!=` treat `*` as a wildcard, `=in=`/`=out=` compare exactly.
 * - enum:     one of `values` (case-sensitive, uppercase); no wildcards.
 * - priority: an enum whose values are ordered LOW < NORMAL < HIGH < URGENT; `<` etc. use that order.
 * - instant:  an ISO-8601 instant with an offset, normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`.
 * - set:      a set of names (tags, trackers, entities): `==x` has x, `=in=` has any, `=out=` has none.
 * - metadata: `metadata.<key>`, the string value under that key; a missing key is null.
 */
export type FieldKind = 'string' | 'enum' | 'priority' | 'instant' | 'set' | 'metadata';

export interface FieldSpec {
  /** Canonical name; `metadata.<key>` stands for the whole metadata family. */
  name: string;
  kind: FieldKind;
  /** Whether the value can be null (absent). See README.md for how null compares. */
  nullable: boolean;
  operators: readonly ComparisonOperator[];
  /** Whether `*` in a `==` / `!=` value is a wildcard. */
  wildcards: boolean;
  /** Allowed values, in order, for enum and priority fields. */
  values?: readonly string[];
}

const equality: readonly ComparisonOperator[] = ['==', '!=', '=in=', '=out='];
const ordered: readonly ComparisonOperator[] = ['==', '!=', '<', '<=', '>', '>=', '=in=', '=out='];

const text = (name: string, nullable: boolean): FieldSpec => ({
  name,
  kind: 'string',
  nullable,
  operators: equality,
  wildcards: true,
});
const instant = (name: string, nullable: boolean): FieldSpec => ({
  name,
  kind: 'instant',
  nullable,
  operators: ordered,
  wildcards: false,
});
const set = (name: string): FieldSpec => ({
  name,
  kind: 'set',
  nullable: false,
  operators: equality,
  wildcards: true,
});

export const metadataField: FieldSpec = {
  name: 'metadata.<key>',
  kind: 'metadata',
  nullable: true,
  operators: equality,
  wildcards: true,
};

export const fieldCatalogue: readonly FieldSpec[] = [
  text('id', false),
  text('topic', true),
  text('summary', true),
  {
    name: 'status',
    kind: 'enum',
    nullable: false,
    operators: equality,
    wildcards: false,
    values: conversationStatuses,
  },
  {
    name: 'priority',
    kind: 'priority',
    nullable: false,
    operators: ordered,
    wildcards: false,
    values: priorities,
  },
  text('channel', false),
  text('queueId', true),
  text('agentId', true),
  text('workspaceId', false),
  text('spaceId', true),
  instant('createdAt', false),
  instant('updatedAt', false),
  instant('closedAt', true),
  set('tags'),
  metadataField,
  set('trackers'),
  set('entities'),
];

/** Every field, as error messages list them (`validFields`). */
export const fieldNames: readonly string[] = fieldCatalogue.map((field) => field.name);

const byName = new Map(fieldCatalogue.filter((f) => f !== metadataField).map((f) => [f.name, f]));

export const conversationPrefix = 'conversation.';
export const metadataPrefix = 'metadata.';

/** The part after `metadata.` of a canonical metadata field, or undefined for other fields. */
export const metadataKey = (field: string): string | undefined =>
  field.startsWith(metadataPrefix) ? field.slice(metadataPrefix.length) : undefined;

/**
 * Resolves a field as written (with or without the `conversation.` prefix) to its canonical
 * name and spec; undefined when unknown. `metadata.` needs a non-empty key.
 */
export const resolveField = (written: string): { field: string; spec: FieldSpec } | undefined => {
  const field = written.startsWith(conversationPrefix) ? written.slice(conversationPrefix.length) : written;
  const spec = byName.get(field);
  if (spec) return { field, spec };
  const key = metadataKey(field);
  return key ? { field, spec: metadataField } : undefined;
};

/** The spec of a canonical field name (as found in an AST); undefined when unknown. */
export const fieldSpec = (field: string): FieldSpec | undefined => {
  const resolved = resolveField(field);
  return resolved && resolved.field === field ? resolved.spec : undefined;
};
