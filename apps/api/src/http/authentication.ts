import type { PrismaClient } from '@switchboard/db';
import type { NextFunction, Response } from 'express';
import { authenticate } from '../auth/authenticate';
import { hashSecret } from '../auth/secrets';
import type { AuthenticatedRequest } from '../trpc/express-context';

/**
 * Resolves the credential once per request; rate limits, idempotency and procedures read `req.auth`.
 * `headersDistinct` keeps repeated headers apart (Node keeps only the first `Authorization`), so
 * two different credentials are seen and refused.
 */
export function authentication(prisma: PrismaClient, adminApiKey: string | undefined) {
  const adminKeyHash = adminApiKey ? hashSecret(adminApiKey) : undefined;
  return async (req: AuthenticatedRequest, _res: Response, next: NextFunction) => {
    try {
      req.auth = await authenticate(prisma, req.headersDistinct, { adminKeyHash });
      next();
    } catch (error) {
      next(error);
    }
  };
}
