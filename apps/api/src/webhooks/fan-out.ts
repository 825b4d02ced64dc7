import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '@switchboard/db';
import { selectEvents, subscriptionFilter } from './subscription-filter';

/** Subscriptions fanned out per round, and events read per subscription per round. */
const subscriptionsPerRound = 20;
const eventsPerSubscription = 500;

/** What fan-out reads of a subscription. */
interface SubscriptionFields {
  id: string;
  organizationId: string;
  cursor: bigint;
  events: string[];
  criteria: string | null;
  groupId: string | null;
}

/** A subscription behind its organization's log, with one of its new events (none: no row). */
interface BehindRow extends SubscriptionFields {
  eventId: string;
  sequence: bigint;
  type: string;
  payload: unknown;
}

interface Subscription extends SubscriptionFields {
  newEvents: { id: string; sequence: bigint; type: string; payload: unknown }[];
}

interface Fanned {
  subscription: Subscription;
  selected: Subscription['newEvents'];
}

/**
 * Turns new events into deliveries. One statement reads the subscriptions behind their
 * organization's log with their new events; they are filtered here; one more statement creates
 * the matching PENDING deliveries and moves each cursor past what was read, but only for a
 * subscription whose cursor is still the one read (another process may have fanned it out
 * meanwhile: its row lock makes this statement wait and then skip it). So an event becomes a
 * delivery exactly once per subscription however many processes run this, with two statements a
 * round and no transaction, each of whose statements is a round trip (on the embedded database,
 * time taken from the writes). Events commit in sequence order (recordEvents), so nothing below
 * a cursor can appear later. Answers how many deliveries were created.
 */
export async function fanOutEvents(prisma: PrismaClient): Promise<number> {
  let created = 0;
  for (;;) {
    const subscriptions = await readBehind(prisma);
    if (subscriptions.length === 0) return created;
    const fanned: Fanned[] = [];
    for (const subscription of subscriptions) {
      const filter = await subscriptionFilter(prisma, subscription);
      fanned.push({ subscription, selected: await selectEvents(prisma, filter, subscription.newEvents) });
    }
    created += await writeFanned(prisma, fanned);
    const behind =
      subscriptions.length === subscriptionsPerRound ||
      subscriptions.some((subscription) => subscription.newEvents.length === eventsPerSubscription);
    if (!behind) return created;
  }
}

async function readBehind(prisma: PrismaClient): Promise<Subscription[]> {
  const rows = await prisma.$queryRaw<BehindRow[]>`
    SELECT s."id", s."organizationId", s."cursor", s."events", s."criteria", s."groupId",
      e."id" AS "eventId", e."sequence", e."type", e."payload"
    FROM (
      SELECT s."id", s."organizationId", s."cursor", s."events", s."criteria", s."groupId"
      FROM "WebhookSubscription" s
      WHERE s."enabled" AND EXISTS (
        SELECT 1 FROM "Event" e WHERE e."organizationId" = s."organizationId" AND e."sequence" > s."cursor")
      LIMIT ${subscriptionsPerRound}
    ) s
    CROSS JOIN LATERAL (
      SELECT e."id", e."sequence", e."type", e."payload" FROM "Event" e
      WHERE e."organizationId" = s."organizationId" AND e."sequence" > s."cursor"
      ORDER BY e."sequence"
      LIMIT ${eventsPerSubscription}
    ) e
    ORDER BY s."id", e."sequence"`;
  const byId = new Map<string, Subscription>();
  for (const row of rows) {
    let subscription = byId.get(row.id);
    if (!subscription) {
      const { id, organizationId, cursor, events, criteria, groupId } = row;
      subscription = { id, organizationId, cursor: BigInt(cursor), events, criteria, groupId, newEvents: [] };
      byId.set(id, subscription);
    }
    subscription.newEvents.push({
      id: row.eventId,
      sequence: BigInt(row.sequence),
      type: row.type,
      payload: row.payload,
    });
  }
  return [...byId.values()];
}

/** Moves the cursors still as read and creates the deliveries of those subscriptions, in one statement. */
async function writeFanned(prisma: PrismaClient, fanned: readonly Fanned[]): Promise<number> {
  const now = new Date();
  const moves = fanned.map(
    ({ subscription }) =>
      Prisma.sql`(${subscription.id}::text, ${subscription.cursor}::bigint, ${
        subscription.newEvents.at(-1)?.sequence ?? subscription.cursor
      }::bigint)`,
  );
  // The deliveries as six array parameters, however many: a VALUES list of six parameters a row
  // costs the client and the server time per parameter (serialising, parsing, planning the list).
  const deliveries = fanned.flatMap(({ subscription, selected }) =>
    selected.map((event) => ({ subscription, event })),
  );
  const column = <T>(value: (delivery: (typeof deliveries)[number]) => T) => deliveries.map(value);
  const moved = Prisma.sql`"moves" ("id", "from", "to") AS (VALUES ${Prisma.join(moves)}),
    "moved" AS (
      UPDATE "WebhookSubscription" s SET "cursor" = m."to", "updatedAt" = ${now}
      FROM "moves" m
      WHERE s."id" = m."id" AND s."cursor" = m."from" AND s."enabled"
      RETURNING s."id"
    )`;
  if (deliveries.length === 0) {
    await prisma.$executeRaw`WITH ${moved} SELECT count(*) FROM "moved"`;
    return 0;
  }
  const [row] = await prisma.$queryRaw<{ created: bigint }[]>`
    WITH ${moved},
    "rows" ("id", "organizationId", "subscriptionId", "eventId", "eventSequence", "eventType") AS (
      SELECT * FROM unnest(
        ${column(() => randomUUID())}::text[],
        ${column(({ subscription }) => subscription.organizationId)}::text[],
        ${column(({ subscription }) => subscription.id)}::text[],
        ${column(({ event }) => event.id)}::text[],
        ${column(({ event }) => String(event.sequence))}::bigint[],
        ${column(({ event }) => event.type)}::text[])
    ),
    "inserted" AS (
      INSERT INTO "WebhookDelivery" ("id", "organizationId", "subscriptionId", "eventId", "eventSequence",
        "eventType", "updatedAt")
      SELECT r."id", r."organizationId", r."subscriptionId", r."eventId", r."eventSequence", r."eventType", ${now}
      FROM "rows" r WHERE r."subscriptionId" IN (SELECT "id" FROM "moved")
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT count(*) AS "created" FROM "inserted"`;
  return Number(row?.created ?? 0);
}
