import { validateSettings } from '@switchboard/core';
import { testDatabaseKinds } from '@switchboard/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api';
import { report, Tally } from './support/http';
import { sizes } from './support/sizes';

const pointers = [
  '',
  '/',
  '/routing',
  '/routing/strategy',
  '/routing/defaultQueueId',
  '/routing/autoAssign',
  '/routing/x',
  '/routing/x/y',
  '/routing/-',
  '/pagination',
  '/pagination/maxPageSize',
  '/pagination/defaultPageSize',
  '/pagination/defaultPageSize/x',
  '/-',
  '/__proto__',
  '/__proto__/polluted',
  '/constructor/prototype',
  '/routing/constructor',
  '/routing/~0',
  '/routing/~1',
  '/routing/~2',
  'routing',
];
const values = fc.oneof(
  fc.constantFrom(
    'round_robin',
    'least_busy',
    'nope',
    null,
    true,
    false,
    0,
    1,
    20,
    100,
    1000,
    1001,
    -1,
    1.5,
    '',
    [],
    {},
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const operation = fc.record(
  {
    op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test'),
    path: fc.constantFrom(...pointers),
    from: fc.constantFrom(...pointers),
    value: values,
  },
  { requiredKeys: ['op', 'path'] },
);

// Part 3 (JSON Patch): settings PATCH is the one place a client's document is applied to ours.
describe.each(testDatabaseKinds())('settings JSON Patch fuzzing on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('random patches answer 200, 400 or 409 (never 5xx) and always leave valid settings', async () => {
    // A share of well-formed patches, so the accepting side is exercised too.
    const valid = fc.constantFrom(
      [{ op: 'replace', path: '/routing/strategy', value: 'least_busy' }],
      [{ op: 'replace', path: '/pagination/defaultPageSize', value: 25 }],
      [{ op: 'replace', path: '/routing/autoAssign', value: false }],
      [{ op: 'copy', from: '/pagination/maxPageSize', path: '/pagination/defaultPageSize' }],
    );
    const patch = fc.oneof(
      { weight: 1, arbitrary: valid },
      { weight: 4, arbitrary: fc.array(operation, { minLength: 1, maxLength: 4 }) },
    );
    const patches = fc.sample(patch, {
      numRuns: Math.max(50, Math.floor(sizes.criteriaCases / 2)),
      seed: sizes.seed,
    });
    const tally = new Tally();
    const failures: string[] = [];
    for (const patch of patches) {
      const res = await api.a.request('PATCH', '/v1/manage/settings', patch);
      tally.add(String(res.status));
      if (![200, 400, 409].includes(res.status)) {
        failures.push(
          `${JSON.stringify(patch).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
        );
      }
    }
    const settings = await api.a.request('GET', '/v1/manage/settings');
    report(`fuzz settings patch (${kind})`, {
      seed: sizes.seed,
      patches: patches.length,
      ...tally.toFigures(),
    });
    expect(failures).toEqual([]);
    expect(settings.status).toBe(200);
    // Symbl's configured user settings are repeated under `settings`, beside the document.
    const { settings: _symblSettings, ...document } = settings.body;
    expect(() => validateSettings(document)).not.toThrow();
    expect(tally.get('200')).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
