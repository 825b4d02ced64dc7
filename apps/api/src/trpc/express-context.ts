import type { Database } from '@switchboard/db';
import type { Request } from 'express';
import type { Authentication } from '../auth/authenticate';
import type { Logger } from '../logger';
import { type Context, createContextInner } from './context';

/** Set on every request by the authentication middleware, before tRPC or REST see it. */
export interface AuthenticatedRequest extends Request {
  auth?: Authentication;
}

export const actingUserHeader = 'x-acting-slack-user';

export function contextFromRequest(
  req: AuthenticatedRequest,
  deps: { db: Database; logger: Logger; shutdown?: AbortSignal | undefined },
): Context {
  const acting = req.headers[actingUserHeader];
  return createContextInner({
    db: deps.db,
    logger: deps.logger,
    auth: req.auth ?? { kind: 'anonymous' },
    actingSlackUserId: typeof acting === 'string' && acting !== '' ? acting : undefined,
    requestId: String(req.id ?? 'unknown'),
    shutdown: deps.shutdown,
  });
}
