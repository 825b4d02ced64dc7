import type { Database, PrismaClient } from '@switchboard/db';
import type { Authentication } from '../auth/authenticate';
import type { Logger } from '../logger';

/** Everything a procedure may use. Built by thin adapters: Express (tRPC + REST) and tests. */
export interface Context {
  db: Database;
  prisma: PrismaClient;
  logger: Logger;
  auth: Authentication;
  /** Slack user id the caller acts for (`x-acting-slack-user`), checked by protectedProcedure. */
  actingSlackUserId: string | undefined;
  requestId: string;
  /** Aborted when the server stops: long-lived subscriptions (events.stream) end. */
  shutdown?: AbortSignal | undefined;
}

export interface ContextOptions {
  db: Database;
  logger: Logger;
  auth: Authentication;
  actingSlackUserId?: string | undefined;
  requestId?: string;
  shutdown?: AbortSignal | undefined;
}

export function createContextInner(options: ContextOptions): Context {
  return {
    db: options.db,
    prisma: options.db.prisma,
    logger: options.logger,
    auth: options.auth,
    actingSlackUserId: options.actingSlackUserId,
    requestId: options.requestId ?? 'internal',
    shutdown: options.shutdown,
  };
}
