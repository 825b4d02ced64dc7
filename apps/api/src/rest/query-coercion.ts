import { z } from 'zod';

/**
 * Query strings carry only text. Procedures declare natural types (numbers, booleans, arrays), so
 * REST reads each query parameter into the type its input schema field expects before validation.
 * Unknown or unconvertible values are passed through for the schema to reject with a field name.
 */
export function coerceQuery(schema: unknown, query: Record<string, unknown>): Record<string, unknown> {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  const input: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    const field = shape[key];
    input[key] = field ? coerceValue(unwrap(field), raw) : raw;
  }
  return input;
}

function coerceValue(field: z.ZodType, raw: unknown): unknown {
  if (field instanceof z.ZodArray) {
    const items = (Array.isArray(raw) ? raw : [raw]).flatMap((item) =>
      typeof item === 'string' ? item.split(',').filter((part) => part !== '') : [item],
    );
    const element = unwrap(field.element as z.ZodType);
    return items.map((item) => coerceValue(element, item));
  }
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return value;
  if (field instanceof z.ZodNumber)
    return value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value);
  if (field instanceof z.ZodBoolean) return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function unwrap(field: z.ZodType): z.ZodType {
  let current = field;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}
