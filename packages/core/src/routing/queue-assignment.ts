import type { AssignmentStrategy } from './choose-agent';

/** Infobip's queue auto-assignment algorithms (a queue field, as its agent statuses are agent fields). */
export const autoAssignmentAlgorithms = ['LOAD_BALANCING', 'ROUND_ROBIN', 'PERFORMANCE_BASED'] as const;
export type AutoAssignmentAlgorithm = (typeof autoAssignmentAlgorithms)[number];

/**
 * The strategy each algorithm runs as. Load balancing gives the conversation to the member with
 * the fewest open ones (least_busy); PERFORMANCE_BASED needs agent performance data Switchboard
 * does not keep, so such a queue assigns by the organization's strategy.
 */
const strategyOf: Record<AutoAssignmentAlgorithm, AssignmentStrategy | null> = {
  LOAD_BALANCING: 'least_busy',
  ROUND_ROBIN: 'round_robin',
  PERFORMANCE_BASED: null,
};

const algorithmOf: Record<AssignmentStrategy, AutoAssignmentAlgorithm> = {
  least_busy: 'LOAD_BALANCING',
  round_robin: 'ROUND_ROBIN',
};

/** The algorithm a queue answers: its own, or (none set) the one the organization's strategy is. */
export const effectiveAlgorithm = (
  own: AutoAssignmentAlgorithm | null,
  organizationStrategy: AssignmentStrategy,
): AutoAssignmentAlgorithm => own ?? algorithmOf[organizationStrategy];

/** A queue's own auto-assignment fields (Infobip's queue model). */
export interface QueueAssignmentSettings {
  autoAssignmentEnabled: boolean;
  /** False: nothing is auto-assigned while the queue's calendar is closed. */
  autoAssignmentOutsideOfWorkingHours: boolean;
  /** Null: the organization's strategy. */
  algorithm: AutoAssignmentAlgorithm | null;
}

export type QueueAssignmentDecision =
  | { assign: true; strategy: AssignmentStrategy }
  | { assign: false; reason: 'QUEUE_AUTO_ASSIGN_OFF' | 'OUTSIDE_WORKING_HOURS'; explanation: string };

/** Whether the working hours decide (the caller reads the queue's calendar only then). */
export const assignmentNeedsWorkingHours = (queue: QueueAssignmentSettings): boolean =>
  queue.autoAssignmentEnabled && !queue.autoAssignmentOutsideOfWorkingHours;

/**
 * Whether the queue's conversations are auto-assigned now, and by which strategy.
 * `withinWorkingHours` is the queue's calendar at the caller's clock (any value when
 * assignmentNeedsWorkingHours is false).
 */
export const decideQueueAssignment = (
  queue: QueueAssignmentSettings,
  organizationStrategy: AssignmentStrategy,
  withinWorkingHours: boolean,
): QueueAssignmentDecision => {
  if (!queue.autoAssignmentEnabled) {
    return {
      assign: false,
      reason: 'QUEUE_AUTO_ASSIGN_OFF',
      explanation: "The queue's auto-assignment is off (isAutoAssignmentEnabled).",
    };
  }
  if (assignmentNeedsWorkingHours(queue) && !withinWorkingHours) {
    return {
      assign: false,
      reason: 'OUTSIDE_WORKING_HOURS',
      explanation:
        "It is outside the queue's working hours and the queue does not auto-assign then (isAutoAssignmentOutsideOfWorkingHoursEnabled).",
    };
  }
  const own = queue.algorithm ? strategyOf[queue.algorithm] : null;
  return { assign: true, strategy: own ?? organizationStrategy };
};
