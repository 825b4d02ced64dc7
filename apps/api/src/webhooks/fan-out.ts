import type { Prisma, PrismaClient } from '@switchboard/db';
import { selectEvents, subscriptionFilter } from './subscription-filter';

/** Subscriptions fanned out per transaction, and events read per subscription per round. */
const subscriptionsPerRound = 20;
const eventsPerSubscription = 500;

interface DueSubscription {
  id: string;
  organizationId: string;
  cursor: bigint;
  events: string[];
  criteria: string | null;
  groupId: string | null;
}

/**
 * Turns new events into deliveries. Each subscription behind its organization's log is locked
 * (SKIP LOCKED, so processes share the work), its new events are filtered, matching ones become
 * PENDING deliveries and its cursor moves past them, all in one transaction: an event becomes a
 * delivery exactly once per subscription however many processes run this. Events commit in
 * sequence order (recordEvents), so nothing below a cursor can appear later.
 * Answers how many deliveries were created.
 */
export async function fanOutEvents(prisma: PrismaClient): Promise<number> {
  let created = 0;
  // Most wakes (an event of an organization without subscriptions, or one another process is
  // fanning out) find nothing: one statement says so, without a transaction's three.
  if (!(await anySubscriptionBehind(prisma))) return created;
  for (;;) {
    const round = await prisma.$transaction(async (tx) => {
      const subscriptions = await tx.$queryRaw<DueSubscription[]>`
        SELECT s."id", s."organizationId", s."cursor", s."events", s."criteria", s."groupId"
        FROM "WebhookSubscription" s
        WHERE s."enabled" AND EXISTS (
          SELECT 1 FROM "Event" e WHERE e."organizationId" = s."organizationId" AND e."sequence" > s."cursor")
        LIMIT ${subscriptionsPerRound}
        FOR UPDATE OF s SKIP LOCKED`;
      let deliveries = 0;
      let behind = subscriptions.length === subscriptionsPerRound;
      for (const subscription of subscriptions) {
        const result = await fanOutOne(tx, subscription);
        deliveries += result.deliveries;
        behind ||= result.readFullBatch;
      }
      return { deliveries, behind };
    });
    created += round.deliveries;
    if (!round.behind) return created;
  }
}

async function fanOutOne(
  tx: Prisma.TransactionClient,
  subscription: DueSubscription,
): Promise<{ deliveries: number; readFullBatch: boolean }> {
  const events = await tx.event.findMany({
    where: { organizationId: subscription.organizationId, sequence: { gt: subscription.cursor } },
    orderBy: { sequence: 'asc' },
    take: eventsPerSubscription,
    select: { id: true, sequence: true, type: true, payload: true },
  });
  const last = events.at(-1);
  if (!last) return { deliveries: 0, readFullBatch: false };
  const selected = await selectEvents(tx, await subscriptionFilter(tx, subscription), events);
  if (selected.length > 0) {
    await tx.webhookDelivery.createMany({
      data: selected.map((event) => ({
        organizationId: subscription.organizationId,
        subscriptionId: subscription.id,
        eventId: event.id,
        eventSequence: event.sequence,
        eventType: event.type,
      })),
      skipDuplicates: true,
    });
  }
  await tx.webhookSubscription.update({ where: { id: subscription.id }, data: { cursor: last.sequence } });
  return { deliveries: selected.length, readFullBatch: events.length === eventsPerSubscription };
}

async function anySubscriptionBehind(prisma: PrismaClient): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ behind: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "WebhookSubscription" s
      WHERE s."enabled" AND EXISTS (
        SELECT 1 FROM "Event" e WHERE e."organizationId" = s."organizationId" AND e."sequence" > s."cursor")
    ) AS "behind"`;
  return row?.behind === true;
}
