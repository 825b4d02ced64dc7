import { testDatabaseKinds } from '@switchboard/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversationFactsArbitrary } from '../../../../packages/core/src/criteria/testing';
import { send, startTestApi, type TestApi, type TestResponse } from '../support/test-api';
import { criteriaText } from './support/criteria-cases';
import { callTrpc, encodeText, hasLoneSurrogate, report, Tally } from './support/http';
import { restError } from './support/rest-error';
import { sizes } from './support/sizes';

// Part 3 (criteria): random and mutated criteria through groups.preview, the `criteria` filter
// of the Infobip list and group create + members: each answers 200 or 400 with structured
// details, all three agree on valid/invalid, and they count the same conversations.
describe.each(testDatabaseKinds())('criteria fuzzing on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
    // Conversations with the facts random criteria talk about, so valid ones match some.
    const facts = fc.sample(conversationFactsArbitrary, { numRuns: 12, seed: sizes.seed });
    for (const fact of facts) {
      const body: Record<string, unknown> = {
        topic: fact.topic,
        summary: fact.summary,
        status: fact.status,
        priority: fact.priority,
        channel: fact.channel,
        metadata: fact.metadata,
        tags: fact.tags,
      };
      // Core refuses some pool values (a channel with a space, a tag with '*'): drop what it names.
      for (let attempt = 0; ; attempt++) {
        const res = await api.a.request('POST', '/ccaas/1/conversations', body);
        if (res.status === 200) break;
        const field = String(restError(res.body).details?.field ?? '').split(/[.[]/)[0] ?? '';
        if (res.status !== 400 || attempt > 4 || !(field in body)) {
          throw new Error(`seed conversation: ${res.status} ${JSON.stringify(res.body)}`);
        }
        delete body[field];
      }
    }
  });
  afterAll(() => api.close());

  test(`${sizes.criteriaCases} criteria: 200 or structured 400, the same verdict and count everywhere`, async () => {
    const cases = fc.sample(criteriaText, { numRuns: sizes.criteriaCases, seed: sizes.seed });
    const key = { 'x-api-key': api.a.apiKey.key };
    const tally = new Tally();
    const problems: string[] = [];
    let requests = 0;
    for (const [i, criteria] of cases.entries()) {
      const preview = await callTrpc(
        api.url,
        { path: 'groups.preview', type: 'query' },
        { criteria, limit: 1 },
        key,
      );
      const list = await api.a.request('GET', `/ccaas/1/conversations?criteria=${encodeText(criteria)}`);
      const group = await api.a.request('POST', '/v1/manage/group', { name: `Fuzz ${i}`, criteria });
      requests += 3;
      const verdicts = [verdict(preview, 'trpc'), verdict(list, 'rest'), verdict(group, 'rest')];
      tally.add(verdicts.join('/'));
      const say = (problem: string) => problems.push(`${JSON.stringify(criteria).slice(0, 120)}: ${problem}`);
      for (const [where, v, res] of [
        ['preview', verdicts[0], preview],
        ['list', verdicts[1], list],
        ['group', verdicts[2], group],
      ] as const) {
        if (v === 'other') say(`${where} answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      // An empty filter on the list means "no filter", and a URL cannot carry an unpaired
      // surrogate (the JSON of preview and group create can): the list is compared otherwise.
      const listComparable = criteria.trim() !== '' && !hasLoneSurrogate(criteria);
      const comparable = listComparable ? verdicts : [verdicts[0], verdicts[2]];
      if (new Set(comparable).size > 1)
        say(`verdicts differ: preview ${verdicts[0]}, list ${verdicts[1]}, group ${verdicts[2]}`);
      if (listComparable && verdicts.every((v) => v === '200')) {
        const members = await api.a.request('GET', `/v1/groups/${group.body.group.id}/conversations?limit=1`);
        requests++;
        const counts = [
          preview.body.result.data.count,
          list.body.pagination.totalItems,
          members.body.totalCount,
        ];
        if (new Set(counts).size > 1) say(`counts differ: preview/list/members ${counts.join('/')}`);
      }
    }
    const health = await send(`${api.url}/health`, {});
    report(`fuzz criteria (${kind})`, {
      seed: sizes.seed,
      criteria: cases.length,
      requests,
      ...tally.toFigures(),
    });
    expect(problems).toEqual([]);
    expect(health.status).toBe(200);
    // The generator must reach both sides.
    expect(tally.get('200/200/200')).toBeGreaterThan(0);
    expect(tally.get('400/400/400')).toBeGreaterThan(0);
  });
});

/**
 * '200', '400' when the refusal is structured (criteria errors carry code, offset, line and
 * column; other input errors name the field), or 'other'.
 */
function verdict(res: TestResponse, transport: 'trpc' | 'rest'): '200' | '400' | 'other' {
  if (res.status === 200) return '200';
  if (res.status !== 400) return 'other';
  const details = transport === 'trpc' ? res.body?.error?.data?.details : restError(res.body).details;
  const message = transport === 'trpc' ? res.body?.error?.message : restError(res.body).message;
  if (typeof message !== 'string' || typeof details !== 'object' || details === null) return 'other';
  const located =
    typeof details.code === 'string' &&
    typeof details.offset === 'number' &&
    typeof details.line === 'number' &&
    typeof details.column === 'number';
  return located || typeof details.field === 'string' ? '400' : 'other';
}
