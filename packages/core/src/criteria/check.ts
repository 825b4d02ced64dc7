import { charLength, limits } from '../limits';
import type { ComparisonOperator } from './ast';
import { listOperators } from './ast';
import { criteriaError, show } from './errors';
import { conversationPrefix, type FieldSpec, fieldNames, metadataPrefix, resolveField } from './fields';
import { parseInstant } from './instant';
import { operatorSpellings } from './lexer';
import { isRelativeInstant, parseRelativeInstant } from './relative';
import { suggest } from './suggest';

/**
 * The semantic check, run by the parser as it reads each part of a comparison (so the first
 * problem in reading order is the one reported): known field, operator allowed for the field,
 * values valid for the field. It returns canonical pieces for the AST.
 */
export interface RawValue {
  text: string;
  offset: number;
}

const aliases = new Map<string, string>([
  ['=lt=', '<'],
  ['=le=', '<='],
  ['=gt=', '>'],
  ['=ge=', '>='],
]);
const plainFields = fieldNames.filter((name) => !name.startsWith(metadataPrefix));

/** The canonical field a near-miss most likely meant (`agnetId` → `agentId`, `metdata.x` → `metadata.x`). */
const suggestField = (written: string): string | undefined => {
  if (written.length > 256) return undefined; // no typo is that long; keeps refusals of 4 KB junk cheap
  const name = written.startsWith(conversationPrefix) ? written.slice(conversationPrefix.length) : written;
  const dot = name.indexOf('.');
  if (dot > 0) {
    const head = name.slice(0, dot);
    const tail = name.slice(dot + 1);
    if (tail !== '' && suggest(head, ['metadata'])) return `${metadataPrefix}${tail}`;
    if (suggest(head, ['conversation'])) return resolveField(tail)?.field ?? suggestField(tail);
  }
  return suggest(name, [...plainFields, 'metadata']);
};

export const checkField = (
  text: string,
  written: string,
  offset: number,
): { field: string; spec: FieldSpec } => {
  const resolved = resolveField(written);
  if (resolved) {
    const key = resolved.field.slice(metadataPrefix.length);
    if (resolved.spec.kind === 'metadata' && charLength(key) > limits.metadataKey) {
      throw criteriaError(text, {
        code: 'LIMIT',
        problem: `Metadata key is longer than ${limits.metadataKey} characters`,
        offset,
        field: resolved.field,
      });
    }
    return resolved;
  }
  const bare =
    written === 'metadata' || written === `${conversationPrefix}metadata` || written.endsWith('metadata.');
  const suggestion = bare ? 'metadata.<key>' : suggestField(written);
  throw criteriaError(text, {
    code: 'UNKNOWN_FIELD',
    problem: bare ? 'Field "metadata" needs a key' : `Unknown field ${show(written)}`,
    offset,
    hint: bare
      ? 'write metadata.<key>, e.g. metadata.agentId==johndoe'
      : suggestion
        ? `did you mean ${show(suggestion)}?`
        : `valid fields: ${fieldNames.join(', ')}`,
    field: written,
    validFields: [...fieldNames],
    ...(suggestion && { suggestion }),
  });
};

export const checkOperator = (
  text: string,
  field: string,
  spec: FieldSpec,
  written: string,
  offset: number,
) => {
  const operator = aliases.get(written) ?? written;
  const allowed: readonly string[] = spec.operators;
  if (allowed.includes(operator)) return operator as ComparisonOperator;
  const known = operatorSpellings.includes(written);
  const suggestion = known ? undefined : suggest(written, operatorSpellings);
  throw criteriaError(text, {
    code: 'BAD_OPERATOR',
    problem: known
      ? `Operator ${show(written)} cannot be used with ${show(field)}`
      : `Unknown operator ${show(written)}`,
    offset,
    hint: suggestion ? `did you mean ${show(suggestion)}?` : `${field} takes ${spec.operators.join(' ')}`,
    expected: [...spec.operators],
    field,
    ...(suggestion && { suggestion }),
  });
};

/** Checks the values against the field and returns them in canonical form. */
export const checkValues = (
  text: string,
  field: string,
  spec: FieldSpec,
  operator: ComparisonOperator,
  values: RawValue[],
  listOffset: number | undefined,
): string[] => {
  if (listOffset !== undefined && !listOperators.includes(operator)) {
    throw criteriaError(text, {
      code: 'BAD_VALUE',
      problem: `Operator ${show(operator)} takes one value, not a list`,
      offset: listOffset,
      hint: 'use =in= to match any of several values, or =out= to match none of them',
      field,
    });
  }
  return values.map((value) => checkValue(text, field, spec, value));
};

const checkValue = (text: string, field: string, spec: FieldSpec, value: RawValue): string => {
  if (spec.values && !spec.values.includes(value.text)) {
    const suggestion = suggest(value.text, spec.values);
    throw criteriaError(text, {
      code: 'BAD_VALUE',
      problem: `${show(value.text)} is not a valid ${field}`,
      offset: value.offset,
      hint: `${suggestion ? `did you mean ${show(suggestion)}? ` : ''}Allowed: ${spec.values.join(', ')}${
        value.text.includes('*') ? ' (wildcards only work on text fields)' : ''
      }`,
      expected: [...spec.values],
      field,
      ...(suggestion && { suggestion }),
    });
  }
  if (spec.kind !== 'instant') return value.text;
  if (isRelativeInstant(value.text)) {
    const relative = parseRelativeInstant(value.text);
    if (relative.ok) return relative.canonical;
    throw criteriaError(text, {
      code: 'BAD_VALUE',
      problem: `${show(value.text)} is not a valid relative instant for ${field}`,
      // Quoted values start one character later than their text.
      offset: value.offset + (text[value.offset] === '"' || text[value.offset] === "'" ? 1 : 0) + relative.at,
      hint: relative.reason,
      field,
    });
  }
  const instant = parseInstant(value.text);
  if (instant.ok) return instant.canonical;
  throw criteriaError(text, {
    code: 'BAD_VALUE',
    problem: `${show(value.text)} is not a valid instant for ${field}`,
    offset: value.offset,
    hint: instant.reason,
    field,
  });
};
