import type { AnyMiddlewareArgs, Logger, Middleware } from '@slack/bolt';
import { ExpiringSet } from './expiring-set';

/**
 * One key per delivery that a retry repeats unchanged: Slack re-sends an event with the same
 * `event_id` (and an `x-slack-retry-num` header) when the first answer was late, and a client can
 * re-send an interactive payload. A click is identified by who clicked what, when (`action_ts`),
 * and its `trigger_id`; a slash command by its user and `trigger_id`.
 */
export function deliveryKey(body: Record<string, unknown>): string | undefined {
  if (typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.command === 'string' && typeof body.trigger_id === 'string') {
    return `command:${String(body.user_id)}:${body.trigger_id}`;
  }
  if (body.type === 'block_actions') {
    const user = (body.user as { id?: unknown } | undefined)?.id;
    const action = (body.actions as { action_id?: unknown; action_ts?: unknown }[] | undefined)?.[0];
    if (action && typeof action.action_ts === 'string') {
      return `action:${String(user)}:${String(action.action_id)}:${action.action_ts}:${String(body.trigger_id ?? '')}`;
    }
  }
  if (typeof body.trigger_id === 'string' && typeof body.type === 'string') {
    const user = (body.user as { id?: unknown } | undefined)?.id;
    return `${body.type}:${String(user)}:${body.trigger_id}`;
  }
  return undefined;
}

/** True for the first caller of a key across every bot process (the API's slack.claimOnce). */
export type ClaimDelivery = (key: string) => Promise<boolean>;

/**
 * Deliveries whose listeners acknowledge with an empty answer: they are acknowledged before the
 * API is asked, so the ack never waits for a round trip to a busy API (Slack gives 3 s, and a
 * repeat is acknowledged anyway). Modal submissions and option requests answer in their ack, so
 * theirs stays with the listener. Needs the ack-once app (security/ack-once-app.ts).
 */
function acksEmpty(body: Record<string, unknown>): boolean {
  return (
    typeof body.command === 'string' ||
    body.type === 'block_actions' ||
    body.type === 'shortcut' ||
    body.type === 'message_action'
  );
}

/**
 * Global middleware: a delivery already seen is acknowledged and dropped, so a retried click or
 * event runs its action once. Keys are claimed through the API, so a retry that reaches another
 * bot process, or this one after a restart, is recognised too; a process remembers its own keys
 * as well, which spares the API call for the common retry of a slow answer. If the API cannot be
 * asked, the delivery runs (running twice is the lesser harm than dropping it).
 */
export function dedupeDeliveries(
  claim: ClaimDelivery,
  options: { maxEntries?: number; ttlMs?: number; claimTimeoutMs?: number } = {},
): Middleware<AnyMiddlewareArgs> {
  const seen = new ExpiringSet(options.maxEntries ?? 10_000, options.ttlMs ?? 10 * 60_000);
  const claimTimeoutMs = options.claimTimeoutMs ?? 500;
  return async (args) => {
    const body = args.body as unknown as Record<string, unknown>;
    const key = deliveryKey(body);
    if (key === undefined) return args.next();
    const ack = 'ack' in args && typeof args.ack === 'function' ? args.ack : undefined;
    const ackedEarly = ack !== undefined && acksEmpty(body);
    if (ackedEarly) await ack();
    if (!(seen.addIfNew(key) && (await firstClaim(claim, key, claimTimeoutMs, args.logger)))) {
      args.logger.info(
        `Dropped a repeated delivery (${key.split(':')[0]}, retry ${args.context.retryNum ?? 0})`,
      );
      if (ack && !ackedEarly) await ack();
      return;
    }
    await args.next();
  };
}

async function firstClaim(
  claim: ClaimDelivery,
  key: string,
  timeoutMs: number,
  logger: Logger,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([claim(key), late]);
  } catch (error) {
    logger.warn(
      `Could not check delivery ${key} with the API (${error instanceof Error ? error.message : error}); running it`,
    );
    return true;
  } finally {
    clearTimeout(timer);
  }
}
