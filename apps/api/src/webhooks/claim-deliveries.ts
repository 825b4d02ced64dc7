import { Prisma, type PrismaClient } from '@switchboard/db';

/** A claimed attempt: the delivery, where it goes, how to sign it, and the exact body. */
export interface ClaimedDelivery {
  id: string;
  organizationId: string;
  subscriptionId: string;
  eventId: string;
  /** The attempt number this claim is (1 for the first); the result is written only for it. */
  attempts: number;
  /** The delivery's replay count when claimed: a replay since then makes the result stale. */
  replays: number;
  firstAttemptAt: Date;
  /** When this attempt was claimed: the attempt's time, as the result write records it. */
  lastAttemptAt: Date;
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
export function claimDeliveries(prisma: PrismaClient, options: ClaimOptions): Promise<ClaimedDelivery[]> {
  return prisma.$queryRaw<ClaimedDelivery[]>(claimSql(options));
}

export interface ClaimOptions {
  now: Date;
  /**
   * Null: no lease is written, the rows are only read (the embedded database, whose one process
   * is the only claimer: see dispatch-policy.ts). The claim then skips `held`, the deliveries
   * this claimer has and whose results are not written yet, and answers the attempt number and
   * times the result write records (recordDeliveries, recordAttempt).
   */
  lease: { attemptMs: number; marginMs: number; concurrency: number } | null;
  held?: readonly string[];
  room: Record<string, number>;
  perSubscription: number;
  limit: number;
}

/** The claim statement (a test reads its plan). */
export function claimSql(options: ClaimOptions): Prisma.Sql {
  const { now, lease, room, perSubscription, limit } = options;
  const held = lease ? Prisma.empty : Prisma.sql`AND d."id" <> ALL (${options.held ?? []}::text[])`;
  const roomOf = Prisma.sql`COALESCE((${JSON.stringify(room)}::jsonb ->> s."id")::int, ${perSubscription})`;
  // Each step touches as few rows as it can (the embedded database plans without statistics):
  // each enabled subscription's due deliveries are read in send order from the claim index and
  // the read stops at its room, so a claim costs the rows it may take, however many are due;
  // only the chosen few are checked against the event log, then locked and claimed by primary key.
  return Prisma.sql`
    WITH "ranked" AS (
      SELECT r.*, ${roomOf} AS "room",
        s."url", s."secret", s."previousSecret", s."previousSecretExpiresAt"
      FROM "WebhookSubscription" s
      CROSS JOIN LATERAL (
        SELECT d."id", d."subscriptionId", d."eventId", d."nextAttemptAt", d."organizationId", d."attempts",
          d."replays", d."firstAttemptAt", row_number() OVER (ORDER BY d."nextAttemptAt", d."eventSequence") AS "rank"
        FROM "WebhookDelivery" d
        WHERE d."subscriptionId" = s."id" AND d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now} ${held}
        ORDER BY d."nextAttemptAt", d."eventSequence"
        LIMIT GREATEST(${roomOf}, 0)
      ) r
      WHERE s."enabled"
    ),
    "chosen" AS (
      -- The place in the claimer's line for its subscription: after the ones it already holds.
      SELECT r.*, ${perSubscription} - r."room" + r."rank" AS "position" FROM "ranked" r
      -- An event past the log's retention can no longer be sent; its delivery is never claimed.
      -- (OFFSET 0 keeps it a lookup per chosen row, never a join planned as a scan of the log.)
      WHERE EXISTS (SELECT 1 FROM "Event" e WHERE e."id" = r."eventId" OFFSET 0)
      -- Each subscription's oldest due delivery before anyone's second: a backlog of one
      -- subscription (a dead receiver's retries) never crowds out another's when \`limit\` binds.
      ORDER BY r."rank", r."nextAttemptAt"
      LIMIT ${limit}
    ),
    ${lease ? leasedClaim(now, lease) : readClaim(now)}
    -- In line order: the claimer sends each subscription's deliveries in the order their leases assume.
    SELECT c."id", c."organizationId", c."subscriptionId", c."eventId", c."attempts", c."replays", c."firstAttemptAt",
      c."lastAttemptAt", c."url", c."secret", c."previousSecret", c."previousSecretExpiresAt", c."body"
    FROM "claimed" c ORDER BY c."subscriptionId", c."position"`;
}

/** Each chosen row locked, and its lease and attempt written (the rows another claimer skips). */
function leasedClaim(now: Date, lease: NonNullable<ClaimOptions['lease']>): Prisma.Sql {
  return Prisma.sql`
    "locked" AS (
      -- Row by row from the chosen ones (a lateral lookup by primary key), never a scan of the
      -- due deliveries that a planner without statistics may prefer.
      SELECT d."id", c."position" FROM "chosen" c
      CROSS JOIN LATERAL (
        SELECT d."id" FROM "WebhookDelivery" d
        WHERE d."id" = c."id" AND d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now}
        FOR UPDATE SKIP LOCKED
      ) d
    ),
    -- Each locked row's position, read once into a map: a lookup of the CTE per updated row
    -- would scan it whole, quadratic in the rows claimed (190 at a time on the embedded database).
    "positions" AS (SELECT jsonb_object_agg(l."id", l."position") AS "of" FROM "locked" l),
    "claimed" AS (
      UPDATE "WebhookDelivery" d SET
        "attempts" = d."attempts" + 1,
        "nextAttemptAt" = ${now}::timestamp + make_interval(secs => (
          ceil(((SELECT p."of" FROM "positions" p) ->> d."id")::numeric / ${lease.concurrency})
            * ${lease.attemptMs} + ${lease.marginMs}) / 1000.0),
        "firstAttemptAt" = COALESCE(d."firstAttemptAt", ${now}),
        "lastAttemptAt" = ${now},
        "updatedAt" = ${now}
      FROM "WebhookSubscription" s
      -- By primary key: a join to the CTE is planned as a scan of the whole table when it is small.
      WHERE d."id" = ANY (ARRAY(SELECT l."id" FROM "locked" l)) AND s."id" = d."subscriptionId"
      -- The body by primary key, row by row: a join may be planned as a scan of the whole log.
      RETURNING d."id", d."organizationId", d."subscriptionId", d."eventId", d."attempts", d."replays", d."firstAttemptAt",
        d."lastAttemptAt", s."url", s."secret", s."previousSecret", s."previousSecretExpiresAt",
        (SELECT e."payload"::text FROM "Event" e WHERE e."id" = d."eventId") AS "body",
        ((SELECT p."of" FROM "positions" p) ->> d."id")::int AS "position"
    )`;
}

/**
 * The chosen rows as they were read, with the attempt this claim makes of each: nothing is
 * written (an update of each row, its four index entries included, cost the embedded database
 * about 0.09 ms a delivery; the result write records the attempt instead).
 */
function readClaim(now: Date): Prisma.Sql {
  return Prisma.sql`
    "claimed" AS (
      SELECT c."id", c."organizationId", c."subscriptionId", c."eventId", c."attempts" + 1 AS "attempts", c."replays",
        COALESCE(c."firstAttemptAt", ${now}) AS "firstAttemptAt", ${now}::timestamp(3) AS "lastAttemptAt",
        c."url", c."secret", c."previousSecret", c."previousSecretExpiresAt",
        (SELECT e."payload"::text FROM "Event" e WHERE e."id" = c."eventId") AS "body", c."position"
      FROM "chosen" c
    )`;
}
