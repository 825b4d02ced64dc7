import { z } from 'zod';
import type { DialectOperation } from '../dialects/dialect';
import { parameterDescriptions } from './parameter-descriptions';

type JsonSchema = Record<string, unknown>;

/** How /openapi.json marks what Switchboard adds to a vendor's API (operations, parameters, headers). */
export const extensionMark = { 'x-switchboard-extension': true } as const;
export const asExtension = (text: string): string => `Switchboard extension: ${text}`;

/** Headers every credentialed REST path honours (../http/idempotency, ../http/if-match). */
const idempotencyKey = {
  in: 'header',
  name: 'Idempotency-Key',
  required: false,
  description: asExtension(
    'any unique string (1 to 255 characters). A retry with the same key and body within 24 hours replays the first answer; another body with that key is 422.',
  ),
  schema: { type: 'string', minLength: 1, maxLength: 255 },
  ...extensionMark,
};
const ifMatch = {
  in: 'header',
  name: 'If-Match',
  required: false,
  description: asExtension(
    'the conversation `version` you read, e.g. `"3"`: a conversation changed since answers 409 and is left as it is.',
  ),
  schema: { type: 'string' },
  ...extensionMark,
};

/**
 * A dialect row's parameters: its path parameters, its query (`query`: the members of that
 * schema), and for credentialed families the Idempotency-Key and If-Match headers where they
 * apply. A row that carries the vendor's parameter descriptions gets them, and every parameter
 * the vendor does not document is marked a Switchboard extension.
 */
export function dialectParameters(
  operation: DialectOperation,
  options: { pathParams: string[]; query: z.ZodType | undefined; input: JsonSchema; credentials: boolean },
) {
  const vendor = operation.documentation?.parameters;
  const described = (name: string, own: unknown) => {
    const text = vendor?.[name] ?? (typeof own === 'string' ? own : parameterDescriptions[name]);
    if (vendor && !(name in vendor)) return { description: asExtension(text ?? name), ...extensionMark };
    return text === undefined ? {} : { description: text };
  };
  const query = options.query ? toJson(options.query, options.pathParams) : {};
  const required = (query.required as string[] | undefined) ?? [];
  const queryMembers = Object.entries((query.properties ?? {}) as Record<string, JsonSchema>);
  const takesVersion = Object.hasOwn((options.input.properties ?? {}) as object, 'expectedVersion');
  const writes = ['POST', 'PUT', 'PATCH'].includes(operation.method);
  return [
    ...options.pathParams.map((name) => ({
      in: 'path',
      name,
      required: true,
      ...described(name, undefined),
      schema: { type: 'string' },
    })),
    ...queryMembers.map(([name, schema]) => ({
      in: 'query',
      name,
      required: required.includes(name),
      ...described(name, schema.description),
      schema,
    })),
    ...(options.credentials && writes ? [idempotencyKey] : []),
    ...(options.credentials && takesVersion ? [ifMatch] : []),
  ];
}

/** JSON Schema of a zod schema, without the members the path carries. */
export function toJson(schema: z.ZodType, omit: string[], io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  const properties = json.properties as Record<string, unknown> | undefined;
  if (properties) for (const name of omit) delete properties[name];
  if (Array.isArray(json.required)) json.required = json.required.filter((name) => !omit.includes(name));
  return json;
}
