import { DomainError } from '@switchboard/core';
import type { Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sendError } from '../rest/send-error';
import type { AuthenticatedRequest } from '../trpc/express-context';

/**
 * Requests per minute per principal: the credential's API key (tokens count against the key that
 * issued them), so neither new tokens, bodies, headers nor `organizationid` reset the budget.
 * Unauthenticated requests are limited per client address.
 */
export function rateLimitPerPrincipal(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req: Request) => {
      const auth = (req as AuthenticatedRequest).auth;
      if (auth?.kind === 'principal') return `key:${auth.principal.apiKeyId}`;
      if (auth?.kind === 'admin') return 'admin';
      return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
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
}
