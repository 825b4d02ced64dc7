import { Writable } from 'node:stream';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { redactedPaths } from '../src/logger';
import { ADMIN_KEY, send, startTestApi, type TestApi } from './support/test-api';

/** The production logger's configuration, writing into memory instead of stdout. */
function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino(
    { level: 'trace', redact: { paths: redactedPaths, censor: '[redacted]' } },
    destination,
  );
  return { logger, text: () => lines.join('') };
}

describe.each(testDatabaseKinds())('request logs on %s', (kind) => {
  let api: TestApi;
  let logs: ReturnType<typeof capturingLogger>;
  beforeAll(async () => {
    logs = capturingLogger();
    api = await startTestApi(kind, { logger: logs.logger });
  });
  afterAll(() => api.close());

  test('never contain API keys, access tokens or the operator key', async () => {
    const a = api.a;
    const token = await a.request('POST', `/workspaces/${a.workspace.id}/generate-access-key-token`, {});
    expect(token.status).toBe(200);
    const secret = token.body.token as string;
    const created = await a.request('POST', '/v1/api-keys', { name: 'Logged?' });
    const admin = await send(`${api.url}/admin/organizations`, {
      method: 'POST',
      headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Logged org' }),
    });
    expect(admin.status).toBe(200);

    const requests = [
      a.request('GET', '/v1/workspaces', undefined, { 'x-request-id': 'log-check-1' }),
      send(`${api.url}/v1/workspaces`, { headers: { authorization: `Bearer ${secret}` } }),
      send(`${api.url}/v1/workspaces`, { headers: { authorization: `App ${a.apiKey.key}` } }),
      send(`${api.url}/v1/workspaces`, { headers: { 'x-api-key': created.body.key } }),
      // Failures are logged too.
      send(`${api.url}/v1/workspaces/nope`, { headers: { 'x-api-key': a.apiKey.key } }),
      a.request('POST', '/v1/workspaces', '{"name": '),
      send(`${api.url}/trpc/workspaces.list`, { headers: { authorization: `Bearer ${secret}` } }),
      send(`${api.url}/v1/workspaces`, { headers: { 'x-api-key': `${a.apiKey.key}-wrong` } }),
    ];
    for (const res of await Promise.all(requests)) expect(res.status).toBeLessThan(500);

    // pino-http writes after the response; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const text = logs.text();
    expect(text).toContain('log-check-1');
    expect(text).toContain('/v1/workspaces');
    expect(text).toContain('[redacted]');
    for (const value of [a.apiKey.key, secret, created.body.key, admin.body.apiKey.key, ADMIN_KEY]) {
      expect(text).not.toContain(value);
      // Nor the part after the visible prefix.
      expect(text).not.toContain(value.slice(-24));
    }
  });

  test('one line per request: id, method, URL, client, a few headers, status and time', async () => {
    const res = await api.a.request('GET', '/v1/workspaces?limit=5', undefined, {
      'x-request-id': 'line-check-1',
      'user-agent': 'line-check-agent',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('line-check-1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = logs
      .text()
      .split('\n')
      .filter((line) => line.includes('line-check-1'))
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: {
        id: 'line-check-1',
        method: 'GET',
        url: '/v1/workspaces?limit=5',
        remoteAddress: expect.any(String),
        headers: { 'user-agent': 'line-check-agent', 'x-api-key': '[redacted]' },
      },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
  });
});
