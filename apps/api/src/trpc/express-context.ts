import type { Database } from '@switchboard/db';
import type { Request } from 'express';
import type { Authentication } from '../auth/authenticate';
import type { RequestTransaction } from '../http/joined-transaction';
import type { Logger } from '../logger';
import type { WebhookSettings } from '../webhooks/settings';
import { type Context, createContextInner } from './context';

/** Set on every request by the authentication middleware, before tRPC or REST see it. */
export interface AuthenticatedRequest extends Request {
  auth?: Authentication;
  /** Set when the request runs in one transaction (./http/idempotency): procedures use it. */
  transaction?: RequestTransaction;
}

export const actingUserHeader = 'x-acting-slack-user';

export function contextFromRequest(
  req: AuthenticatedRequest,
  deps: {
    db: Database;
    logger: Logger;
    webhooks?: WebhookSettings | undefined;
    shutdown?: AbortSignal | undefined;
    now?: (() => Date) | undefined;
  },
): Context {
  const acting = req.headers[actingUserHeader];
  return createContextInner({
    db: deps.db,
    ...(req.transaction ? { transaction: req.transaction } : {}),
    logger: deps.logger,
    auth: req.auth ?? { kind: 'anonymous' },
    actingSlackUserId: typeof acting === 'string' && acting !== '' ? acting : undefined,
    requestId: String(req.id ?? 'unknown'),
    webhooks: deps.webhooks,
    shutdown: deps.shutdown,
    now: deps.now,
  });
}
