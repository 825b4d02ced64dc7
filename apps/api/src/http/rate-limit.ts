import { DomainError } from '@switchboard/core';
import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { sendError } from '../rest/send-error';
import type { AuthenticatedRequest } from '../trpc/express-context';
import { CoalescedCounting } from './coalesced-counting';
import { RATE_LIMIT_WINDOW_SECONDS } from './rate-limit-store';

/**
 * Requests per minute per principal: the credential's API key (tokens count against the key that
 * issued them), so neither new tokens, bodies, headers nor `organizationid` reset the budget.
 * Unauthenticated requests are limited per client address. Each procedure of a tRPC batch counts.
 * The counters are `limiter`'s (rate-limit-store.ts: shared by all API processes on PostgreSQL),
 * counted a key's concurrent requests at a time (coalesced-counting.ts).
 */
export function rateLimitPerPrincipal(perMinute: number, limiter: RateLimiterAbstract) {
  const counting = new CoalescedCounting(limiter);
  return async (req: Request, res: Response, next: NextFunction) => {
    let outcome: RateLimiterRes;
    try {
      outcome = await counting.consume(principalKey(req), batchSize(req.path));
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) return next(refusal);
      describeBudget(res, perMinute, refusal);
      const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      return sendError(
        res,
        new DomainError(
          'RATE_LIMITED',
          `Rate limit of ${perMinute} requests per minute exceeded; retry later.`,
          { retryAfterSeconds },
        ),
        req,
      );
    }
    describeBudget(res, perMinute, outcome);
    next();
  };
}

/** The IETF draft-7 headers (`RateLimit`, `RateLimit-Policy`), as express-rate-limit sent them. */
function describeBudget(res: Response, perMinute: number, outcome: RateLimiterRes): void {
  const reset = Math.max(0, Math.ceil(outcome.msBeforeNext / 1000));
  res.setHeader('RateLimit-Policy', `${perMinute};w=${RATE_LIMIT_WINDOW_SECONDS}`);
  res.setHeader('RateLimit', `limit=${perMinute}, remaining=${outcome.remainingPoints}, reset=${reset}`);
}

// A tRPC batch (`/trpc/a,b,c?batch=1`) runs one procedure per name in one HTTP request: each
// counts, or batching would multiply the budget by the batch size. tRPC decodes the path before
// splitting it at commas, so `%2C` separates procedures too.
function batchSize(path: string): number {
  if (!path.startsWith('/trpc/')) return 1;
  try {
    return decodeURIComponent(path).split(',').length;
  } catch {
    return path.split(',').length;
  }
}

function principalKey(req: Request): string {
  const auth = (req as AuthenticatedRequest).auth;
  if (auth?.kind === 'principal') return `key:${auth.principal.apiKeyId}`;
  if (auth?.kind === 'admin') return 'admin';
  return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}
