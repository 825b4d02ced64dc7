import type { Database, PrismaClient, SqlReads } from '@switchboard/db';
import type { Authentication } from '../auth/authenticate';
import type { RequestTransaction } from '../http/joined-transaction';
import type { Logger } from '../logger';
import { defaultWebhookSettings, type WebhookSettings } from '../webhooks/settings';

/** Everything a procedure may use. Built by thin adapters: Express (tRPC + REST) and tests. */
export interface Context {
  db: Database;
  prisma: PrismaClient;
  /**
   * For a procedure's single raw reads: the database's direct reads (`Database.reads`, less than
   * half Prisma's CPU), or the request's transaction when the whole request runs in one, so the
   * read sees its writes.
   */
  reads: SqlReads;
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
  /**
   * Runs work that must see the request's changes committed (draining queues, forgetting changed
   * credentials): at once, or, when the request runs in one transaction, once that commits.
   */
  afterCommit: (work: () => Promise<void>) => Promise<void>;
}

export interface ContextOptions {
  db: Database;
  /** Instead of `db.prisma`: a transaction the whole request runs in. */
  transaction?: RequestTransaction;
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
    prisma: options.transaction?.client ?? options.db.prisma,
    reads: options.transaction?.client ?? options.db.reads,
    logger: options.logger,
    auth: options.auth,
    actingSlackUserId: options.actingSlackUserId,
    requestId: options.requestId ?? 'internal',
    webhooks: options.webhooks ?? defaultWebhookSettings,
    shutdown: options.shutdown,
    now: options.now ?? systemClock,
    afterCommit: afterCommitOf(options.transaction),
  };
}

function afterCommitOf(transaction: RequestTransaction | undefined): Context['afterCommit'] {
  if (!transaction) return (work) => work();
  return async (work) => {
    transaction.afterCommit.push(work);
  };
}
