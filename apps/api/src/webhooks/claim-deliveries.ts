import { Prisma, type PrismaClient } from '@switchboard/db';

/** A claimed attempt: the delivery, where it goes, how to sign it, and the exact body. */
export interface ClaimedDelivery {
  id: string;
  organizationId: string;
  subscriptionId: string;
  eventId: string;
  /** The attempt number this claim is (1 for the first); the result is written only for it. */
  attempts: number;
  firstAttemptAt: Date;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  body: string;
}

/**
 * Claims due deliveries: at most `room[subscriptionId]` (default `perSubscription`) of each
 * subscription, oldest first, `limit` in all. A claim counts the attempt and pushes
 * `nextAttemptAt` past the moment the attempt will have ended (a lease): the claimer sends a
 * subscription's deliveries `lease.concurrency` at a time after the ones it already holds, so a
 * delivery at position p of that line has ended by ceil(p / concurrency) attempts of
 * `lease.attemptMs`, plus `lease.marginMs`. Another process skips the row (locked now, not due
 * after commit), and if this process dies the row is due again when its lease ends — a duplicate
 * after a crash, with the same webhook-id, never a lost delivery.
 */
export async function claimDeliveries(
  prisma: PrismaClient,
  options: {
    now: Date;
    lease: { attemptMs: number; marginMs: number; concurrency: number };
    room: Record<string, number>;
    perSubscription: number;
    limit: number;
  },
): Promise<ClaimedDelivery[]> {
  const { now, lease, room, perSubscription, limit } = options;
  const roomOf = Prisma.sql`COALESCE((${JSON.stringify(room)}::jsonb ->> r."subscriptionId")::int, ${perSubscription})`;
  // Each step touches as few rows as it can (the embedded database plans without statistics):
  // the due rows are ranked from their index alone; only the chosen few are joined to their
  // subscription and event, then locked and claimed by primary key.
  return prisma.$queryRaw<ClaimedDelivery[]>(Prisma.sql`
    WITH "ranked" AS (
      SELECT d."id", d."subscriptionId", d."eventId", d."nextAttemptAt",
        row_number() OVER (PARTITION BY d."subscriptionId" ORDER BY d."nextAttemptAt", d."eventSequence") AS "rank"
      FROM "WebhookDelivery" d
      WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now}
    ),
    "chosen" AS (
      -- The place in the claimer's line for its subscription: after the ones it already holds.
      SELECT r."id", ${perSubscription} - ${roomOf} + r."rank" AS "position" FROM "ranked" r
      JOIN "WebhookSubscription" s ON s."id" = r."subscriptionId" AND s."enabled"
      WHERE r."rank" <= ${roomOf}
        -- An event past the log's retention can no longer be sent; its delivery is never claimed.
        AND EXISTS (SELECT 1 FROM "Event" e WHERE e."id" = r."eventId")
      -- Each subscription's oldest due delivery before anyone's second: a backlog of one
      -- subscription (a dead receiver's retries) never crowds out another's when \`limit\` binds.
      ORDER BY r."rank", r."nextAttemptAt"
      LIMIT ${limit}
    ),
    "locked" AS (
      SELECT d."id", c."position" FROM "chosen" c
      JOIN "WebhookDelivery" d ON d."id" = c."id"
      WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "WebhookDelivery" d SET
      "attempts" = d."attempts" + 1,
      "nextAttemptAt" = ${now}::timestamp + make_interval(secs => (
        ceil(l."position"::numeric / ${lease.concurrency}) * ${lease.attemptMs} + ${lease.marginMs}) / 1000.0),
      "firstAttemptAt" = COALESCE(d."firstAttemptAt", ${now}),
      "lastAttemptAt" = ${now},
      "updatedAt" = ${now}
    FROM "locked" l, "WebhookSubscription" s, "Event" e
    WHERE d."id" = l."id" AND s."id" = d."subscriptionId" AND e."id" = d."eventId"
    RETURNING d."id", d."organizationId", d."subscriptionId", d."eventId", d."attempts", d."firstAttemptAt",
      s."url", s."secret", s."previousSecret", s."previousSecretExpiresAt", e."payload"::text AS "body"`);
}
