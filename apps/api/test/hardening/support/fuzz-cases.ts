import fc from 'fast-check';
import { brokenJson, headerText, nastyText, nastyValue, pollutingBodies } from './fuzz-values';
import { encodeText } from './http';
import { type ExampleOptions, exampleOf, type JsonSchema } from './json-schema';
import { fillPath, queryString, type RestOperationSpec } from './operations';

/** One malformed request, ready for fetch. */
export interface FuzzCase {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

/** A valid request of the operation (the tenant's own ids), which each case then breaks. */
export interface FuzzBase {
  operation: RestOperationSpec;
  pathValues: Record<string, unknown>;
  queryValues: Record<string, unknown>;
  body: unknown;
  headers: Record<string, string>;
  /** The tRPC procedure behind the operation, to break its tRPC wire form as well. */
  trpc?: { path: string; type: string; input: unknown } | undefined;
}

export function fuzzBase(
  operation: RestOperationSpec,
  procedure: { path: string; type: string; input: JsonSchema | undefined } | undefined,
  options: ExampleOptions,
  headers: Record<string, string>,
): FuzzBase {
  const pathValues: Record<string, unknown> = {};
  const queryValues: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    const value =
      options.fill?.(parameter.name, [parameter.name]) ??
      (parameter.required ? exampleOf(parameter.schema, options) : undefined);
    if (parameter.in === 'path') pathValues[parameter.name] = value;
    if (parameter.in === 'query' && value !== undefined) queryValues[parameter.name] = value;
  }
  const trpcInput = procedure?.input ? exampleOf(procedure.input, options) : undefined;
  return {
    operation,
    pathValues,
    queryValues,
    body: operation.body ? exampleOf(operation.body, options) : undefined,
    headers,
    trpc: procedure ? { path: procedure.path, type: procedure.type, input: trpcInput } : undefined,
  };
}

const json = { 'content-type': 'application/json' };

/** Every way this suite breaks a request, weighted towards the body for operations that take one. */
export function fuzzCaseArbitrary(base: FuzzBase): fc.Arbitrary<FuzzCase> {
  const { operation } = base;
  const validBody = base.body === undefined ? undefined : JSON.stringify(base.body);
  const url = (path = base.pathValues, query = base.queryValues) =>
    fillPath(operation.path, path) + queryString(query);
  const make = (kind: string, parts: Partial<FuzzCase>): FuzzCase => ({
    kind,
    method: operation.method,
    url: url(),
    headers: { ...base.headers, ...(validBody === undefined ? {} : json) },
    body: validBody,
    ...parts,
  });
  const bodyKeys = [
    ...Object.keys((base.body as object | null) ?? {}),
    ...Object.keys(operation.body?.properties ?? {}),
    'unknownField',
  ];
  const arbitraries: { weight: number; arbitrary: fc.Arbitrary<FuzzCase> }[] = [
    {
      weight: 2,
      arbitrary: fc
        .record({
          name: fc.constantFrom(...Object.keys(base.pathValues), 'none'),
          value: nastyText,
          raw: fc.boolean(),
        })
        .map(({ name, value, raw }) => {
          const path = fillPath(operation.path, { ...base.pathValues, [name]: '\u0001' });
          const segment = raw ? value.replace(/[/?#\s]/g, '') : encodeText(value);
          return make('path', { url: path.replace('%01', segment) + queryString(base.queryValues) });
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.tuple(
            fc.constantFrom(
              ...operation.parameters.filter((p) => p.in === 'query').map((p) => p.name),
              'limit',
              'page',
              'offset',
              '__proto__',
              'constructor[prototype][polluted]',
              'a[b][c]',
            ),
            nastyText,
          ),
          { minLength: 1, maxLength: 3 },
        )
        .map((pairs) => {
          const query: Record<string, unknown> = { ...base.queryValues };
          for (const [name, value] of pairs) query[name] = query[name] === value ? [value, value] : value;
          return make('query', { url: url(base.pathValues, query) });
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          name: fc.constantFrom(
            'idempotency-key',
            'x-request-id',
            'organizationid',
            'x-acting-slack-user',
            'if-match',
            'accept',
            'accept-encoding',
          ),
          value: headerText,
        })
        .map(({ name, value }) => make('header', { headers: { ...base.headers, ...json, [name]: value } })),
    },
  ];
  if (operation.method !== 'GET' && operation.method !== 'DELETE') {
    const valid = validBody ?? '{}';
    arbitraries.push(
      {
        weight: 5,
        arbitrary: fc
          .record({ key: fc.constantFrom(...bodyKeys), value: nastyValue })
          .map(({ key, value }) => {
            const body =
              base.body && typeof base.body === 'object' && !Array.isArray(base.body)
                ? { ...base.body, [key]: value }
                : Array.isArray(base.body)
                  ? [value, ...base.body]
                  : { [key]: value };
            return make('body field', { body: JSON.stringify(body) });
          }),
      },
      {
        weight: 2,
        arbitrary: nastyValue.map((value) => make('body replaced', { body: JSON.stringify(value) })),
      },
      { weight: 2, arbitrary: brokenJson(valid).map((body) => make('invalid JSON', { body })) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...pollutingBodies(valid)).map((body) => make('prototype keys', { body })),
      },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=utf-16',
            'application/json; charset=latin1',
            'application/xml',
            'application/json-patch+json',
            'application/merge-patch+json',
            '*/*',
            'application/json, text/plain',
          )
          .map((type) =>
            make('content type', { headers: { ...base.headers, 'content-type': type }, body: valid }),
          ),
      },
    );
  }
  // (fetch refuses TRACE and CONNECT itself.)
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND'];
  arbitraries.push({
    weight: 1,
    arbitrary: fc
      .constantFrom(...methods)
      .map((method) =>
        make('wrong method', { method, ...(['GET', 'HEAD'].includes(method) ? { body: undefined } : {}) }),
      ),
  });
  if (base.trpc) {
    const trpc = base.trpc;
    arbitraries.push(
      { weight: 2, arbitrary: trpcCase(trpc, base.headers) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...methods).map((method) => ({
          kind: 'trpc wrong method',
          method,
          url: `/trpc/${trpc.path}?input=${encodeURIComponent(JSON.stringify(trpc.input ?? {}))}`,
          headers: { ...base.headers, ...json },
          body: ['GET', 'HEAD'].includes(method) ? undefined : JSON.stringify(trpc.input ?? {}),
        })),
      },
    );
  }
  return fc.oneof(...arbitraries);
}

/** The same procedure over the tRPC wire, with a broken or hostile input. */
function trpcCase(
  trpc: NonNullable<FuzzBase['trpc']>,
  headers: Record<string, string>,
): fc.Arbitrary<FuzzCase> {
  const input = trpc.input && typeof trpc.input === 'object' ? trpc.input : {};
  return fc
    .record({
      key: fc.constantFrom(...Object.keys(input), '__proto__', 'extra'),
      value: nastyValue,
      batch: fc.boolean(),
      broken: fc.option(brokenJson(JSON.stringify(input)), { freq: 3 }),
    })
    .map(({ key, value, batch, broken }) => {
      const text = broken ?? JSON.stringify({ ...input, [key]: value });
      const payload = batch ? `{"0":${text}}` : text;
      const path = `/trpc/${trpc.path}${batch ? '?batch=1' : ''}`;
      if (trpc.type === 'query') {
        const separator = batch ? '&' : '?';
        return {
          kind: 'trpc',
          method: 'GET',
          url: `${path}${separator}input=${encodeURIComponent(payload)}`,
          headers,
        };
      }
      return { kind: 'trpc', method: 'POST', url: path, headers: { ...headers, ...json }, body: payload };
    });
}
