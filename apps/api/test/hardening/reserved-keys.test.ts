import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_KEY, send, startTestApi, type TestApi } from '../support/test-api';
import { inPool, report, Tally } from './support/http';
import { type OpenApiDocument, restOperationsOf, trpcProcedures } from './support/operations';
import { restError } from './support/rest-error';
import { restSweepCalls, type SweepCall, trpcSweepCalls } from './support/sweep-plan';
import { type SeededTenant, seedTenant } from './support/tenant-seed';
import { snapshotDifferences, snapshotOrganization } from './support/tenant-snapshot';

const reservedKeys = ['__proto__', 'constructor', 'prototype'];
const PLACEHOLDER = 'reserved-key-goes-here';
type Step = string | number;

/** The path of every object in a JSON value (the value itself first). */
function objectPaths(value: unknown, path: Step[] = []): Step[][] {
  if (typeof value !== 'object' || value === null) return [];
  const own = Array.isArray(value) ? [] : [path];
  const children = Object.entries(value).flatMap(([key, child]) =>
    objectPaths(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [...own, ...children];
}

/** The JSON text of `value` with `key: "7"` added to the object at `path` (JSON.stringify would drop a real __proto__). */
function withKeyAt(value: unknown, path: Step[], key: string): string {
  const copy = structuredClone(value) as Record<Step, unknown>;
  const target = path.reduce<Record<Step, unknown>>(
    (node, step) => node[step] as Record<Step, unknown>,
    copy,
  );
  target[PLACEHOLDER] = '7';
  return JSON.stringify(copy).replace(JSON.stringify(PLACEHOLDER), JSON.stringify(key));
}

// Issue 17, item 4: `metadata: {"__proto__": "7"}` was acknowledged and silently dropped (copied
// into a plain object, the key sets the prototype instead of becoming data). Every key that names
// JavaScript's prototype machinery is now refused with 400 naming it, wherever an input takes a
// JSON object: every REST operation's body and every tRPC mutation, at every object in them.
describe.each(testDatabaseKinds())('reserved keys on %s', (kind) => {
  let api: TestApi;
  let seed: SeededTenant;
  let calls: SweepCall[];

  beforeAll(async () => {
    api = await startTestApi(kind);
    seed = await seedTenant(api.a);
    const document = (await send(`${api.url}/openapi.json`, {})).body as OpenApiDocument;
    const procedures = trpcProcedures();
    calls = [
      ...trpcSweepCalls(procedures, seed, seed),
      ...restSweepCalls(document, restOperationsOf(document), procedures, seed, seed),
    ].filter((call) => call.label.endsWith('[all-A]') && !call.query);
  });
  afterAll(() => api.close());

  test('metadata {"__proto__": "7"} is refused with 400 naming the key; plain keys are stored as sent', async () => {
    const conversations = await api.db.prisma.conversation.count();
    for (const key of reservedKeys) {
      const res = await api.a.request(
        'POST',
        '/ccaas/1/conversations',
        `{"topic":"x","metadata":{"${key}":"7"}}`,
      );
      expect(res.status).toBe(400);
      expect(restError(res.body).details.field).toBe('metadata');
      expect(restError(res.body).message).toContain(`"${key}"`);
    }
    expect(await api.db.prisma.conversation.count()).toBe(conversations);
    const stored = await api.a.request(
      'POST',
      '/ccaas/1/conversations',
      '{"topic":"x","metadata":{"proto":"7"}}',
    );
    expect(stored.status).toBe(200);
    const read = await api.a.request('GET', `/ccaas/1/conversations/${stored.body.id}/metadata`);
    expect(read.body).toEqual({ proto: '7' });
  });

  test('every body of every REST operation and tRPC mutation refuses a reserved key in any of its objects', async () => {
    const before = await snapshotOrganization(api.db.prisma, seed.organizationId);
    const audit = await api.db.prisma.auditEvent.count();
    const work = calls.flatMap((call) => {
      const value =
        call.transport === 'trpc' ? call.input : call.body === undefined ? undefined : JSON.parse(call.body);
      return objectPaths(value).flatMap((path) =>
        reservedKeys.map((key) => ({
          call,
          key,
          where: path.join('.') || '(body)',
          body: withKeyAt(value, path, key),
        })),
      );
    });
    const tally = new Tally();
    const wrong: string[] = [];
    await inPool(work, 6, async ({ call, key, where, body }) => {
      const headers = {
        'x-api-key': call.admin ? ADMIN_KEY : api.a.apiKey.key,
        'content-type':
          call.procedurePath === 'settings.patch' && call.transport === 'rest'
            ? 'application/json-patch+json'
            : 'application/json',
      };
      const res =
        call.transport === 'trpc'
          ? await send(`${api.url}/trpc/${call.procedurePath}`, { method: 'POST', headers, body })
          : await send(`${api.url}${call.url}`, { method: call.method ?? 'POST', headers, body });
      const message: unknown =
        call.transport === 'trpc' ? res.body?.error?.message : restError(res.body).message;
      const refused = res.status === 400 && typeof message === 'string' && message.includes(`"${key}"`);
      tally.add(refused ? 'refused' : `other ${res.status}`);
      if (!refused)
        wrong.push(
          `${call.label} ${key} at ${where}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
        );
    });
    report(`reserved keys (${kind})`, {
      operations: calls.length,
      requests: work.length,
      ...tally.toFigures(),
    });
    expect(wrong).toEqual([]);
    expect(new Set(work.map((item) => item.call.transport))).toEqual(new Set(['trpc', 'rest']));
    expect(work.length).toBeGreaterThan(100);
    expect(await api.db.prisma.auditEvent.count()).toBe(audit);
    expect(
      snapshotDifferences(before, await snapshotOrganization(api.db.prisma, seed.organizationId)),
    ).toEqual([]);
  });
});
