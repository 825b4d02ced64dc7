import { randomBytes } from 'node:crypto';
import { testDatabaseKinds } from '@switchboard/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestResponse } from '../support/test-api';
import { report, Tally } from './support/http';
import { raceProblems } from './support/race-checks';
import { oneServer, type Setup, twoProcesses } from './support/race-setup';
import { sizes } from './support/sizes';

// PostgreSQL: two real API processes on one database. PGlite (one process by design): two
// clients of one server, so the same invariants hold for the embedded mode too.
const setups = testDatabaseKinds().map(
  (kind) => [kind === 'postgresql' ? 'two processes on postgresql' : 'one process on pglite', kind] as const,
);

// Part 5: races that must not break the promises of issue 4.
describe.each(setups)('races: %s', (_label, kind) => {
  let setup: Setup;
  const tally = new Tally();
  beforeAll(async () => {
    setup = kind === 'postgresql' ? await twoProcesses() : await oneServer(kind);
  });
  afterAll(async () => {
    report(`races (${_label})`, tally.toFigures());
    await setup?.close();
  });

  const ok = async (res: Promise<TestResponse>) => {
    const answer = await res;
    if (answer.status !== 200) throw new Error(`setup: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  test(`route, assign and close racing on ${sizes.raceConversations} conversations keep every invariant`, async () => {
    const [one, two] = setup.calls;
    const queue = await ok(
      one('POST', '/ccaas/1/queues', { name: `Race ${Date.now()}`, isAutoAssignmentEnabled: true }),
    );
    const agents: { id: string }[] = [];
    for (const capacity of [1, 1, 2]) {
      agents.push(
        await ok(
          one('POST', '/ccaas/1/agents', { name: `Racer ${agents.length}`, status: 'ACTIVE', capacity }),
        ),
      );
    }
    await ok(one('PUT', `/ccaas/1/queues/${queue.id}/agents`, { agentIds: agents.map((a) => a.id) }));
    await ok(
      one('PUT', '/ccaas/1/routing', {
        routes: [{ name: 'All', queueId: queue.id, criteria: 'status!=CLOSED' }],
      }),
    );
    const ids: string[] = [];
    for (let i = 0; i < sizes.raceConversations; i++)
      ids.push((await ok(two('POST', '/ccaas/1/conversations', { topic: `race ${i}` }))).id);

    // Everything is queued first and started in a shuffled order, so closes also overtake routes.
    const closes = new Map<string, Promise<TestResponse>>();
    const queued: (() => Promise<{ what: string; res: TestResponse }>)[] = [];
    const run = (what: string, request: () => Promise<TestResponse>, closing?: string) =>
      queued.push(() => {
        const answer = request();
        if (closing) closes.set(closing, answer);
        return answer.then((res) => ({ what, res }));
      });
    ids.forEach((id, i) => {
      const [mine, other] = i % 2 === 0 ? [one, two] : [two, one];
      const path = `/ccaas/1/conversations/${id}`;
      run('route', () => mine('POST', `${path}/route`));
      run('assign', () => mine('PUT', `${path}/assignee`, { agentId: agents[i % 3]?.id }));
      run('assign', () => other('PUT', `${path}/assignee`, { agentId: agents[(i + 1) % 3]?.id }));
      if (i % 2 === 0) run('close', () => other('PATCH', path, { status: 'CLOSED' }), id);
      run('route', () => other('POST', `${path}/route`));
      run('unassign', () => mine('DELETE', `${path}/assignee`));
    });
    const [order] = fc.sample(fc.shuffledSubarray(queued, { minLength: queued.length }), {
      numRuns: 1,
      seed: sizes.seed,
    });
    const results = await Promise.all((order ?? queued).map((start) => start()));
    const unexpected: string[] = [];
    for (const { what, res } of results) {
      tally.add(`${what} ${res.status}`);
      // 409: CLOSED, agent at capacity, or a lost race the client may retry; never anything else.
      if (res.status !== 200 && res.status !== 409)
        unexpected.push(`${what} ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    const closed = new Set<string>();
    for (const [id, close] of closes) if ((await close).status === 200) closed.add(id);
    expect(unexpected).toEqual([]);
    expect(closed.size).toBeGreaterThan(0);
    // Then everything again at the closed ones, from both sides: all refused, nothing moves.
    const again = await Promise.all(
      [...closed].flatMap((id, i) => {
        const path = `/ccaas/1/conversations/${id}`;
        return [one, two].flatMap((call) => [
          call('POST', `${path}/route`),
          call('PUT', `${path}/assignee`, { agentId: agents[i % 3]?.id }),
          call('DELETE', `${path}/assignee`),
          call('PATCH', path, { status: 'OPEN' }),
        ]);
      }),
    );
    for (const res of again) tally.add(`after close ${res.status}`);
    expect(again.filter((res) => res.status !== 409).map((res) => JSON.stringify(res.body))).toEqual([]);
    expect(await raceProblems(setup.prisma, setup.organizationId, closed)).toEqual([]);
    tally.add('race requests', results.length);
  });

  test('the same Idempotency-Key sent at once through both clients creates one object', async () => {
    const [one, two] = setup.calls;
    const key = `idem-${randomBytes(6).toString('hex')}`;
    const topic = `Once ${key}`;
    const same = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? one : two)('POST', '/ccaas/1/conversations', { topic }, { 'idempotency-key': key }),
      ),
    );
    for (const res of same) tally.add(`same key, same body ${res.status}`);
    expect(same.every((res) => res.status === 200 || res.status === 409)).toBe(true);
    const created = same.filter((res) => res.status === 200);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((res) => res.body.id)).size).toBe(1);
    expect(
      await setup.prisma.conversation.count({ where: { organizationId: setup.organizationId, topic } }),
    ).toBe(1);

    const other = `idem-${randomBytes(6).toString('hex')}`;
    const different = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? one : two)(
          'POST',
          '/ccaas/1/conversations',
          { topic: `${other} ${i}` },
          { 'idempotency-key': other },
        ),
      ),
    );
    for (const res of different) tally.add(`same key, other bodies ${res.status}`);
    expect(different.every((res) => [200, 409, 422].includes(res.status))).toBe(true);
    expect(different.filter((res) => res.status === 200)).toHaveLength(1);
    const made = await setup.prisma.conversation.count({
      where: { organizationId: setup.organizationId, topic: { startsWith: other } },
    });
    expect(made).toBe(1);
  });

  test('racing creates of one unique name: one 200 and 409s; racing adds of one new tag: all 200', async () => {
    const [one, two] = setup.calls;
    const suffix = randomBytes(4).toString('hex');
    const both = (i: number) => (i % 2 ? one : two);
    const conversations: string[] = [];
    for (let i = 0; i < 8; i++)
      conversations.push((await ok(one('POST', '/ccaas/1/conversations', { topic: `tagged ${i}` }))).id);
    const unique = [
      ['queue', '/ccaas/1/queues', { name: `Queue ${suffix}` }],
      ['agent slackUserId', '/ccaas/1/agents', { name: 'Same', slackUserId: `U${suffix}` }],
      ['tracker', '/v1/manage/tracker', { name: `Tracker ${suffix}`, vocabulary: ['x'] }],
      ['group', '/v1/manage/group', { name: `Group ${suffix}`, criteria: 'status==OPEN' }],
      ['entity', '/v1/manage/entity', { type: 'Race', subType: `S${suffix}`, values: ['v'] }],
    ] as const;
    for (const [what, path, body] of unique) {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => both(i)('POST', path, body)));
      for (const res of answers) tally.add(`unique ${what} ${res.status}`);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    }
    const tagName = `fresh-${suffix}`;
    const tagged = await Promise.all(
      conversations.map((id, i) => both(i)('POST', `/ccaas/1/conversations/${id}/tags`, { tagName })),
    );
    for (const res of tagged) tally.add(`new tag ${res.status}`);
    expect(tagged.every((res) => res.status === 200)).toBe(true);
    expect(
      await setup.prisma.tag.count({ where: { organizationId: setup.organizationId, name: tagName } }),
    ).toBe(1);
    expect(await setup.prisma.conversationTag.count({ where: { tag: { name: tagName } } })).toBe(
      conversations.length,
    );
  });

  test('optimistic concurrency: of many writers holding one version, exactly one wins, the rest get 409', async () => {
    const [one, two] = setup.calls;
    const conversation = await ok(one('POST', '/ccaas/1/conversations', { topic: 'contended' }));
    const agent = await ok(
      one('POST', '/ccaas/1/agents', { name: 'Roomy', status: 'ACTIVE', capacity: 100 }),
    );
    const { version } = conversation;
    // The version travels in the body, or as If-Match (the metadata map has no room for it).
    const ifMatch = { 'if-match': `"${version}"` };
    const attempts: {
      what: string;
      method: string;
      path: string;
      body: unknown;
      headers?: Record<string, string>;
    }[] = [
      ...Array.from({ length: 4 }, (_, i) => ({
        what: 'patch',
        method: 'PATCH',
        path: '',
        body: { topic: `winner ${i}`, version },
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        what: 'patch if-match',
        method: 'PATCH',
        path: '',
        body: { topic: `match ${i}` },
        headers: ifMatch,
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        what: 'metadata if-match',
        method: 'PUT',
        path: '/metadata',
        body: { attempt: String(i) },
        headers: ifMatch,
      })),
      { what: 'assign', method: 'PUT', path: '/assignee', body: { agentId: agent.id, version } },
      { what: 'put', method: 'PUT', path: '', body: { topic: 'replaced', version } },
    ];
    const answers = await Promise.all(
      attempts.map((a, i) =>
        (i % 2 ? one : two)(
          a.method,
          `/ccaas/1/conversations/${conversation.id}${a.path}`,
          a.body,
          a.headers,
        ),
      ),
    );
    for (const [i, res] of answers.entries()) tally.add(`versioned ${attempts[i]?.what} ${res.status}`);
    const winners = answers.filter((res) => res.status === 200);
    expect(answers.every((res) => res.status === 200 || res.status === 409)).toBe(true);
    expect(winners).toHaveLength(1);
    const final = await setup.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(final.version).toBe(version + 1);
    expect(await raceProblems(setup.prisma, setup.organizationId, new Set())).toEqual([]);
  });
});
