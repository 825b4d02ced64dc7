import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dialects } from '../../src/dialects';
import { buildOpenApiDocument } from '../../src/rest/openapi';
import { appRouter } from '../../src/routers';
import { send, startTestApi, type TestApi } from '../support/test-api';
import { callTrpc, report, sendRest, Tally, type TestResponse } from './support/http';
import { propertyNames } from './support/json-schema';
import { type OpenApiDocument, restOperationsOf, trpcProcedures } from './support/operations';
import { restSweepCalls, type SweepCall, sweepOrder, trpcSweepCalls } from './support/sweep-plan';
import { judge } from './support/sweep-verdict';
import { leakTokens, referenceNames } from './support/tenant-filler';
import { type SeededTenant, seededIds, seedTenant } from './support/tenant-seed';
import { snapshotDifferences, snapshotOrganization } from './support/tenant-snapshot';

// Part 1: every tRPC procedure and every REST operation of the published OpenAPI document,
// called by organization B with organization A's objects in every reference it takes.
describe.each(testDatabaseKinds())('tenancy sweep generated from the router and OpenAPI on %s', (kind) => {
  let api: TestApi;
  let a: SeededTenant;
  let b: SeededTenant;
  let document: OpenApiDocument;
  let calls: SweepCall[];

  beforeAll(async () => {
    api = await startTestApi(kind);
    a = await seedTenant(api.a);
    b = await seedTenant(api.b);
    const published = await send(`${api.url}/openapi.json`, {});
    expect(published.status).toBe(200);
    document = published.body;
    const procedures = trpcProcedures();
    calls = [
      ...trpcSweepCalls(procedures, a, b),
      ...restSweepCalls(document, restOperationsOf(document), procedures, a, b),
    ];
    calls.sort((x, y) => sweepOrder(x) - sweepOrder(y));
  });
  afterAll(() => api.close());

  const perform = (call: SweepCall, key: string): Promise<TestResponse> => {
    const headers = { 'x-api-key': key };
    if (call.transport === 'trpc') {
      const type = call.subscription ? 'subscription' : call.query ? 'query' : 'mutation';
      const procedure = { path: call.procedurePath, type };
      return callTrpc(api.url, procedure, call.input, headers);
    }
    return sendRest(api.url, {
      method: call.method ?? 'GET',
      url: call.url ?? '/',
      body: call.body,
      headers: call.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    });
  };

  test("B gets 404 for A's objects everywhere, sees none of A's data, and A's rows are unchanged", async () => {
    const prisma = api.db.prisma;
    const before = await snapshotOrganization(prisma, a.organizationId);
    const tokens = leakTokens(a);
    const tally = new Tally();
    const failures: string[] = [];
    const unmade: string[] = [];
    const started = Date.now();
    for (const call of calls) {
      const verdict = judge(call, await perform(call, api.b.apiKey.key), tokens);
      tally.add(`${call.transport} ${verdict.outcome}`);
      if (verdict.failure) failures.push(verdict.failure);
      if (verdict.outcome.startsWith('400') && call.aReferences.length > 0) unmade.push(call.label);
    }
    const changed = snapshotDifferences(before, await snapshotOrganization(prisma, a.organizationId));

    // B's own rows must not point at A's objects (a conversation in A's queue, A's agent in B's queue…).
    const ownRows = await snapshotOrganization(prisma, b.organizationId);
    const aIds = seededIds(a);
    // Criteria are B's own text (a route matching `id==<A's id>` matches nothing of B's): not a reference.
    const crossReferences = Object.entries(ownRows).flatMap(([model, rows]) =>
      rows
        .map((row) =>
          JSON.stringify(JSON.parse(row), (key, value) => (key === 'criteria' ? undefined : value)),
        )
        .filter((row) => aIds.some((id) => row.includes(id)))
        .map((row) => `${model}: ${row.slice(0, 300)}`),
    );

    const operationCount = Object.values(document.paths).reduce(
      (sum, item) =>
        sum + Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).length,
      0,
    );
    const restCovered = new Set(
      calls.filter((c) => c.transport === 'rest').map((c) => c.label.split(' [')[0]),
    );
    const trpcCovered = new Set(calls.filter((c) => c.transport === 'trpc').map((c) => c.procedurePath));
    report(`tenancy sweep (${kind})`, {
      restOperations: restCovered.size,
      openApiOperations: operationCount,
      trpcProcedures: trpcCovered.size,
      calls: calls.length,
      ...tally.toFigures(),
      aRowsCompared: Object.values(before).reduce((sum, rows) => sum + rows.length, 0),
      ms: Date.now() - started,
    });
    if (unmade.length > 0)
      console.log(`[hardening] tenancy sweep: 400 (input not made valid):\n  ${unmade.join('\n  ')}`);

    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
    expect(crossReferences).toEqual([]);
    // Sweeping nothing must be impossible: every published operation and every procedure was called.
    expect(operationCount).toBeGreaterThanOrEqual(70);
    expect(restCovered.size).toBeGreaterThanOrEqual(operationCount);
    expect(trpcCovered.size).toBe(Object.keys(appRouter._def.procedures).length);
    expect(tally.get('trpc 404') + tally.get('rest 404')).toBeGreaterThan(calls.length / 2);
  });

  test('every id-like input is known to the sweep, so new references cannot slip past it', () => {
    const procedures = trpcProcedures();
    const names = new Set([
      ...procedures.flatMap((procedure) => propertyNames(procedure.input)),
      ...restOperationsOf(document).flatMap((operation) =>
        operation.parameters.map((parameter) => parameter.name),
      ),
    ]);
    const unknown = [...names].filter((name) => /Ids?$/.test(name) && !referenceNames.includes(name));
    // Add each to support/tenant-filler.ts (and its object to support/tenant-seed.ts).
    expect(unknown).toEqual([]);
  });

  test('the published document is the one generated from the router', () => {
    const generated = buildOpenApiDocument(appRouter, dialects) as unknown as OpenApiDocument;
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(generated.paths).sort());
  });

  test("control: A's own queries with the same references answer 2xx, so B's 404s mean “not yours”", async () => {
    const tally = new Tally();
    const answered = new Map<string, string[]>();
    // Sharely's validate-temporal-token checks a widget visitor's token (the credential) and
    // api-authenticated one in its body: with an API key (or a filler string for the token) both
    // are 401 by design.
    const visitorOnly = new Set(['spaces.validateVisitorToken', 'spaces.authenticateVisitor']);
    const controls = calls.filter(
      (c) => c.query && !c.admin && !c.label.includes('[B+A.') && !visitorOnly.has(c.procedurePath),
    );
    for (const call of controls) {
      const res = await perform(call, api.a.apiKey.key);
      const ok = res.status >= 200 && res.status < 300;
      tally.add(`${call.transport} ${ok ? '2xx' : res.status}`);
      const key = call.label.split(' [')[0] ?? call.label;
      answered.set(key, [
        ...(answered.get(key) ?? []),
        ok ? 'ok' : `${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
      ]);
    }
    report(`tenancy control (${kind})`, { operations: answered.size, ...tally.toFigures() });
    // Each query answers A at least once with A's references (a cursor of another kind may be 400).
    const neverAnswered = [...answered.entries()].filter(([, results]) => !results.includes('ok'));
    expect(neverAnswered).toEqual([]);
    expect(answered.size).toBeGreaterThan(30);
  });
});
