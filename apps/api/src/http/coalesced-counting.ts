import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

interface Waiting {
  points: number;
  resolve(outcome: RateLimiterRes): void;
  reject(reason: unknown): void;
}

/**
 * Counts a key's requests in the shared store (PostgreSQL or Redis) with one increment per round
 * trip instead of one per request: while the store is counting a key, the key's next requests
 * wait, and are then counted together, their points summed in one `consume`. Under load a busy
 * key costs one statement per store round trip, not one per request.
 *
 * Each request is still answered as if it had been counted alone, in arrival order: the store's
 * counter went from `consumed - total` to `consumed`, so the request whose share crosses the
 * limit, and every one after it, is refused, exactly as consecutive consumes would have been.
 * Nothing is counted ahead or held back in this process, so the limit stays exact across
 * processes and through a kill -9 (test/hardening/rate-limit-processes.test.ts).
 */
export class CoalescedCounting {
  /** Keys with a count in flight, and the requests that wait for the next one. */
  private readonly waiting = new Map<string, Waiting[]>();

  constructor(private readonly limiter: RateLimiterAbstract) {}

  consume(key: string, points: number): Promise<RateLimiterRes> {
    return new Promise((resolve, reject) => {
      const next = this.waiting.get(key);
      if (next) {
        next.push({ points, resolve, reject });
        return;
      }
      this.waiting.set(key, []);
      this.count(key, [{ points, resolve, reject }]);
    });
  }

  private count(key: string, batch: Waiting[]): void {
    const total = batch.reduce((sum, request) => sum + request.points, 0);
    this.limiter
      .consume(key, total)
      .then(
        (outcome) => shareOut(batch, total, outcome, this.limiter.points),
        (outcome: unknown) => {
          if (outcome instanceof RateLimiterRes) shareOut(batch, total, outcome, this.limiter.points);
          else for (const request of batch) request.reject(outcome);
        },
      )
      .finally(() => {
        const next = this.waiting.get(key) ?? [];
        if (next.length === 0) {
          this.waiting.delete(key);
          return;
        }
        this.waiting.set(key, []);
        this.count(key, next);
      });
  }
}

/** Answers each request of a counted batch with its own place in the window's count. */
function shareOut(batch: Waiting[], total: number, outcome: RateLimiterRes, limit: number): void {
  let consumed = outcome.consumedPoints - total;
  // A refusal that counted nothing (a key already blocked in memory until its window ends).
  if (consumed < 0) {
    for (const request of batch) request.reject(outcome);
    return;
  }
  batch.forEach((request, index) => {
    consumed += request.points;
    const share = new RateLimiterRes(
      Math.max(0, limit - consumed),
      outcome.msBeforeNext,
      consumed,
      index === 0 && outcome.isFirstInDuration,
    );
    if (consumed <= limit) request.resolve(share);
    else request.reject(share);
  });
}
