import type { AssignmentStrategy } from '../routing/choose-agent';

/**
 * An organization's settings document (Symbl's "user settings"): read whole with GET, changed
 * with an RFC 6902 JSON Patch, and validated whole after the patch is applied.
 */
export interface OrganizationSettings {
  routing: {
    /** How an agent is picked among the queue's ACTIVE members with free capacity. */
    strategy: AssignmentStrategy;
    /** Queue for conversations no route matches; null leaves them unqueued. */
    defaultQueueId: string | null;
    /** Route every new conversation that was created without an explicit queue. */
    autoRouteOnCreate: boolean;
    /** After routing, assign an agent from the queue. */
    autoAssign: boolean;
  };
  pagination: {
    defaultPageSize: number;
    maxPageSize: number;
  };
  /**
   * Symbl's documented user settings. Only what was configured is present (Symbl's GET answers
   * only configured settings); the parent objects always exist, so `add` works on the leaves.
   */
  intelligence: {
    bookmarks: {
      /** Default bookmark duration, in seconds. */
      duration?: number;
    };
  };
  redaction: {
    /** Whether redaction is on by default. */
    default?: boolean;
    /** `default` replaces a redacted entity with its name, `obfuscation` with asterisks. */
    type?: RedactionType;
  };
}

export const redactionTypes = ['default', 'obfuscation'] as const;
export type RedactionType = (typeof redactionTypes)[number];

/** A bookmark longer than a day is not a bookmark: the bound keeps the value sane. */
export const maxBookmarkSeconds = 24 * 60 * 60;

/** The hard ceiling for `pagination.maxPageSize`: larger pages are a memory risk, not a setting. */
export const maxPageSizeCeiling = 1000;

/**
 * Routing and assignment are on by default: with no routes and no default queue they do
 * nothing, and once an admin adds routes they work without a second switch to find.
 */
export const defaultSettings: OrganizationSettings = Object.freeze({
  routing: Object.freeze({
    strategy: 'round_robin',
    defaultQueueId: null,
    autoRouteOnCreate: true,
    autoAssign: true,
  }),
  pagination: Object.freeze({ defaultPageSize: 20, maxPageSize: 100 }),
  intelligence: Object.freeze({ bookmarks: Object.freeze({}) }),
  redaction: Object.freeze({}),
}) as OrganizationSettings;
