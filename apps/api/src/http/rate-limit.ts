import { DomainError } from '@switchboard/core';
import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';
import { sendError } from '../rest/send-error';
import type { AuthenticatedRequest } from '../trpc/express-context';

/**
 * Requests per minute per principal: the credential's API key (tokens count against the key that
 * issued them), so neither new tokens, bodies, headers nor `organizationid` reset the budget.
 * Unauthenticated requests are limited per client address. Each procedure of a tRPC batch counts.
 */
export function rateLimitPerPrincipal(perMinute: number) {
  const store = new MemoryStore();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store,
    keyGenerator: principalKey,
    handler: (req: Request, res: Response, _next, options) => {
      // Seconds until this principal's window resets, not the whole window.
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfterSeconds = resetTime
        ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000))
        : Math.ceil(options.windowMs / 1000);
      sendError(
        res,
        new DomainError(
          'RATE_LIMITED',
          `Rate limit of ${perMinute} requests per minute exceeded; retry later.`,
          {
            retryAfterSeconds,
          },
        ),
        req,
      );
    },
  });
  // A tRPC batch (`/trpc/a,b,c?batch=1`) runs one procedure per name in one HTTP request: each
  // counts, or batching would multiply the budget by the batch size.
  return async (req: Request, res: Response, next: NextFunction) => {
    const calls = batchSize(req.path);
    for (let extra = 1; extra < calls; extra++) await store.increment(principalKey(req));
    return limiter(req, res, next);
  };
}

// tRPC decodes the path before splitting it at commas, so `%2C` separates procedures too.
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
