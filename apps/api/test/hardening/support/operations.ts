import type { AnyTRPCProcedure } from '@trpc/server';
import { z } from 'zod';
import { dialects } from '../../../src/dialects';
import { restOperations } from '../../../src/rest/adapter';
import { appRouter } from '../../../src/routers';
import type { ProcedureMeta } from '../../../src/trpc/init';
import type { ExampleOptions, JsonSchema } from './json-schema';

/**
 * What the sweeps iterate over, read from the code at run time so procedures added later are
 * swept without touching these tests: every tRPC procedure of `appRouter` and every operation
 * of the OpenAPI document the server publishes.
 */
export interface ProcedureSpec {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  input: JsonSchema | undefined;
  /** The input fields a REST path carries (`{conversationId}`): they name the target object. */
  pathFields: string[];
}

export function trpcProcedures(): ProcedureSpec[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const meta = procedure._def.meta as ProcedureMeta | undefined;
    const inputs = procedure._def.inputs as z.ZodType[];
    return {
      path,
      type: procedure._def.type,
      input: inputs.length > 0 ? mergeInputs(inputs) : undefined,
      pathFields: [...(meta?.openapi?.path ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''),
    };
  });
}

function mergeInputs(inputs: z.ZodType[]): JsonSchema {
  const schemas = inputs.map(
    (input) => z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
  );
  if (schemas.length === 1) return schemas[0] as JsonSchema;
  return {
    type: 'object',
    properties: Object.assign({}, ...schemas.map((schema) => schema.properties ?? {})),
    required: schemas.flatMap((schema) => schema.required ?? []),
  };
}

export interface RestParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface RestOperationSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path with `{param}` placeholders. */
  path: string;
  /** The tRPC procedure behind it, when the adapter serves it from one. */
  procedurePath: string | undefined;
  parameters: RestParameter[];
  body: JsonSchema | undefined;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function restOperationsOf(document: OpenApiDocument): RestOperationSpec[] {
  // The procedures' own REST paths and the vendor dialects' rows, each with its procedure.
  const served = [
    ...restOperations(appRouter),
    ...dialects.flatMap((dialect) =>
      dialect.operations.map((operation) => ({
        path: operation.path,
        method: operation.method,
        procedurePath:
          typeof operation.procedure === 'string' ? operation.procedure : operation.procedure.object,
      })),
    ),
  ];
  const operations: RestOperationSpec[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const upper = method.toUpperCase() as RestOperationSpec['method'];
      operations.push({
        method: upper,
        path,
        procedurePath: served.find((op) => op.path === path && op.method === upper)?.procedurePath,
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in as RestParameter['in'],
          required: parameter.required === true || parameter.in === 'path',
          schema: parameter.schema ?? {},
        })),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** `$ref` resolution inside the document (`#/components/schemas/…`). */
export function documentResolver(document: OpenApiDocument): ExampleOptions['resolve'] {
  return (ref) => {
    const name = ref.replace('#/components/schemas/', '');
    return document.components?.schemas?.[name];
  };
}

/** The URL path of an operation with its parameters filled in (each one URL-encoded). */
export function fillPath(path: string, values: Record<string, unknown>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name] ?? '')));
}

/** A query string from values (arrays as repeated parameters), with the leading `?` when non-empty. */
export function queryString(values: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(name, typeof item === 'string' ? item : JSON.stringify(item));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
