import { testDatabaseKinds } from '@switchboard/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_KEY, send, startTestApi, type TestApi } from '../support/test-api';
import { type FuzzCase, fuzzBase, fuzzCaseArbitrary } from './support/fuzz-cases';
import { inPool, report, Tally } from './support/http';
import {
  documentResolver,
  type OpenApiDocument,
  restOperationsOf,
  trpcProcedures,
} from './support/operations';
import { restError } from './support/rest-error';
import { sizes } from './support/sizes';
import { tenantFiller } from './support/tenant-filler';
import { type SeededTenant, seedTenant } from './support/tenant-seed';

// Part 3: malformed bodies, parameters and headers for every REST operation of the OpenAPI
// document (and the tRPC form of the same procedure): never a 5xx, never a crash, no pollution.
describe.each(testDatabaseKinds())('fuzzing every REST operation on %s', (kind) => {
  let api: TestApi;
  let seed: SeededTenant;
  let document: OpenApiDocument;

  beforeAll(async () => {
    api = await startTestApi(kind);
    seed = await seedTenant(api.a);
    document = (await send(`${api.url}/openapi.json`, {})).body;
  });
  afterAll(() => api.close());

  test(`${sizes.fuzzRequests} malformed requests: zero 5xx, structured 4xx, server healthy and unpolluted`, async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const procedures = trpcProcedures();
    const resolve = documentResolver(document);
    // Deletions last, so the objects the other cases aim at exist for as long as possible.
    const operations = restOperationsOf(document).sort(
      (x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'),
    );
    const perOperation = Math.ceil(sizes.fuzzRequests / operations.length);
    const cases: { operation: string; fuzz: FuzzCase }[] = operations.flatMap((operation, index) => {
      const procedure = procedures.find((p) => p.path === operation.procedurePath);
      const admin = operation.path.startsWith('/admin');
      const fill = tenantFiller(seed, operation.procedurePath ?? '', { query: operation.method === 'GET' });
      const base = fuzzBase(
        operation,
        procedure,
        { fill, resolve },
        { 'x-api-key': admin ? ADMIN_KEY : api.a.apiKey.key },
      );
      const sample = fc.sample(fuzzCaseArbitrary(base), { numRuns: perOperation, seed: sizes.seed + index });
      return sample.map((fuzz) => ({ operation: `${operation.method} ${operation.path}`, fuzz }));
    });

    const tally = new Tally();
    const kinds = new Tally();
    const failures = new Map<string, string>();
    const started = Date.now();
    await inPool(cases, sizes.fuzzConcurrency, async ({ operation, fuzz }) => {
      kinds.add(fuzz.kind);
      let status = 0;
      let text = '';
      try {
        const res = await fetch(`${api.url}${fuzz.url}`, {
          method: fuzz.method,
          headers: fuzz.headers,
          ...(fuzz.body === undefined ? {} : { body: fuzz.body }),
        });
        status = res.status;
        text = await res.text();
      } catch (error) {
        text = `request failed: ${(error as Error).message} ${String((error as { cause?: unknown }).cause)} ${JSON.stringify(fuzz.headers).slice(0, 300)}`;
      }
      tally.add(status >= 500 || status === 0 ? 'FAILED' : `${Math.floor(status / 100)}xx`);
      // HEAD answers carry no body; Node itself answers 431 for oversized headers.
      const bodiless = fuzz.method === 'HEAD' || status === 431;
      const structured = status < 400 || bodiless || isErrorBody(text, fuzz.url.startsWith('/trpc'));
      if (status >= 500 || status === 0 || !structured) {
        const key = `${operation} ${fuzz.kind} ${status}`;
        if (!failures.has(key)) {
          failures.set(
            key,
            `${fuzz.method} ${fuzz.url.slice(0, 200)} body=${(fuzz.body ?? '').slice(0, 200)} → ${text.slice(0, 300)}`,
          );
        }
      }
    });

    const health = await send(`${api.url}/health`, {});
    report(`fuzz REST (${kind})`, {
      seed: sizes.seed,
      operations: operations.length,
      requests: cases.length,
      ...tally.toFigures(),
      ...Object.fromEntries(Object.entries(kinds.toFigures()).map(([k, v]) => [`kind ${k}`, v])),
      ms: Date.now() - started,
    });
    expect([...failures.entries()].map(([key, example]) => `${key}: ${example}`)).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(sizes.fuzzRequests);
    expect(new Set(cases.map((c) => c.operation)).size).toBe(operations.length);
    expect(health.status).toBe(200);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** REST errors are `{ error, message }`; tRPC errors `{ error: { message, data } }` (or a batch of them). */
function isErrorBody(text: string, trpc: boolean): boolean {
  try {
    const body = JSON.parse(text);
    if (!trpc)
      return typeof restError(body).error === 'string' && typeof restError(body).message === 'string';
    const first = Array.isArray(body) ? body[0] : body;
    return (
      (typeof first?.error?.message === 'string' && typeof first?.error?.data?.httpStatus === 'number') ||
      (typeof body?.error === 'string' && typeof body?.message === 'string')
    );
  } catch {
    return false;
  }
}
