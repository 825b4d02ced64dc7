import type { ConversationFacts, Priority } from '../conversation/types';

/**
 * A routing rule as this module sees it. The caller compiles the route's criteria into
 * `matches`, so routing decisions do not depend on the criteria language (and can be tested
 * with plain functions). `criteria`, when given, is only quoted in explanations.
 */
export interface RouteRule<Facts = ConversationFacts> {
  id: string;
  name: string;
  queueId: string;
  priority: number;
  enabled: boolean;
  matches: (facts: Facts) => boolean;
  criteria?: string;
  /** The rule as written in Infobip's JSON syntax, when it was; quoted beside its RSQL. */
  writtenExpression?: string;
  /** The priority the conversation takes when this rule routes it (Infobip's rule `priority`). */
  conversationPriority?: Priority | null;
  /** Infobip's `routeOnlyDuringWorkingHours`: outside working hours the rule is skipped. */
  onlyDuringWorkingHours?: boolean;
}

export type RouteOutcome =
  | 'MATCHED'
  | 'NOT_MATCHED'
  | 'DISABLED'
  | 'OUTSIDE_WORKING_HOURS'
  | 'SKIPPED_AFTER_MATCH';
export type RouteReason = 'ROUTE_MATCHED' | 'DEFAULT_QUEUE' | 'NO_MATCH';

export interface RouteTraceStep {
  routeId: string;
  name: string;
  outcome: RouteOutcome;
  explanation: string;
}

export interface RouteDecision {
  queueId: string | null;
  routeId: string | null;
  reason: RouteReason;
  /** The priority the matched rule gives the conversation; null when it keeps its own. */
  conversationPriority: Priority | null;
  /** One sentence for people (Slack replies, `routing.simulate`). */
  explanation: string;
  /** Every route in the order it was considered, with why it did or did not decide. */
  trace: RouteTraceStep[];
}

/** Routes in the order they are tried: ascending priority, ties kept in the given order. */
export const orderRoutes = <R extends { priority: number }>(routes: readonly R[]): R[] =>
  routes
    .map((route, index) => ({ route, index }))
    .sort((a, b) => a.route.priority - b.route.priority || a.index - b.index)
    .map(({ route }) => route);

/**
 * Picks the queue for a conversation: the first enabled route (by priority) whose criteria
 * match; otherwise the default queue from settings; otherwise none.
 *
 * A route whose predicate throws (criteria stored before a field was retired, say) counts as
 * not matching, with the error in its explanation: one broken rule must not stop every
 * conversation from being routed, and the trace shows which rule to fix.
 */
export const decideRoute = <Facts = ConversationFacts>(
  routes: readonly RouteRule<Facts>[],
  facts: Facts,
  options: {
    defaultQueueId: string | null;
    /**
     * Whether it is working time now for a rule's queue (core isWithinWorkingHours on the queue's
     * calendar, at the caller's clock); one boolean when every queue follows the same calendar.
     * Rules marked onlyDuringWorkingHours are skipped when false. Default true.
     */
    withinWorkingHours?: boolean | ((queueId: string) => boolean);
  },
): RouteDecision => {
  const hours = options.withinWorkingHours ?? true;
  const withinWorkingHours = typeof hours === 'boolean' ? () => hours : hours;
  const trace: RouteTraceStep[] = [];
  let winner: RouteRule<Facts> | null = null;

  for (const route of orderRoutes(routes)) {
    const step = (outcome: RouteOutcome, explanation: string) =>
      trace.push({ routeId: route.id, name: route.name, outcome, explanation });
    const label = `Route "${route.name}" (priority ${route.priority})`;
    const criteria =
      route.criteria === undefined
        ? 'its criteria'
        : route.writtenExpression === undefined
          ? `criteria \`${route.criteria}\``
          : `expression \`${route.writtenExpression}\` (RSQL \`${route.criteria}\`)`;

    if (!route.enabled) {
      step('DISABLED', `${label} is disabled and was not tried.`);
    } else if (winner) {
      step('SKIPPED_AFTER_MATCH', `${label} was not tried: route "${winner.name}" matched first.`);
    } else if (route.onlyDuringWorkingHours && !withinWorkingHours(route.queueId)) {
      step(
        'OUTSIDE_WORKING_HOURS',
        `${label} routes only during working hours and it is outside its queue's hours now.`,
      );
    } else {
      const result = evaluate(route, facts);
      if (result === true) {
        winner = route;
        step('MATCHED', `${label} matched ${criteria}; queue ${route.queueId}.`);
      } else if (result === false) {
        step('NOT_MATCHED', `${label} did not match ${criteria}.`);
      } else {
        step('NOT_MATCHED', `${label} could not be evaluated (${result.message}); treated as not matching.`);
      }
    }
  }

  if (winner) {
    return {
      queueId: winner.queueId,
      routeId: winner.id,
      reason: 'ROUTE_MATCHED',
      conversationPriority: winner.conversationPriority ?? null,
      explanation: `Matched route "${winner.name}"; routed to queue ${winner.queueId}.`,
      trace,
    };
  }
  if (options.defaultQueueId !== null) {
    return {
      queueId: options.defaultQueueId,
      routeId: null,
      reason: 'DEFAULT_QUEUE',
      conversationPriority: null,
      explanation: `No route matched; routed to the default queue ${options.defaultQueueId}.`,
      trace,
    };
  }
  return {
    queueId: null,
    routeId: null,
    reason: 'NO_MATCH',
    conversationPriority: null,
    explanation: 'No route matched and no default queue is set; the conversation stays unqueued.',
    trace,
  };
};

const evaluate = <Facts>(route: RouteRule<Facts>, facts: Facts): boolean | Error => {
  try {
    return route.matches(facts) === true;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
};
