import { DomainError } from '../errors';
import { assignmentStrategies } from '../routing/choose-agent';
import {
  type CapacityStatus,
  capacityStatuses,
  defaultSettings,
  maxAutoCloseMinutes,
  maxBookmarkSeconds,
  maxHeartbeatLapseMinutes,
  maxPageSizeCeiling,
  type OrganizationSettings,
  type RedactionType,
  redactionTypes,
  type UnavailableAgentAction,
  type UnavailableAgentSettings,
  unavailableAgentActions,
} from './settings';

/**
 * Checks a whole settings document (typically after a JSON Patch was applied) and returns it as
 * a fresh typed value. The first bad value is reported with its JSON Pointer (RFC 6901, the
 * path syntax JSON Patch uses), so `{"op":"replace","path":"/pagination/maxPageSize",...}`
 * is answered with that same path. Unknown keys are refused: a typo such as `autoAsign` would
 * otherwise be stored and silently ignored.
 */
export const validateSettings = (doc: unknown): OrganizationSettings => {
  const root = object(doc, '');
  onlyKeys(root, '', ['routing', 'pagination', 'intelligence', 'redaction', 'lifecycle']);

  const routing = object(root.routing, '/routing');
  onlyKeys(routing, '/routing', [
    'strategy',
    'defaultQueueId',
    'autoRouteOnCreate',
    'autoAssign',
    'capacityStatuses',
    'unavailableAgent',
  ]);
  const strategy = routing.strategy;
  if (typeof strategy !== 'string' || !(assignmentStrategies as readonly string[]).includes(strategy)) {
    fail('/routing/strategy', `must be one of ${assignmentStrategies.map((s) => `"${s}"`).join(', ')}`);
  }
  const defaultQueueId = routing.defaultQueueId;
  if (defaultQueueId !== null && (typeof defaultQueueId !== 'string' || defaultQueueId === '')) {
    fail('/routing/defaultQueueId', 'must be a queue id or null');
  }

  const counted = statusList(routing.capacityStatuses, '/routing/capacityStatuses');
  const unavailableAgent = unavailableAgentSettings(routing.unavailableAgent, '/routing/unavailableAgent');

  const lifecycle = object(root.lifecycle, '/lifecycle');
  onlyKeys(lifecycle, '/lifecycle', ['autoCloseSolvedAfterMinutes']);
  const autoClose = lifecycle.autoCloseSolvedAfterMinutes;
  const autoCloseSolvedAfterMinutes =
    autoClose === null
      ? null
      : integer(
          autoClose,
          '/lifecycle/autoCloseSolvedAfterMinutes',
          1,
          maxAutoCloseMinutes,
          'or null (never)',
        );

  const pagination = object(root.pagination, '/pagination');
  onlyKeys(pagination, '/pagination', ['defaultPageSize', 'maxPageSize']);
  const maxPageSize = integer(pagination.maxPageSize, '/pagination/maxPageSize', 1, maxPageSizeCeiling);
  const defaultPageSize = integer(pagination.defaultPageSize, '/pagination/defaultPageSize', 1, maxPageSize);

  const intelligence = object(root.intelligence, '/intelligence');
  onlyKeys(intelligence, '/intelligence', ['bookmarks']);
  const bookmarks = object(intelligence.bookmarks, '/intelligence/bookmarks');
  onlyKeys(bookmarks, '/intelligence/bookmarks', ['duration']);
  const redaction = object(root.redaction, '/redaction');
  onlyKeys(redaction, '/redaction', ['default', 'type']);
  if (redaction.type !== undefined && !(redactionTypes as readonly unknown[]).includes(redaction.type)) {
    fail('/redaction/type', `must be one of ${redactionTypes.map((type) => `"${type}"`).join(', ')}`);
  }

  return {
    routing: {
      strategy: strategy as OrganizationSettings['routing']['strategy'],
      defaultQueueId: defaultQueueId as string | null,
      autoRouteOnCreate: boolean(routing.autoRouteOnCreate, '/routing/autoRouteOnCreate'),
      autoAssign: boolean(routing.autoAssign, '/routing/autoAssign'),
      capacityStatuses: counted,
      unavailableAgent,
    },
    lifecycle: { autoCloseSolvedAfterMinutes },
    pagination: { defaultPageSize, maxPageSize },
    intelligence: {
      bookmarks:
        bookmarks.duration === undefined
          ? {}
          : {
              duration: integer(
                bookmarks.duration,
                '/intelligence/bookmarks/duration',
                1,
                maxBookmarkSeconds,
              ),
            },
    },
    redaction: {
      ...(redaction.default === undefined
        ? {}
        : { default: boolean(redaction.default, '/redaction/default') }),
      ...(redaction.type === undefined ? {} : { type: redaction.type as RedactionType }),
    },
  };
};

/**
 * A stored document completed with today's defaults, then validated: settings saved before a
 * key existed still read as a whole document. Stored values win; unknown keys are still refused.
 */
export const resolveSettings = (stored: unknown): OrganizationSettings => {
  if (stored === null || stored === undefined) return validateSettings(defaultSettings);
  const root = object(stored, '');
  return validateSettings({
    ...root,
    routing: resolvedRouting(object(root.routing ?? {}, '/routing')),
    pagination: { ...defaultSettings.pagination, ...object(root.pagination ?? {}, '/pagination') },
    lifecycle: { ...defaultSettings.lifecycle, ...object(root.lifecycle ?? {}, '/lifecycle') },
    intelligence: {
      bookmarks: {},
      ...object(root.intelligence ?? {}, '/intelligence'),
    },
    redaction: object(root.redaction ?? {}, '/redaction'),
  });
};

type Json = Record<string, unknown>;

// unavailableAgent is completed key by key too: a document that set only its action keeps it.
function resolvedRouting(routing: Json): Json {
  const stored = routing.unavailableAgent;
  const nested =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? { unavailableAgent: { ...defaultSettings.routing.unavailableAgent, ...stored } }
      : {};
  return { ...defaultSettings.routing, ...routing, ...nested };
}

function unavailableAgentSettings(value: unknown, path: string): UnavailableAgentSettings {
  const settings = object(value, path);
  onlyKeys(settings, path, ['action', 'graceMinutes', 'heartbeatLapseMinutes']);
  if (!(unavailableAgentActions as readonly unknown[]).includes(settings.action)) {
    fail(`${path}/action`, `must be one of ${unavailableAgentActions.map((a) => `"${a}"`).join(', ')}`);
  }
  return {
    action: settings.action as UnavailableAgentAction,
    graceMinutes: integer(settings.graceMinutes, `${path}/graceMinutes`, 0, maxAutoCloseMinutes),
    heartbeatLapseMinutes: integer(
      settings.heartbeatLapseMinutes,
      `${path}/heartbeatLapseMinutes`,
      1,
      maxHeartbeatLapseMinutes,
    ),
  };
}

function fail(path: string, rule: string): never {
  throw new DomainError('VALIDATION', `Settings value at "${path || '/'}" ${rule}.`, { field: path, path });
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  return value as Json;
}

function onlyKeys(value: Json, path: string, allowed: readonly string[]): void {
  const unknown = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    fail(`${path}/${escapePointer(unknown)}`, `is not a known setting (known: ${allowed.join(', ')})`);
  }
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

function integer(value: unknown, path: string, min: number, max: number, alternative?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `must be a whole number from ${min} to ${max}${alternative ? ` ${alternative}` : ''}`);
  }
  return value;
}

/**
 * The statuses counted toward an agent's load: OPEN and any of WAITING / SOLVED, each once,
 * returned in lifecycle order so equal lists compare equal. CLOSED is refused by name: a closed
 * conversation occupies nobody, and counting it would fill every agent for good.
 */
function statusList(value: unknown, path: string): CapacityStatus[] {
  if (!Array.isArray(value)) fail(path, `must be a list of statuses, e.g. ["OPEN"]`);
  value.forEach((status, index) => {
    if (status === 'CLOSED') {
      fail(
        `${path}/${index}`,
        'cannot be "CLOSED": closed conversations never count toward capacity; remove it',
      );
    }
    if (!(capacityStatuses as readonly unknown[]).includes(status)) {
      fail(`${path}/${index}`, `must be one of ${capacityStatuses.map((s) => `"${s}"`).join(', ')}`);
    }
    if (value.indexOf(status) !== index)
      fail(`${path}/${index}`, `repeats "${status}"; list each status once`);
  });
  if (!value.includes('OPEN'))
    fail(path, 'must include "OPEN": open conversations always count toward capacity');
  return capacityStatuses.filter((status) => value.includes(status));
}

/** RFC 6901: "~" and "/" inside a key are written "~0" and "~1". */
const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
