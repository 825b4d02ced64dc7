import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import { z } from 'zod';
import type { Dialect, DialectOperation } from '../dialects/dialect';

type JsonSchema = Record<string, unknown>;
type PathItem = Record<string, unknown>;

/**
 * OpenAPI operations for the dialects' rows, from the same tables the adapter mounts: path
 * parameters from the path, the body and answer from the row's vendor schemas or else the
 * procedure's input and output, and the family's error body.
 */
export function dialectPathItems(
  router: AnyTRPCRouter,
  dialects: readonly Dialect[],
): Record<string, PathItem> {
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure>;
  const paths: Record<string, PathItem> = {};
  for (const dialect of dialects) {
    for (const operation of dialect.operations) {
      const name = typeof operation.procedure === 'string' ? operation.procedure : operation.procedure.object;
      const procedure = procedures[name];
      const item = paths[operation.path] ?? {};
      item[operation.method.toLowerCase()] = describe(operation, procedure, dialect);
      paths[operation.path] = item;
    }
  }
  return paths;
}

function describe(operation: DialectOperation, procedure: AnyTRPCProcedure | undefined, dialect: Dialect) {
  const family = dialect.name;
  const pathParams = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const input = procedure?._def.inputs[0] as z.ZodType | undefined;
  const output = (procedure?._def as { output?: z.ZodType } | undefined)?.output;
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(operation.method);
  const bodySchema = operation.body ?? (hasBody ? input : undefined);
  const answer = operation.response ?? output;
  // Without an `input` of its own, a row's query is the procedure's input (../rest/adapter).
  const query = operation.query ?? (operation.input || hasBody ? undefined : input);
  return {
    operationId: `${family}.${operation.method.toLowerCase()}${operation.path.replace(/[^A-Za-z0-9]+/g, '_')}`,
    summary: operation.summary,
    tags: operation.tags,
    ...(dialect.security ? { security: dialect.security } : {}),
    parameters: [
      ...pathParams.map((name) => ({ in: 'path', name, required: true, schema: { type: 'string' } })),
      ...(query ? queryParameters(query, pathParams) : []),
    ],
    ...(bodySchema
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toJson(bodySchema, 'input', pathParams) } },
          },
        }
      : {}),
    responses: {
      [String(operation.status ?? 200)]: {
        description: 'Success',
        ...(answer ? { content: { 'application/json': { schema: toJson(answer, 'output', []) } } } : {}),
      },
      default: { description: `An error, in the ${family} error body` },
    },
  };
}

/** One query parameter per member of the schema (lists as repeated or comma-separated values). */
function queryParameters(schema: z.ZodType, pathParams: string[]) {
  const json = toJson(schema, 'input', pathParams);
  const required = (json.required as string[] | undefined) ?? [];
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => ({
    in: 'query',
    name,
    required: required.includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

/** JSON Schema of a zod schema, without the members the path carries. */
function toJson(schema: z.ZodType, io: 'input' | 'output', omit: string[]): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  const properties = json.properties as Record<string, unknown> | undefined;
  if (properties) for (const name of omit) delete properties[name];
  if (Array.isArray(json.required)) json.required = json.required.filter((name) => !omit.includes(name));
  return json;
}
