import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Infobip's official document, conversation-management part (CI keeps it beside the repository). */
export const referencePath = resolve(
  repoRoot,
  '../shared/reference/infobip/conversation-management-openapi.json',
);
const document = JSON.parse(readFileSync(referencePath, 'utf8')) as {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};

/** Every operation of the document, as `GET /ccaas/1/…`. */
export const referenceOperations = (): string[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );

export const operationOf = (method: Method, path: string): Json => {
  const operation = document.paths[path]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the reference`);
  return operation as Json;
};

const resolveRef = (schema: Json | undefined): Json | undefined => {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  return document.components.schemas[ref.replace('#/components/schemas/', '')];
};

/**
 * The document's request examples for an operation: its named examples, else its schema's
 * `example`; an empty list when it gives none (the test then generates one).
 */
export function requestExamples(method: Method, path: string): unknown[] {
  const content = (
    (operationOf(method, path).requestBody as Json | undefined)?.content as Json | undefined
  )?.['application/json'] as Json | undefined;
  if (!content) return [];
  const named = Object.values((content.examples ?? {}) as Record<string, { value: unknown }>).map(
    (e) => e.value,
  );
  if (named.length > 0) return named;
  if (content.example !== undefined) return [content.example];
  const example = resolveRef(content.schema as Json | undefined)?.example;
  return example === undefined ? [] : [example];
}

/** The schema of the document's answer for a status (the operation's own, or the shared error answers). */
function responseSchema(method: Method, path: string, status: number): Json | undefined {
  const responses = operationOf(method, path).responses as Record<string, Json>;
  const response = responses[String(status)];
  if (!response) return undefined;
  if (typeof response.$ref === 'string') return { $ref: 'infobip#/components/schemas/ApiException' };
  const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
  return schema as Json | undefined;
}

/**
 * The members the document's 200 answer names (its schema's properties), or undefined when that
 * answer is not an object with properties (an array, a map, no content).
 */
export function answerMembers(method: Method, path: string): string[] | undefined {
  const schema = resolveRef(responseSchema(method, path, 200));
  const properties = schema?.properties as Json | undefined;
  return properties ? Object.keys(properties) : undefined;
}

/**
 * Decisions where the document contradicts itself (README, "Infobip: where the document is
 * vague"): its examples write `null` for optional members (queueId, agentId, deletedAt), which
 * its schemas do not allow, so optional members may be null; and its dates are
 * `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (its parameter descriptions), which RFC 3339's `date-time`
 * forbids, so `date-time` is that pattern or RFC 3339.
 */
/**
 * Where a schema contradicts the document's own examples, the example wins (README, "Infobip:
 * where the document is vague"): a rule's `expression` holds `$and`/`$or` arrays, `workWeek` is an
 * object of days (its `enum` of day names fits no object), holiday dates are `yyyy-MM-dd`.
 */
function examplesWin(components: { schemas: Record<string, Json> }): { schemas: Record<string, Json> } {
  const schemas = structuredClone(components.schemas);
  const named = (suffix: string) =>
    Object.entries(schemas)
      .filter(([name]) => name.endsWith(`.${suffix}`))
      .map(([, schema]) => schema.properties as Record<string, Json>);
  for (const properties of [...named('RuleApiResponse'), ...named('CreateRuleApiRequest')]) {
    properties.expression = { type: 'object', additionalProperties: { type: ['object', 'array'] } };
  }
  for (const properties of named('WorkingHoursApiResponse')) {
    const { enum: _days, ...workWeek } = properties.workWeek as Json;
    properties.workWeek = workWeek;
  }
  for (const properties of named('HolidaysApiModel')) {
    for (const field of ['startDate', 'endDate']) properties[field] = { type: 'string', format: 'date' };
  }
  return { schemas };
}

function nullableOptionals(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableOptionals);
  if (typeof node !== 'object' || node === null) return node;
  const schema = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, nullableOptionals(value)]),
  );
  if (typeof schema.properties === 'object' && schema.properties !== null) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    schema.properties = Object.fromEntries(
      Object.entries(schema.properties as Json).map(([name, property]) => [
        name,
        required.has(name) ? property : { anyOf: [property, { type: 'null' }] },
      ]),
    );
  }
  return schema;
}

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/);
ajv.addSchema({ components: nullableOptionals(examplesWin(document.components)) } as Json, 'infobip');

const validators = new Map<string, ValidateFunction>();

/** Errors of an answer against the document's schema for that status; null when it conforms. */
export function schemaErrors(
  method: Method,
  path: string,
  status: number,
  body: unknown,
  override?: object,
): string | null {
  const key = `${method} ${path} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema = (override as Json | undefined) ?? responseSchema(method, path, status);
    if (!schema) return `the document has no ${status} answer for ${method.toUpperCase()} ${path}`;
    const rooted = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"infobip#/components/'));
    validate = ajv.compile(rooted as Json);
    validators.set(key, validate);
  }
  return validate(body) ? null : ajv.errorsText(validate.errors, { separator: '; ' });
}
