import type { ConversationStatus } from '../conversation/types';
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
    /**
     * The statuses of an agent's conversations that count toward its capacity. OPEN always
     * counts; WAITING and SOLVED may; CLOSED never does (a closed conversation needs nobody).
     */
    capacityStatuses: CapacityStatus[];
    /**
     * What happens to an agent's OPEN conversations once the agent is unavailable (AWAY or
     * INVISIBLE — disabled agents are INVISIBLE — or, for an agent that ever sent a heartbeat, no
     * heartbeat for `heartbeatLapseMinutes`): kept, or after `graceMinutes` unassigned and routed
     * again. BUSY agents are present: they keep their conversations and get no new ones.
     */
    unavailableAgent: UnavailableAgentSettings;
  };
  lifecycle: {
    /** A SOLVED conversation not updated for this many minutes is closed; null never closes it. */
    autoCloseSolvedAfterMinutes: number | null;
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

/** The statuses that may count toward an agent's load, in their lifecycle order. */
export const capacityStatuses = [
  'OPEN',
  'WAITING',
  'SOLVED',
] as const satisfies readonly ConversationStatus[];
export type CapacityStatus = (typeof capacityStatuses)[number];

export const unavailableAgentActions = ['reroute', 'keep'] as const;
export type UnavailableAgentAction = (typeof unavailableAgentActions)[number];

export interface UnavailableAgentSettings {
  action: UnavailableAgentAction;
  /** How long an agent may be unavailable before its conversations move (0: at the next run). */
  graceMinutes: number;
  /** An agent that sends heartbeats and sent none for this long is unavailable. */
  heartbeatLapseMinutes: number;
}

/** A heartbeat lapse longer than a day is not a lapse anyone waits for. */
export const maxHeartbeatLapseMinutes = 24 * 60;

/** Auto-close waits at most a year: a longer wait is a typo, not a policy. */
export const maxAutoCloseMinutes = 366 * 24 * 60;

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
    // Only conversations that need the agent now: WAITING ones wait for the customer and
    // SOLVED ones for nothing, so counting them fills agents up silently.
    capacityStatuses: Object.freeze(['OPEN']),
    // A customer should not wait on an agent who left; a quarter of an hour covers a short break
    // or a reconnect, and an Infobip client heartbeats far more often than every five minutes.
    unavailableAgent: Object.freeze({ action: 'reroute', graceMinutes: 15, heartbeatLapseMinutes: 5 }),
  }),
  lifecycle: Object.freeze({ autoCloseSolvedAfterMinutes: null }),
  pagination: Object.freeze({ defaultPageSize: 20, maxPageSize: 100 }),
  intelligence: Object.freeze({ bookmarks: Object.freeze({}) }),
  redaction: Object.freeze({}),
}) as OrganizationSettings;
