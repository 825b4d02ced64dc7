import { Prisma, type PrismaClient, prepared } from '@switchboard/db';
import type { AttemptResult } from './attempt-delivery';
import type { ClaimedDelivery } from './claim-deliveries';

/**
 * Writes a batch of successful attempts in one statement: each delivery DELIVERED with the
 * receiver's answer and the attempt (number and times; a claim without a lease did not write
 * them, see claim-deliveries.ts), only if the row is still that claim's (as recordAttempt does),
 * and the failure streak of their subscriptions cleared. A busy dispatcher finishes many attempts while
 * one statement runs; writing them together keeps the database's work per delivery small.
 */
export async function recordDeliveries(
  prisma: PrismaClient,
  delivered: readonly { delivery: ClaimedDelivery; result: AttemptResult }[],
): Promise<void> {
  if (delivered.length === 0) return;
  const now = new Date();
  // Seven array parameters, however many results: a VALUES list of seven parameters a row costs
  // the client and the server time per parameter (serialising, parsing, planning the list).
  const ids = delivered.map(({ delivery }) => delivery.id);
  const attempts = delivered.map(({ delivery }) => delivery.attempts);
  const replays = delivered.map(({ delivery }) => delivery.replays);
  const statusCodes = delivered.map(({ result }) => result.statusCode);
  const responseBodies = delivered.map(({ result }) => result.responseBody);
  const firstAttempts = delivered.map(({ delivery }) => delivery.firstAttemptAt);
  const lastAttempts = delivered.map(({ delivery }) => delivery.lastAttemptAt);
  await prisma.$executeRaw(
    prepared(Prisma.sql`
    WITH "results" ("id", "attempts", "replays", "statusCode", "responseBody", "firstAttemptAt", "lastAttemptAt") AS (
      SELECT * FROM unnest(${ids}::text[], ${attempts}::int[], ${replays}::int[], ${statusCodes}::int[],
        ${responseBodies}::text[], ${firstAttempts}::timestamp(3)[], ${lastAttempts}::timestamp(3)[])
    ),
    "written" AS (
      UPDATE "WebhookDelivery" d SET
        "status" = 'DELIVERED',
        "attempts" = r."attempts",
        "firstAttemptAt" = r."firstAttemptAt",
        "lastAttemptAt" = r."lastAttemptAt",
        "lastStatusCode" = r."statusCode",
        "lastResponseBody" = r."responseBody",
        "lastError" = NULL,
        "deliveredAt" = ${now},
        "updatedAt" = ${now}
      FROM "results" r
      -- The claim's attempt: counted by a leased claim already, or to be counted here; and not
      -- replayed since (the replay's own attempt is still to come).
      WHERE d."id" = r."id" AND d."attempts" IN (r."attempts" - 1, r."attempts") AND d."replays" = r."replays"
      RETURNING d."subscriptionId"
    )
    UPDATE "WebhookSubscription" s SET "failingSince" = NULL, "updatedAt" = ${now}
    WHERE s."id" IN (SELECT "subscriptionId" FROM "written") AND s."failingSince" IS NOT NULL`),
  );
}
