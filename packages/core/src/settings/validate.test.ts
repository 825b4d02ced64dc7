import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { defaultSettings } from './settings';
import { resolveSettings, validateSettings } from './validate';

const withChange = (path: string[], value: unknown): unknown => {
  const doc = structuredClone(defaultSettings) as unknown as Record<string, unknown>;
  let node = doc;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1) as string] = value;
  return doc;
};

const refusedAt = (doc: unknown): string => {
  try {
    validateSettings(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    const { path, field } = (error as DomainError).details ?? {};
    expect(field).toBe(path);
    expect((error as DomainError).message).toContain(`"${path || '/'}"`);
    return path as string;
  }
  throw new Error('expected a refusal');
};

describe('defaults', () => {
  test('the defaults are valid and documented values', () => {
    expect(validateSettings(defaultSettings)).toEqual({
      routing: {
        strategy: 'round_robin',
        defaultQueueId: null,
        autoRouteOnCreate: true,
        autoAssign: true,
        capacityStatuses: ['OPEN'],
        unavailableAgent: { action: 'reroute', graceMinutes: 15, heartbeatLapseMinutes: 5 },
      },
      lifecycle: { autoCloseSolvedAfterMinutes: null },
      pagination: { defaultPageSize: 20, maxPageSize: 100 },
      intelligence: { bookmarks: {} },
      redaction: {},
    });
  });

  test('the defaults cannot be mutated by accident', () => {
    expect(Object.isFrozen(defaultSettings.routing)).toBe(true);
  });
});

describe('accepted documents', () => {
  test.each([
    ['strategy least_busy', ['routing', 'strategy'], 'least_busy'],
    ['a default queue id', ['routing', 'defaultQueueId'], 'q-1'],
    ['auto-route off', ['routing', 'autoRouteOnCreate'], false],
    ['auto-assign off', ['routing', 'autoAssign'], false],
    ['max page size 1000', ['pagination', 'maxPageSize'], 1000],
    ['default page size equal to the max', ['pagination', 'defaultPageSize'], 100],
    ['default page size 1', ['pagination', 'defaultPageSize'], 1],
    ["Symbl's bookmark duration", ['intelligence', 'bookmarks', 'duration'], 30],
    ["Symbl's redaction default", ['redaction', 'default'], true],
    ["Symbl's redaction type", ['redaction', 'type'], 'obfuscation'],
    ['WAITING counted too', ['routing', 'capacityStatuses'], ['OPEN', 'WAITING']],
    ['every countable status', ['routing', 'capacityStatuses'], ['SOLVED', 'OPEN', 'WAITING']],
    ['auto-close after a day', ['lifecycle', 'autoCloseSolvedAfterMinutes'], 1440],
    ['auto-close off', ['lifecycle', 'autoCloseSolvedAfterMinutes'], null],
    [
      'unavailable agents keep their conversations',
      ['routing', 'unavailableAgent'],
      { action: 'keep', graceMinutes: 15, heartbeatLapseMinutes: 5 },
    ],
    [
      'rerouted at the next run',
      ['routing', 'unavailableAgent'],
      { action: 'reroute', graceMinutes: 0, heartbeatLapseMinutes: 1 },
    ],
  ])('%s', (_title, path, value) => {
    expect(() => validateSettings(withChange(path, value))).not.toThrow();
  });

  test('the result is a fresh copy', () => {
    const doc = structuredClone(defaultSettings);
    expect(validateSettings(doc).routing).not.toBe(doc.routing);
  });
});

describe('refused documents name the JSON Pointer of the first bad value', () => {
  test.each([
    ['not an object', null, ''],
    ['an array', [], ''],
    ['an unknown top-level key', { ...defaultSettings, theme: 'dark' }, '/theme'],
    ['routing missing', { pagination: defaultSettings.pagination }, '/routing'],
    ['unknown strategy', withChange(['routing', 'strategy'], 'random'), '/routing/strategy'],
    ['strategy of the wrong type', withChange(['routing', 'strategy'], 1), '/routing/strategy'],
    ['empty default queue id', withChange(['routing', 'defaultQueueId'], ''), '/routing/defaultQueueId'],
    ['default queue id as a number', withChange(['routing', 'defaultQueueId'], 7), '/routing/defaultQueueId'],
    ['a misspelt routing key', withChange(['routing', 'autoAsign'], true), '/routing/autoAsign'],
    [
      'autoRouteOnCreate as a string',
      withChange(['routing', 'autoRouteOnCreate'], 'true'),
      '/routing/autoRouteOnCreate',
    ],
    ['autoAssign missing', withChange(['routing', 'autoAssign'], undefined), '/routing/autoAssign'],
    ['pagination as a list', withChange(['pagination'], [20, 100]), '/pagination'],
    ['max page size over 1000', withChange(['pagination', 'maxPageSize'], 1001), '/pagination/maxPageSize'],
    ['max page size 0', withChange(['pagination', 'maxPageSize'], 0), '/pagination/maxPageSize'],
    ['max page size fractional', withChange(['pagination', 'maxPageSize'], 50.5), '/pagination/maxPageSize'],
    [
      'default page size above the max',
      withChange(['pagination', 'defaultPageSize'], 101),
      '/pagination/defaultPageSize',
    ],
    [
      'default page size negative',
      withChange(['pagination', 'defaultPageSize'], -1),
      '/pagination/defaultPageSize',
    ],
    [
      'default page size as a string',
      withChange(['pagination', 'defaultPageSize'], '20'),
      '/pagination/defaultPageSize',
    ],
    [
      'default page size NaN',
      withChange(['pagination', 'defaultPageSize'], Number.NaN),
      '/pagination/defaultPageSize',
    ],
    ['a key with / is escaped per RFC 6901', withChange(['routing', 'a/b~c'], 1), '/routing/a~1b~0c'],
    [
      'bookmark duration 0',
      withChange(['intelligence', 'bookmarks', 'duration'], 0),
      '/intelligence/bookmarks/duration',
    ],
    [
      'an unknown bookmark setting',
      withChange(['intelligence', 'bookmarks', 'color'], 'red'),
      '/intelligence/bookmarks/color',
    ],
    ['an unknown intelligence setting', withChange(['intelligence', 'summary'], {}), '/intelligence/summary'],
    ['redaction default as a string', withChange(['redaction', 'default'], 'yes'), '/redaction/default'],
    ['an unknown redaction type', withChange(['redaction', 'type'], 'blur'), '/redaction/type'],
    [
      'CLOSED counted toward capacity',
      withChange(['routing', 'capacityStatuses'], ['OPEN', 'CLOSED']),
      '/routing/capacityStatuses/1',
    ],
    [
      'an unknown status counted',
      withChange(['routing', 'capacityStatuses'], ['OPEN', 'PENDING']),
      '/routing/capacityStatuses/1',
    ],
    [
      'a status counted twice',
      withChange(['routing', 'capacityStatuses'], ['OPEN', 'OPEN']),
      '/routing/capacityStatuses/1',
    ],
    [
      'OPEN not counted',
      withChange(['routing', 'capacityStatuses'], ['WAITING']),
      '/routing/capacityStatuses',
    ],
    ['statuses not a list', withChange(['routing', 'capacityStatuses'], 'OPEN'), '/routing/capacityStatuses'],
    [
      'a negative auto-close time',
      withChange(['lifecycle', 'autoCloseSolvedAfterMinutes'], -5),
      '/lifecycle/autoCloseSolvedAfterMinutes',
    ],
    [
      'auto-close after 0 minutes',
      withChange(['lifecycle', 'autoCloseSolvedAfterMinutes'], 0),
      '/lifecycle/autoCloseSolvedAfterMinutes',
    ],
    ['an unknown lifecycle setting', withChange(['lifecycle', 'reopen'], true), '/lifecycle/reopen'],
    [
      'a negative grace period',
      withChange(['routing', 'unavailableAgent'], {
        action: 'reroute',
        graceMinutes: -1,
        heartbeatLapseMinutes: 5,
      }),
      '/routing/unavailableAgent/graceMinutes',
    ],
    [
      'a fractional grace period',
      withChange(['routing', 'unavailableAgent'], {
        action: 'reroute',
        graceMinutes: 1.5,
        heartbeatLapseMinutes: 5,
      }),
      '/routing/unavailableAgent/graceMinutes',
    ],
    [
      'an unknown action',
      withChange(['routing', 'unavailableAgent'], {
        action: 'close',
        graceMinutes: 5,
        heartbeatLapseMinutes: 5,
      }),
      '/routing/unavailableAgent/action',
    ],
    [
      'a heartbeat lapse of 0',
      withChange(['routing', 'unavailableAgent'], {
        action: 'keep',
        graceMinutes: 5,
        heartbeatLapseMinutes: 0,
      }),
      '/routing/unavailableAgent/heartbeatLapseMinutes',
    ],
    [
      'a heartbeat lapse over a day',
      withChange(['routing', 'unavailableAgent'], {
        action: 'keep',
        graceMinutes: 5,
        heartbeatLapseMinutes: 1441,
      }),
      '/routing/unavailableAgent/heartbeatLapseMinutes',
    ],
    [
      'an unknown unavailable-agent setting',
      withChange(['routing', 'unavailableAgent'], {
        action: 'keep',
        graceMinutes: 5,
        heartbeatLapseMinutes: 5,
        notify: true,
      }),
      '/routing/unavailableAgent/notify',
    ],
    [
      'unavailableAgent not an object',
      withChange(['routing', 'unavailableAgent'], 'keep'),
      '/routing/unavailableAgent',
    ],
  ])('%s → %s', (_title, doc, path) => {
    expect(refusedAt(doc)).toBe(path);
  });
});

describe('resolveSettings completes stored documents with the defaults', () => {
  test.each([
    ['nothing stored', null, defaultSettings],
    ['an empty document', {}, defaultSettings],
    [
      'a document from before a key existed',
      { routing: { strategy: 'least_busy' } },
      { ...defaultSettings, routing: { ...defaultSettings.routing, strategy: 'least_busy' } },
    ],
  ])('%s', (_title, stored, expected) => {
    expect(resolveSettings(stored)).toEqual(expected);
  });

  test('an unavailableAgent stored in part is completed key by key', () => {
    expect(
      resolveSettings({ routing: { unavailableAgent: { action: 'keep' } } }).routing.unavailableAgent,
    ).toEqual({
      action: 'keep',
      graceMinutes: 15,
      heartbeatLapseMinutes: 5,
    });
  });

  test('counted statuses come back in lifecycle order', () => {
    expect(
      resolveSettings({ routing: { capacityStatuses: ['SOLVED', 'OPEN'] } }).routing.capacityStatuses,
    ).toEqual(['OPEN', 'SOLVED']);
  });

  test('CLOSED counted is refused with the fix in the message', () => {
    expect(() => validateSettings(withChange(['routing', 'capacityStatuses'], ['CLOSED', 'OPEN']))).toThrow(
      /capacityStatuses\/0.*cannot be "CLOSED".*remove it/,
    );
  });

  test('stored bad values are still refused', () => {
    expect(() => resolveSettings({ pagination: { maxPageSize: 5000 } })).toThrow(/maxPageSize/);
  });
});
