import { hasWildcard, metadataKey, wildcardToLike } from '@switchboard/core';
import { Prisma } from '../generated/prisma/client';
import { firstValue, type OperatorMap, withNegations } from './operators';
import { joinLogic, like } from './sql';

const keyOf = (field: string): string => {
  const key = metadataKey(field);
  if (!key) throw new Error(`Not a metadata field: ${field}`);
  return key;
};

/**
 * `c.metadata @> {"key": "value"}`: true exactly when the key holds that string (a number or
 * any other JSON value never equals a string), and served by the GIN (jsonb_path_ops) index.
 * `metadata` is NOT NULL, so the containment is never NULL either.
 */
const contains = (key: string, value: string): Prisma.Sql =>
  Prisma.sql`c."metadata" @> jsonb_build_object(${key}::text, ${value}::text)`;

/**
 * A wildcard cannot use the index: the string under the key, if it is a string, `LIKE` the
 * pattern; a missing key or a non-string value is null, and COALESCE makes that "no match".
 */
const matches = (key: string, pattern: string): Prisma.Sql => {
  const text = Prisma.sql`(c."metadata" ->> ${key}::text)`;
  const isString = Prisma.sql`jsonb_typeof(c."metadata" -> ${key}::text) = 'string'`;
  return Prisma.sql`COALESCE(${isString} AND ${like(text, wildcardToLike(pattern))}, FALSE)`;
};

/** README rule 8: the value under the key when present, compared as text (rules 1–4). */
export const metadataOperators: OperatorMap = withNegations({
  '==': (comparison) => {
    const key = keyOf(comparison.field);
    const value = firstValue(comparison);
    return hasWildcard(value) ? matches(key, value) : contains(key, value);
  },
  // An OR of containments, which PostgreSQL answers with a BitmapOr over the GIN index.
  '=in=': ({ field, values }) => {
    const key = keyOf(field);
    const distinct = [...new Set(values)];
    return joinLogic(
      'or',
      distinct.map((value) => contains(key, value)),
    );
  },
});
