import type { PrismaClient, SqlReads } from '@switchboard/db';
import type { Actor } from '../auth/principal';
import type { Logger } from '../logger';

/** What a service needs to act for a caller: the tenant it is confined to and who is acting. */
export interface ServiceContext {
  prisma: PrismaClient;
  organizationId: string;
  actor: Actor;
  requestId: string;
  logger: Logger;
  /**
   * The clock routing reads working hours and heartbeats by, and agent status changes are stamped
   * with; the system's when absent (Slack, workers).
   */
  now?: () => Date;
}

/**
 * What a read of a caller's data needs: Prisma, the tenant, and the direct reads for its single
 * raw reads (the request context's `reads`: the driver itself, or the request's transaction).
 */
export type ReadContext = Pick<ServiceContext, 'prisma' | 'organizationId'> & { reads: SqlReads };
