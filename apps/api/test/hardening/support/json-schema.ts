/** The part of JSON Schema (as zod and trpc-to-openapi write it) the hardening generators read. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  additionalProperties?: JsonSchema | boolean;
}

/**
 * Supplies a value for a property by name (ids of the objects under test, criteria…), or
 * undefined to let the schema decide. Named properties are sent even when optional.
 */
export type Filler = (name: string, path: readonly string[]) => unknown;

export interface ExampleOptions {
  fill?: Filler;
  resolve?: (ref: string) => JsonSchema | undefined;
}

const patternCandidates = ['sample', 'en', 'x', 'en-US', 'someone@example.com', 'abc123'];

/** The smallest valid value of a schema: required properties only, plus every filled one. */
export function exampleOf(schema: JsonSchema, options: ExampleOptions = {}, path: string[] = []): unknown {
  const resolved = resolveRef(schema, options);
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum && resolved.enum.length > 0) return resolved.enum[0];
  const choices = resolved.anyOf ?? resolved.oneOf;
  if (choices) {
    const nonNull = choices.find((choice) => primaryType(resolveRef(choice, options)) !== 'null');
    return exampleOf(nonNull ?? choices[0] ?? {}, options, path);
  }
  switch (primaryType(resolved)) {
    case 'string':
      return stringExample(resolved);
    case 'integer':
    case 'number':
      return numberExample(resolved);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      // An optional list of objects gets one item when the filler has something to put in it
      // (a route's queueId), so references nested in lists are exercised too.
      const items = resolveRef(resolved.items ?? {}, options);
      const wanted = Object.keys(items.properties ?? {}).some(
        (name) => options.fill?.(name, [...path, '0', name]) !== undefined,
      );
      const count = Math.max(resolved.minItems ?? 0, wanted ? 1 : 0);
      return Array.from({ length: count }, (_, i) =>
        exampleOf(resolved.items ?? {}, options, [...path, String(i)]),
      );
    }
    case 'object':
      return objectExample(resolved, options, path);
    default:
      return 'sample';
  }
}

function objectExample(schema: JsonSchema, options: ExampleOptions, path: string[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const filled = options.fill?.(name, [...path, name]);
    if (filled !== undefined) value[name] = filled;
    else if (required.has(name)) value[name] = exampleOf(property, options, [...path, name]);
  }
  return value;
}

export function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null') ?? schema.type[0];
  if (schema.type) return schema.type;
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

export function resolveRef(schema: JsonSchema, options: ExampleOptions): JsonSchema {
  if (!schema.$ref) return schema;
  const target = options.resolve?.(schema.$ref);
  if (!target) throw new Error(`Cannot resolve ${schema.$ref}`);
  return target;
}

function stringExample(schema: JsonSchema): string {
  if (schema.format === 'email') return 'someone@example.com';
  let base = 'sample';
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    base = patternCandidates.find((candidate) => pattern.test(candidate)) ?? base;
  }
  const min = schema.minLength ?? 0;
  const padded = base.length >= min ? base : base.padEnd(min, 'x');
  return schema.maxLength === undefined ? padded : padded.slice(0, schema.maxLength);
}

function numberExample(schema: JsonSchema): number {
  const low = schema.minimum ?? 1;
  return schema.maximum !== undefined && low > schema.maximum ? schema.maximum : Math.max(low, 0);
}

/** Every property name anywhere in a schema, for counting what a generator could fill. */
export function propertyNames(schema: JsonSchema | undefined, options: ExampleOptions = {}): string[] {
  if (!schema) return [];
  const resolved = resolveRef(schema, options);
  const nested = [
    ...Object.values(resolved.properties ?? {}),
    ...(resolved.items ? [resolved.items] : []),
    ...(resolved.anyOf ?? []),
    ...(resolved.oneOf ?? []),
  ];
  return [...Object.keys(resolved.properties ?? {}), ...nested.flatMap((s) => propertyNames(s, options))];
}
