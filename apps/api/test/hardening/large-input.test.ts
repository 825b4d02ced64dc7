import { readFileSync } from 'node:fs';
import type { DatabaseKind } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiProcess } from '../support/api-process';
import { send } from '../support/test-api';
import { type ChildApiSetup, childApiSetup } from './support/child-api';
import { report } from './support/http';
import { restError } from './support/rest-error';

const BYTES = 1_000_000; // under the default BODY_LIMIT_BYTES (1 MiB)
// The embedded API's heap cap (node-flags.json), on both databases: a scan or a validation that
// grows with the number of values cannot hide behind PostgreSQL's smaller footprint.
const HEAP_FLAGS = ['--max-old-space-size=160'];
const ANSWER_WITHIN_MS = 5_000;

/** `prefix` + items joined by commas + `suffix`, with as many items as fit in BYTES. */
const filled = (prefix: string, item: string, suffix: string) =>
  prefix +
  Array(Math.floor((BYTES - prefix.length - suffix.length) / (item.length + 1)))
    .fill(item)
    .join(',') +
  suffix;

const wrongPhrases = JSON.stringify(
  Array.from({ length: 100 }, (_, i) => ({ type: `t${i}`, subType: 's', values: Array(400).fill(0) })),
);

/** One-megabyte bodies of tiny values, on each transport and each kind of list input. */
const bodies: { label: string; method: string; path: string; body: string; type?: string }[] = [
  {
    label: 'numbers in an unknown field',
    method: 'POST',
    path: '/ccaas/1/conversations',
    body: filled('{"topic":"x","extra":[', '0', ']}'),
  },
  {
    label: 'empty lists in an unknown field',
    method: 'POST',
    path: '/ccaas/1/conversations',
    body: filled('{"topic":"x","extra":[', '[]', ']}'),
  },
  {
    label: 'empty objects in an unknown field',
    method: 'POST',
    path: '/ccaas/1/conversations',
    body: filled('{"topic":"x","extra":[', '{}', ']}'),
  },
  {
    label: 'a bare list of lists',
    method: 'POST',
    path: '/ccaas/1/conversations',
    body: filled('[', '[]', ']'),
  },
  {
    label: 'metadata with many keys',
    method: 'POST',
    path: '/ccaas/1/conversations',
    body: `{"topic":"x","metadata":{${Array.from({ length: 60_000 }, (_, i) => `"k${i}":"v"`).join(',')}}}`,
  },
  {
    label: 'tRPC batch',
    method: 'POST',
    path: '/trpc/conversations.create,conversations.create?batch=1',
    body: filled('{"0":{"topic":"x"},"1":{"topic":"x","extra":[', '{}', ']}}'),
  },
  {
    label: 'tRPC mutation',
    method: 'POST',
    path: '/trpc/conversations.create',
    body: filled('{"topic":"x","extra":[', '0', ']}'),
  },
  {
    label: 'routing PUT with many routes',
    method: 'PUT',
    path: '/ccaas/1/routing',
    body: filled('{"routes":[', '{"criteria":"status==OPEN"}', ']}'),
  },
  {
    label: 'routing PUT with many empty routes',
    method: 'PUT',
    path: '/ccaas/1/routing',
    body: filled('{"routes":[', '{}', ']}'),
  },
  {
    label: 'settings patch array',
    method: 'PATCH',
    path: '/v1/manage/settings',
    body: filled('[', '{"op":"test","path":"/a","value":0}', ']'),
    type: 'application/json-patch+json',
  },
  {
    label: 'settings patch value',
    method: 'PATCH',
    path: '/v1/manage/settings',
    body: filled('[{"op":"add","path":"/routing/x","value":[', '0', ']}]'),
    type: 'application/json-patch+json',
  },
  {
    label: 'bulk entities, lists within bounds, every value wrong',
    method: 'POST',
    path: '/v1/manage/entities',
    body: wrongPhrases,
  },
  {
    label: 'bulk entities, more values than allowed',
    method: 'POST',
    path: '/v1/manage/entities',
    body: JSON.stringify(
      Array.from({ length: 100 }, () => ({ type: 't', subType: 's', values: Array(1000).fill(0) })),
    ),
  },
];

/** The message of a REST error, a tRPC error, or the last failing call of a tRPC batch. */
// biome-ignore lint/suspicious/noExplicitAny: any error envelope
function errorMessageOf(body: any): unknown {
  if (Array.isArray(body)) return body.findLast((call) => call?.error)?.error?.message;
  if (body?.requestError) return restError(body).message;
  return typeof body?.error === 'object' ? body.error?.message : body?.message;
}

/** The child's resident memory now and at its peak, and CPU time used so far (Linux /proc). */
function usage(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return { rssMb: mb('VmRSS'), peakMb: mb('VmHWM'), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
}

// Issue 17, item 1: one authenticated request of a million tiny values crashed the embedded API
// (heap limit) while the unsafe-input scan copied a path per value, and cost half a second of
// CPU on PostgreSQL. Such bodies now answer 400 or 413 in the REST envelope (tRPC's own for
// tRPC validation), quickly, in a process whose heap is capped as `npm start` caps PGlite's.
describe.each(testDatabaseKinds())('large inputs on %s', (kind: DatabaseKind) => {
  let setup: ChildApiSetup;
  let api: ApiProcess;
  beforeAll(async () => {
    setup = await childApiSetup(kind);
    api = await setup.start({ heapFlags: HEAP_FLAGS });
  });
  afterAll(async () => {
    await api?.stop('SIGKILL');
    await setup?.cleanup();
  });

  test('a megabyte of tiny values answers 400 or 413 quickly, on every transport, and the API stays up', async () => {
    const pid = api.child.pid as number;
    const wrong: string[] = [];
    const figures: Record<string, number> = {};
    for (const { label, method, path, body, type } of bodies) {
      const before = usage(pid);
      const started = performance.now();
      const res = await send(`${api.url}${path}`, {
        method,
        headers: { 'x-api-key': setup.key, 'content-type': type ?? 'application/json' },
        body,
      }).catch((error: Error) => ({ status: 0, body: error.message }));
      const ms = Math.round(performance.now() - started);
      const after = api.child.exitCode === null ? usage(pid) : undefined;
      figures[`${label} ms`] = ms;
      if (after) figures[`${label} cpuMs`] = after.cpuMs - before.cpuMs;
      const message = errorMessageOf(res.body);
      if (![400, 413].includes(res.status) || typeof message !== 'string' || ms > ANSWER_WITHIN_MS) {
        wrong.push(
          `${label}: ${res.status} in ${ms} ms ${JSON.stringify(res.body).slice(0, 200)}\n${api.output().slice(-500)}`,
        );
      }
      // Answers name at most a few problems, however many values were wrong.
      expect(JSON.stringify(res.body ?? '').length).toBeLessThan(8_000);
    }
    const end = usage(pid);
    report(`large inputs (${kind})`, {
      bodies: bodies.length,
      peakRssMb: Math.round(end.peakMb),
      ...figures,
    });
    expect(wrong).toEqual([]);
    expect(api.child.exitCode).toBeNull();
    expect((await send(`${api.url}/health`, {})).status).toBe(200);
    const created = await send(`${api.url}/ccaas/1/conversations`, {
      method: 'POST',
      headers: { 'x-api-key': setup.key, 'content-type': 'application/json' },
      body: '{"topic":"still serving"}',
    });
    expect(created.status).toBe(200);
  });

  test('a large valid request still passes: 5 entities of 1000 phrases, the longest list any operation takes', async () => {
    const phrases = (n: number) => Array.from({ length: 1000 }, (_, i) => `phrase ${n}-${i}`);
    const res = await send(`${api.url}/v1/manage/entities`, {
      method: 'POST',
      headers: { 'x-api-key': setup.key, 'content-type': 'application/json' },
      body: JSON.stringify(
        Array.from({ length: 5 }, (_, n) => ({ type: 'bulk', subType: `s${n}`, values: phrases(n) })),
      ),
    });
    expect(res.status).toBe(200);
    expect(res.body.entities).toHaveLength(5);
  });
});
