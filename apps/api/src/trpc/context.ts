import type { Database, PrismaClient } from '@switchboard/db';
import type { Authentication } from '../auth/authenticate';
import type { Logger } from '../logger';
import { defaultWebhookSettings, type WebhookSettings } from '../webhooks/settings';

/** Everything a procedure may use. Built by thin adapters: Express (tRPC + REST) and tests. */
export interface Context {
  db: Database;
  prisma: PrismaClient;
  logger: Logger;
  auth: Authentication;
  /** Slack user id the caller acts for (`x-acting-slack-user`), checked by protectedProcedure. */
  actingSlackUserId: string | undefined;
  requestId: string;
  /** Webhook target rules (private targets allowed?, DNS) for checking subscriptions' URLs. */
  webhooks: WebhookSettings;
  /** Aborted when the server stops: long-lived subscriptions (events.stream) end. */
  shutdown?: AbortSignal | undefined;
  /** The clock routing (working hours, heartbeats) and agent status changes read; tests set it. */
  now: () => Date;
}

export interface ContextOptions {
  db: Database;
  /** Instead of `db.prisma`: a transaction the whole request runs in. */
  prisma?: PrismaClient;
  logger: Logger;
  auth: Authentication;
  actingSlackUserId?: string | undefined;
  requestId?: string;
  webhooks?: WebhookSettings | undefined;
  shutdown?: AbortSignal | undefined;
  now?: (() => Date) | undefined;
}

const systemClock = () => new Date();

export function createContextInner(options: ContextOptions): Context {
  return {
    db: options.db,
    prisma: options.prisma ?? options.db.prisma,
    logger: options.logger,
    auth: options.auth,
    actingSlackUserId: options.actingSlackUserId,
    requestId: options.requestId ?? 'internal',
    webhooks: options.webhooks ?? defaultWebhookSettings,
    shutdown: options.shutdown,
    now: options.now ?? systemClock,
  };
}
