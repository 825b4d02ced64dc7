import { describe, expect, test } from 'vitest';
import { decideRoute, type RouteRule } from './decide-route';

interface Facts {
  priority: string;
  tags: string[];
}

const route = (
  id: string,
  priority: number,
  matches: (f: Facts) => boolean,
  enabled = true,
): RouteRule<Facts> => ({
  id,
  name: `route ${id}`,
  queueId: `queue-${id}`,
  priority,
  enabled,
  matches,
});

const always = () => true;
const never = () => false;
const urgent = (f: Facts) => f.priority === 'URGENT';
const vip = (f: Facts) => f.tags.includes('vip');
const facts: Facts = { priority: 'URGENT', tags: ['vip'] };

describe('decideRoute', () => {
  test.each([
    {
      title: 'the first matching route by ascending priority sets the queue',
      routes: [route('late', 20, always), route('early', 10, urgent)],
      expected: { queueId: 'queue-early', routeId: 'early', reason: 'ROUTE_MATCHED' },
      outcomes: ['MATCHED', 'SKIPPED_AFTER_MATCH'],
    },
    {
      title: 'equal priorities keep the given order',
      routes: [route('first', 5, vip), route('second', 5, vip)],
      expected: { queueId: 'queue-first', routeId: 'first', reason: 'ROUTE_MATCHED' },
      outcomes: ['MATCHED', 'SKIPPED_AFTER_MATCH'],
    },
    {
      title: 'a disabled route is never tried, even if it would match',
      routes: [route('off', 1, always, false), route('on', 2, vip)],
      expected: { queueId: 'queue-on', routeId: 'on', reason: 'ROUTE_MATCHED' },
      outcomes: ['DISABLED', 'MATCHED'],
    },
    {
      title: 'no match falls back to the default queue',
      routes: [route('a', 1, never), route('b', 2, never)],
      defaultQueueId: 'fallback',
      expected: { queueId: 'fallback', routeId: null, reason: 'DEFAULT_QUEUE' },
      outcomes: ['NOT_MATCHED', 'NOT_MATCHED'],
    },
    {
      title: 'no match and no default queue → no queue',
      routes: [route('a', 1, never)],
      expected: { queueId: null, routeId: null, reason: 'NO_MATCH' },
      outcomes: ['NOT_MATCHED'],
    },
    {
      title: 'no routes at all → the default queue',
      routes: [],
      defaultQueueId: 'fallback',
      expected: { queueId: 'fallback', routeId: null, reason: 'DEFAULT_QUEUE' },
      outcomes: [],
    },
    {
      title: 'a predicate that throws counts as not matching and routing goes on',
      routes: [
        route('broken', 1, () => {
          throw new Error('unknown field "legacy"');
        }),
        route('ok', 2, always),
      ],
      expected: { queueId: 'queue-ok', routeId: 'ok', reason: 'ROUTE_MATCHED' },
      outcomes: ['NOT_MATCHED', 'MATCHED'],
    },
    {
      title: 'disabled routes after a match still say DISABLED',
      routes: [route('win', 1, always), route('off', 2, always, false), route('later', 3, always)],
      expected: { queueId: 'queue-win', routeId: 'win', reason: 'ROUTE_MATCHED' },
      outcomes: ['MATCHED', 'DISABLED', 'SKIPPED_AFTER_MATCH'],
    },
    {
      title: 'negative and fractional priorities order numerically',
      routes: [route('b', 0.5, always), route('a', -3, always), route('c', 10, always)],
      expected: { queueId: 'queue-a', routeId: 'a', reason: 'ROUTE_MATCHED' },
      outcomes: ['MATCHED', 'SKIPPED_AFTER_MATCH', 'SKIPPED_AFTER_MATCH'],
    },
  ])('$title', ({ routes, defaultQueueId = null, expected, outcomes }) => {
    const decision = decideRoute(routes, facts, { defaultQueueId });
    expect(decision).toMatchObject(expected);
    expect(decision.trace.map((step) => step.outcome)).toEqual(outcomes);
  });

  test('the trace lists routes in the order tried, with an explanation for each', () => {
    const decision = decideRoute(
      [
        { ...route('b', 2, vip), criteria: 'tags==vip' },
        route('a', 1, never),
        route('c', 3, always, false),
        route('d', 4, always),
      ],
      facts,
      { defaultQueueId: null },
    );
    expect(decision.trace).toEqual([
      {
        routeId: 'a',
        name: 'route a',
        outcome: 'NOT_MATCHED',
        explanation: 'Route "route a" (priority 1) did not match its criteria.',
      },
      {
        routeId: 'b',
        name: 'route b',
        outcome: 'MATCHED',
        explanation: 'Route "route b" (priority 2) matched criteria `tags==vip`; queue queue-b.',
      },
      {
        routeId: 'c',
        name: 'route c',
        outcome: 'DISABLED',
        explanation: 'Route "route c" (priority 3) is disabled and was not tried.',
      },
      {
        routeId: 'd',
        name: 'route d',
        outcome: 'SKIPPED_AFTER_MATCH',
        explanation: 'Route "route d" (priority 4) was not tried: route "route b" matched first.',
      },
    ]);
    expect(decision.explanation).toBe('Matched route "route b"; routed to queue queue-b.');
  });

  test('a throwing predicate names its error in the explanation', () => {
    const decision = decideRoute(
      [
        route('x', 1, () => {
          throw new Error('boom');
        }),
      ],
      facts,
      { defaultQueueId: null },
    );
    expect(decision.trace[0]?.explanation).toContain('could not be evaluated (boom)');
  });

  test('routes after the match are not evaluated', () => {
    let calls = 0;
    decideRoute([route('a', 1, always), route('b', 2, () => ++calls > 0)], facts, { defaultQueueId: null });
    expect(calls).toBe(0);
  });

  test('the input list is not reordered', () => {
    const routes = [route('b', 2, never), route('a', 1, never)];
    decideRoute(routes, facts, { defaultQueueId: null });
    expect(routes.map((r) => r.id)).toEqual(['b', 'a']);
  });

  test('outside working hours, a working-hours-only rule is skipped and the next one decides', () => {
    const routes = [
      { ...route('a', 1, always), onlyDuringWorkingHours: true, conversationPriority: 'URGENT' as const },
      { ...route('b', 2, always), conversationPriority: 'LOW' as const },
    ];
    const outside = decideRoute(routes, facts, { defaultQueueId: null, withinWorkingHours: false });
    expect(outside.routeId).toBe('b');
    expect(outside.conversationPriority).toBe('LOW');
    expect(outside.trace.map((step) => step.outcome)).toEqual(['OUTSIDE_WORKING_HOURS', 'MATCHED']);
    expect(outside.trace[0]?.explanation).toContain('only during working hours');

    const inside = decideRoute(routes, facts, { defaultQueueId: null, withinWorkingHours: true });
    expect(inside.routeId).toBe('a');
    expect(inside.conversationPriority).toBe('URGENT');
  });

  test("each working-hours-only rule is judged by its own queue's calendar", () => {
    const routes = [
      { ...route('closed', 1, always), onlyDuringWorkingHours: true },
      { ...route('open', 2, always), onlyDuringWorkingHours: true },
    ];
    const decision = decideRoute(routes, facts, {
      defaultQueueId: null,
      withinWorkingHours: (queueId) => queueId === 'queue-open',
    });
    expect(decision.routeId).toBe('open');
    expect(decision.trace.map((step) => step.outcome)).toEqual(['OUTSIDE_WORKING_HOURS', 'MATCHED']);
    expect(decision.trace[0]?.explanation).toContain("outside its queue's hours");
  });

  test('a rule written as a JSON expression is explained in both syntaxes', () => {
    const rule = {
      ...route('a', 1, always),
      criteria: 'channel==WHATSAPP',
      writtenExpression: '{"$eq":{"message.channel":"WHATSAPP"}}',
    };
    expect(decideRoute([rule], facts, { defaultQueueId: null }).trace[0]?.explanation).toBe(
      'Route "route a" (priority 1) matched expression `{"$eq":{"message.channel":"WHATSAPP"}}` (RSQL `channel==WHATSAPP`); queue queue-a.',
    );
  });

  test('a rule that sets no priority leaves the conversation its own', () => {
    expect(
      decideRoute([route('a', 1, always)], facts, { defaultQueueId: null }).conversationPriority,
    ).toBeNull();
  });
});
