import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import type { z } from 'zod';
import type { Dialect, DialectOperation } from '../dialects/dialect';
import { asExtension, dialectParameters, extensionMark, toJson } from './dialect-parameters';
import { markExtensionFields } from './extension-fields';

type PathItem = Record<string, unknown>;

/**
 * OpenAPI operations for the dialects' rows, from the same tables the adapter mounts: path and
 * query parameters, the body and answer from the row's vendor schemas or else the procedure's
 * input and output, the vendor's own words where the row carries them, and the family's error
 * body. What Switchboard adds to a vendor's API is marked `x-switchboard-extension`.
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
  const credentials = dialect.security !== undefined;
  const vendor = operation.documentation;
  // The vendor's fields as documented; the others marked as Switchboard's (./extension-fields).
  const fields = (schema: Record<string, unknown>, documented: string[] | undefined) =>
    documented ? markExtensionFields(schema, documented) : schema;
  return {
    operationId: `${family}.${operation.method.toLowerCase()}${operation.path.replace(/[^A-Za-z0-9]+/g, '_')}`,
    summary: operation.summary,
    ...(vendor ? { description: vendor.description } : {}),
    ...(operation.extension
      ? { description: asExtension("not an operation of the vendor's document."), ...extensionMark }
      : {}),
    tags: operation.tags,
    ...(dialect.security ? { security: dialect.security } : {}),
    parameters: dialectParameters(operation, {
      pathParams,
      query,
      input: input ? toJson(input, []) : {},
      credentials,
    }),
    ...(bodySchema
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                // `expectedVersion` travels as If-Match, documented as a header.
                schema: fields(
                  toJson(bodySchema, credentials ? [...pathParams, 'expectedVersion'] : pathParams),
                  vendor?.body,
                ),
              },
            },
          },
        }
      : {}),
    responses: {
      [String(operation.status ?? 200)]: {
        description: 'Success',
        ...(answer
          ? {
              content: {
                'application/json': { schema: fields(toJson(answer, [], 'output'), vendor?.answer) },
              },
            }
          : {}),
      },
      default: { description: `An error, in the ${family} error body` },
    },
  };
}
