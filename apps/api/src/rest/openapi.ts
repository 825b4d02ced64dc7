import type { AnyTRPCRouter } from '@trpc/server';
import { generateOpenApiDocument } from 'trpc-to-openapi';
import { restOperations } from './adapter';

type OpenApiDocument = ReturnType<typeof generateOpenApiDocument>;
type Operation = { requestBody?: { content?: Record<string, { schema?: SchemaObject }> } };
type SchemaObject = { properties?: Record<string, unknown>; required?: string[] };

/**
 * The OpenAPI document, generated from the procedures' metadata. Operations whose body is handed
 * whole to one input field (`rest.bodyAs`: Symbl's bare arrays, Infobip's metadata map) get that
 * field's schema as their request body, which is what clients send.
 */
export function buildOpenApiDocument(router: AnyTRPCRouter): OpenApiDocument {
  const document = generateOpenApiDocument(router, {
    title: 'Switchboard API',
    version: '1.0.0',
    baseUrl: '/',
    description:
      'Conversation management. Authenticate with `x-api-key: <key>`, `Authorization: App <key>` or ' +
      '`Authorization: Bearer <access token>`. Errors are `{ "error", "message" }`.',
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
  return document;
}
