import { type AnyTRPCRouter, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { generateOpenApiDocument } from 'trpc-to-openapi';
import type { Dialect } from '../dialects/dialect';
import { describeError } from '../errors/http-errors';
import { restOperations } from './adapter';
import { dialectPathItems } from './dialect-openapi';
import { parameterDescriptions } from './parameter-descriptions';

type OpenApiDocument = ReturnType<typeof generateOpenApiDocument>;
type Operation = {
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
  parameters?: Array<{ name: string; description?: string }>;
};
type SchemaObject = { properties?: Record<string, unknown>; required?: string[] };

/**
 * The OpenAPI document, generated from the procedures' metadata and the vendor dialects' rows
 * (./dialect-openapi). Operations whose body is handed whole to one input field (`rest.bodyAs`:
 * Symbl's bare arrays) get that field's schema as their request body, which is what clients send.
 */
export function buildOpenApiDocument(router: AnyTRPCRouter, dialects: readonly Dialect[]): OpenApiDocument {
  const document = generateOpenApiDocument(router, {
    title: 'Switchboard API',
    version: '1.0.0',
    baseUrl: '/',
    description:
      'Conversation management. Authenticate with `x-api-key: <key>`, `Authorization: App <key>` or ' +
      '`Authorization: Bearer <access token>`. Errors are `{ "error", "message" }`; Symbl paths ' +
      'answer `{ "message", … }` and Sharely paths `{ "error", "message", "errorId" }`.',
    securitySchemes: {
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      bearer: { type: 'http', scheme: 'bearer' },
    },
  });
  for (const operation of restOperations(router)) {
    const bodyAs = operation.meta.rest?.bodyAs;
    if (!bodyAs) continue;
    const pathItem = document.paths?.[operation.path] as Record<string, Operation> | undefined;
    const content = pathItem?.[operation.method.toLowerCase()]?.requestBody?.content?.['application/json'];
    const field = content?.schema?.properties?.[bodyAs];
    if (content && field) content.schema = field as SchemaObject;
  }
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(dialectPathItems(router, dialects))) {
    paths[path] = { ...paths[path], ...item };
  }
  document.paths = paths as OpenApiDocument['paths'];
  // After the dialects' paths join, so their parameters are described by name too.
  describeParameters(document);
  describeErrorBodies(document);
  return document;
}

/** Parameters without a description of their own get the one their name has everywhere. */
function describeParameters(document: OpenApiDocument): void {
  for (const pathItem of Object.values(document.paths ?? {}) as Array<Record<string, Operation>>) {
    for (const operation of Object.values(pathItem)) {
      for (const parameter of operation.parameters ?? []) {
        parameter.description ??= parameterDescriptions[parameter.name];
      }
    }
  }
}

/**
 * trpc-to-openapi documents tRPC's own error shape (`{ message, code, issues }`); the REST adapter
 * answers `{ error, message, details? }` (./send-error), so the document says that instead.
 */
function describeErrorBodies(document: OpenApiDocument): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, schema] of Object.entries(schemas)) {
    if (!name.startsWith('error.')) continue;
    const example = schema.example as { code?: TRPC_ERROR_CODE_KEY; message?: string } | undefined;
    const described = describeError(
      new TRPCError({ code: example?.code ?? 'INTERNAL_SERVER_ERROR', message: example?.message }),
    );
    schemas[name] = {
      type: 'object',
      title: schema.title,
      description: 'The error: a short reason and what went wrong and how to fix it.',
      properties: {
        error: { type: 'string', description: 'Short reason, e.g. "Not Found"' },
        message: { type: 'string', description: 'What went wrong and how to fix it' },
        details: { type: 'object', description: 'Machine-readable detail, e.g. the bad field' },
      },
      required: ['error', 'message'],
      example: { error: described.error, message: described.message },
    };
  }
}
