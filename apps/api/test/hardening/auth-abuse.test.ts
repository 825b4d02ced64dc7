import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashSecret } from '../../src/auth/secrets';
import { ADMIN_KEY, send, startTestApi, type TestApi } from '../support/test-api';
import { capturingLogger } from './support/capturing-logger';
import { badCredentials, type DeadSecrets, makeDeadSecrets } from './support/credentials';
import {
  callTrpc,
  inPool,
  rawRequest,
  report,
  rowJson,
  sendRest,
  Tally,
  type TestResponse,
} from './support/http';
import { type OpenApiDocument, restOperationsOf, trpcProcedures } from './support/operations';
import { restError } from './support/rest-error';
import { sizes } from './support/sizes';
import { restSweepCalls, type SweepCall, trpcSweepCalls } from './support/sweep-plan';
import { type SeededTenant, seedTenant } from './support/tenant-seed';
import { snapshotDifferences, snapshotOrganization } from './support/tenant-snapshot';

// Part 2: every operation with every kind of bad credential; where secrets must never show up.
describe.each(testDatabaseKinds())('auth abuse on %s', (kind) => {
  let api: TestApi;
  let logs: ReturnType<typeof capturingLogger>;
  let seed: SeededTenant;
  let dead: DeadSecrets;
  let calls: SweepCall[];

  beforeAll(async () => {
    logs = capturingLogger();
    api = await startTestApi(kind, { logger: logs.logger });
    seed = await seedTenant(api.a);
    dead = await makeDeadSecrets(api);
    const document = (await send(`${api.url}/openapi.json`, {})).body as OpenApiDocument;
    const procedures = trpcProcedures();
    // A's own ids everywhere: were a credential wrongly accepted, the call would act on real objects.
    calls = [
      ...trpcSweepCalls(procedures, seed, seed),
      ...restSweepCalls(document, restOperationsOf(document), procedures, seed, seed),
    ].filter((call) => call.label.endsWith('[all-A]'));
  });
  afterAll(() => api.close());

  const perform = (call: SweepCall, headers: Record<string, string>): Promise<TestResponse> => {
    if (call.transport === 'trpc') {
      const type = call.subscription ? 'subscription' : call.query ? 'query' : 'mutation';
      return callTrpc(api.url, { path: call.procedurePath, type }, call.input, headers);
    }
    const withType = call.body === undefined ? headers : { ...headers, 'content-type': 'application/json' };
    return sendRest(api.url, {
      method: call.method ?? 'GET',
      url: call.url ?? '/',
      body: call.body,
      headers: withType,
    });
  };

  // Sharely's widget opens a visitor's space with no credential.
  const publicProcedures = new Set([
    'workspaces.getPublic',
    'apiKeys.exchangeAppCredentials',
    'spaces.openVisitorSpace',
  ]);
  // A scheme with nothing after it (an empty $KEY in a script) presents no credential (auth/credentials.ts);
  // HTTP trims a header value's trailing spaces, so "Bearer    " arrives as "Bearer".
  const presentsNone = new Set(['missing', 'Bearer without token', 'Bearer and spaces', 'App without key']);

  test('every operation refuses every bad credential with 401 and the documented body, changing nothing', async () => {
    const prisma = api.db.prisma;
    const before = await snapshotOrganization(prisma, api.a.organization.id);
    const organizations = await prisma.organization.count();
    const credentials = badCredentials(api, seed, dead);
    // The most telling credentials go to every operation; the others to a rotating share of them
    // (all of them with HARDENING_DEEP=1), so a run stays within CI's budget.
    const everywhere = new Set([
      'missing',
      'wrong key',
      'expired token',
      'revoked key',
      'token of a revoked key',
    ]);
    const share = sizes.deep ? 1 : 8;
    const work = credentials.flatMap((credential, c) =>
      calls
        // The operator key is right for admin operations; everything else must refuse it.
        .filter((call) => !(credential.headers['x-api-key'] === ADMIN_KEY && call.admin))
        // Operations that need no credential (the public workspace read, Symbl's token exchange, the widget's visitor space)
        // answer a request that presents none; a bad one they refuse like every other.
        .filter((call) => !(presentsNone.has(credential.name) && publicProcedures.has(call.procedurePath)))
        .filter((_, i) => everywhere.has(credential.name) || (i + c) % share === 0)
        .map((call) => ({ credential, call })),
    );
    const tally = new Tally();
    const wrong: string[] = [];
    await inPool(work, 6, async ({ credential, call }) => {
      const res = await perform(call, credential.headers);
      const documented =
        call.transport === 'rest'
          ? restError(res.body).error === 'Unauthorized' &&
            typeof restError(res.body).message === 'string' &&
            restError(res.body).onlyDocumentedKeys
          : res.body?.error?.data?.httpStatus === 401;
      tally.add(res.status === 401 && documented ? '401' : `other ${res.status}`);
      if (res.status !== 401 || !documented) {
        wrong.push(
          `${credential.name} → ${call.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
        );
      }
    });
    report(`auth abuse (${kind})`, {
      credentials: credentials.length,
      operations: calls.length,
      requests: work.length,
      ...tally.toFigures(),
    });
    expect(wrong).toEqual([]);
    expect(work.length).toBeGreaterThan(everywhere.size * calls.length);
    expect(new Set(work.map((item) => item.call.label)).size).toBe(calls.length);
    expect(snapshotDifferences(before, await snapshotOrganization(prisma, api.a.organization.id))).toEqual(
      [],
    );
    expect(await prisma.organization.count()).toBe(organizations);
  });

  test('raw header bytes (non-ASCII, control characters, duplicates, oversized) are refused, never 5xx', async () => {
    const key = api.a.apiKey.key;
    const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    const variants: [string, string, number[]][] = [
      ['non-ASCII x-api-key', `x-api-key: ${utf8('ключ-🔑-clé')}`, [401]],
      ['non-ASCII Bearer', `authorization: Bearer ${utf8('tökén-😀')}`, [401]],
      ['latin-1 character inside the key', `x-api-key: ${key.slice(0, 5)}\u00e9${key.slice(5)}`, [401]],
      ['non-ASCII organizationid', `x-api-key: ${key}\r\norganizationid: ${utf8('организация')}`, [401]],
      [
        'two organizationid headers',
        `x-api-key: ${key}\r\norganizationid: ${api.a.organization.id}\r\norganizationid: ${api.b.organization.id}`,
        [401],
      ],
      // Two different credentials (issue 17, item 7): ambiguous, so 400, not one of them.
      ['two x-api-key headers', `x-api-key: ${key}\r\nx-api-key: ${api.b.apiKey.key}`, [400]],
      [
        'two Authorization headers',
        `authorization: App ${key}\r\nauthorization: App ${api.b.apiKey.key}`,
        [400],
      ],
      ['control character in the key', `x-api-key: ${key.slice(0, 5)}\u0001${key.slice(5)}`, [400, 401]],
      ['header over 16 KB', `x-api-key: ${'k'.repeat(20_000)}`, [431]],
    ];
    const targets = [
      ['GET', '/v1/workspaces', ''],
      ['GET', `/ccaas/1/conversations/${seed.conversationId}`, ''],
      ['GET', '/trpc/workspaces.list', ''],
      ['POST', '/ccaas/1/conversations', '{"topic":"raw"}'],
    ] as const;
    const tally = new Tally();
    const wrong: string[] = [];
    const conversations = await api.db.prisma.conversation.count();
    for (const [name, header, allowed] of variants) {
      for (const [method, path, body] of targets) {
        const head =
          `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${header}\r\n` +
          (body ? `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` : '') +
          '\r\n';
        const res = await rawRequest(api.url, head, body);
        tally.add(String(res.status));
        if (!allowed.includes(res.status))
          wrong.push(`${name} ${method} ${path}: ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    report(`auth abuse raw headers (${kind})`, {
      requests: variants.length * targets.length,
      ...tally.toFigures(),
    });
    expect(wrong).toEqual([]);
    expect(await api.db.prisma.conversation.count()).toBe(conversations);
    expect((await send(`${api.url}/health`, {})).status).toBe(200);
  });

  // Issue 17, item 7: x-api-key of one organization with Authorization of another was answered
  // silently as one of them. Two headers that carry different credentials are 400 naming them,
  // on every operation; two that carry the same credential are fine.
  test('two different credentials are 400 naming both headers everywhere; the same one twice passes', async () => {
    const prisma = api.db.prisma;
    const before = await snapshotOrganization(prisma, api.a.organization.id);
    const tokenOfB = await api.b.request(
      'POST',
      `/workspaces/${api.b.workspace.id}/generate-access-key-token`,
      {},
    );
    expect(tokenOfB.status).toBe(200);
    const a = api.a.apiKey.key;
    const pairs: { name: string; headers: Record<string, string>; names: string[] }[] = [
      {
        name: "A's key + B's token",
        headers: { 'x-api-key': a, authorization: `Bearer ${tokenOfB.body.token}` },
        names: ['x-api-key', 'Authorization: Bearer'],
      },
      {
        name: "A's key + B's key",
        headers: { 'x-api-key': a, authorization: `App ${api.b.apiKey.key}` },
        names: ['x-api-key', 'Authorization: App'],
      },
      {
        name: "B's token + A's key",
        headers: { 'x-api-key': tokenOfB.body.token, authorization: `App ${a}` },
        names: ['x-api-key', 'Authorization: App'],
      },
      {
        name: "operator key + A's key",
        headers: { 'x-api-key': ADMIN_KEY, authorization: `App ${a}` },
        names: ['x-api-key', 'Authorization: App'],
      },
      {
        name: "two keys of A's",
        headers: { 'x-api-key': a, authorization: `App ${seed.apiKeySecret}` },
        names: ['x-api-key', 'Authorization: App'],
      },
      {
        name: "A's key + A's token",
        headers: { 'x-api-key': seed.accessToken, authorization: `App ${a}` },
        names: ['x-api-key', 'Authorization: App'],
      },
    ];
    const share = sizes.deep ? 1 : 3;
    const work = pairs.flatMap((pair, p) =>
      calls.filter((_, i) => (i + p) % share === 0).map((call) => ({ pair, call })),
    );
    const tally = new Tally();
    const wrong: string[] = [];
    await inPool(work, 6, async ({ pair, call }) => {
      const res = await perform(call, pair.headers);
      const message: unknown =
        call.transport === 'rest' ? restError(res.body).message : res.body?.error?.message;
      const envelope =
        call.transport === 'rest'
          ? restError(res.body).error === 'Bad Request'
          : res.body?.error?.data?.httpStatus === 400;
      const named = typeof message === 'string' && pair.names.every((name) => message.includes(name));
      tally.add(res.status === 400 && envelope && named ? '400' : `other ${res.status}`);
      if (res.status !== 400 || !envelope || !named)
        wrong.push(`${pair.name} → ${call.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    });
    report(`conflicting credentials (${kind})`, {
      pairs: pairs.length,
      requests: work.length,
      ...tally.toFigures(),
    });
    expect(wrong).toEqual([]);
    expect(new Set(work.map((item) => item.call.label)).size).toBe(calls.length);
    expect(snapshotDifferences(before, await snapshotOrganization(prisma, api.a.organization.id))).toEqual(
      [],
    );

    // The same credential in several headers is one credential.
    const same = [
      { 'x-api-key': a, authorization: `App ${a}` },
      { 'x-api-key': seed.accessToken, authorization: `Bearer ${seed.accessToken}` },
      { 'x-api-key': a, authorization: 'Bearer' }, // an empty $TOKEN in a script adds nothing
    ];
    for (const headers of same) {
      expect((await send(`${api.url}/v1/workspaces`, { headers })).status).toBe(200);
    }
  });

  test('keys and tokens never appear in later answers, audit events or logs', async () => {
    const secrets = [
      api.a.apiKey.key,
      api.b.apiKey.key,
      seed.apiKeySecret,
      seed.accessToken,
      dead.revokedKey,
      dead.tokenOfRevokedKey,
      dead.expiredToken,
      ADMIN_KEY,
    ];
    // Also their stored hashes and the unguessable tail (a prefix is shown on purpose).
    const needles = secrets.flatMap((secret) => [secret, secret.slice(-24), hashSecret(secret)]);
    const found = (text: string) => needles.filter((needle) => text.includes(needle));

    // Every query A can make (lists of keys, history, audit-bearing views), over tRPC and REST.
    const leaks: string[] = [];
    let answers = 0;
    for (const call of calls.filter((c) => c.query && !c.admin)) {
      const res = await perform(call, { 'x-api-key': api.a.apiKey.key });
      answers++;
      const hits = found(JSON.stringify(res.body ?? null));
      if (hits.length > 0) leaks.push(`${call.label}: ${hits.length} secret(s)`);
    }
    const history = await api.a.request('GET', `/ccaas/1/conversations/${seed.conversationId}/history`);
    const keyList = await api.a.request('GET', '/v1/api-keys?limit=100');
    // The operator's list of organizations (whose first keys were shown once, at creation).
    const organizations = await api.a.request('GET', '/admin/organizations?limit=100', undefined, {
      'x-api-key': ADMIN_KEY,
    });
    for (const res of [history, keyList, organizations]) {
      expect(res.status).toBe(200);
      if (found(JSON.stringify(res.body)).length > 0) leaks.push('history / key list');
    }

    const audit = await api.db.prisma.auditEvent.findMany();
    const auditHits = audit.filter((event) => found(rowJson(event)).length > 0);
    const tokens = await api.db.prisma.accessToken.findMany();

    await new Promise((resolve) => setTimeout(resolve, 200)); // pino-http logs after the answer
    const logHits = found(logs.text());
    report(`secrets (${kind})`, {
      secretsChecked: secrets.length,
      answersScanned: answers + 3,
      auditEventsScanned: audit.length,
      logLinesScanned: logs.lineCount(),
      leaks: leaks.length + auditHits.length + logHits.length,
    });
    expect(leaks).toEqual([]);
    expect(auditHits.map((event) => `${event.action} ${event.entityId}`)).toEqual([]);
    expect(logHits).toEqual([]);
    expect(audit.length).toBeGreaterThan(10);
    expect(logs.lineCount()).toBeGreaterThan(100);
    // Tokens are stored hashed too.
    for (const token of [seed.accessToken, dead.expiredToken]) {
      expect(rowJson(tokens)).not.toContain(token);
    }
  });
});
