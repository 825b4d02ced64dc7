import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient, prepared } from '@switchboard/db';
import type { EventFilter } from '../events/event-filter';
import { selectEvents, subscriptionFilter } from './subscription-filter';

/** Subscriptions fanned out per round, and events read per organization per round. */
const subscriptionsPerRound = 20;
const eventsPerOrganization = 500;

/** What fan-out reads of a subscription (with its group's criteria, when it names a group). */
interface SubscriptionFields {
  id: string;
  organizationId: string;
  cursor: bigint;
  events: string[];
  criteria: string | null;
  groupId: string | null;
  groupCriteria: string | null;
}

interface NewEvent {
  id: string;
  sequence: bigint;
  type: string;
  payload: unknown;
}

interface Subscription extends SubscriptionFields {
  newEvents: NewEvent[];
}

interface Fanned {
  subscription: Subscription;
  selected: NewEvent[];
}

/**
 * Turns new events into deliveries. One statement reads the subscriptions behind their
 * organization's log and each organization's new events, once however many of its subscriptions
 * want them; they are filtered here; one more statement creates the matching
 * PENDING deliveries and moves each cursor past what was read, but only for a subscription whose
 * cursor is still the one read (another process may have fanned it out meanwhile: its row lock
 * makes this statement wait and then skip it). So an event becomes a delivery exactly once per
 * subscription however many processes run this, with two statements a round and no
 * transaction, each of whose statements is a round trip (on the embedded database, time taken
 * from the writes). Events commit in sequence order (recordEvents), so nothing below a cursor can
 * appear later. Answers how many deliveries were created.
 */
export async function fanOutEvents(prisma: PrismaClient): Promise<number> {
  let created = 0;
  for (;;) {
    const { subscriptions, behind } = await readBehind(prisma);
    if (subscriptions.length === 0) return created;
    const fanned: Fanned[] = [];
    for (const subscription of subscriptions) {
      const filter = await cachedFilter(prisma, subscription);
      fanned.push({ subscription, selected: await selectEvents(prisma, filter, subscription.newEvents) });
    }
    created += await writeFanned(prisma, fanned);
    if (!behind) return created;
  }
}

/** A row of readBehind: a subscription behind (no `sequence`), or one of its organization's new events. */
interface BehindRow {
  id: string;
  organizationId: string;
  cursor: bigint | null;
  events: string[] | null;
  criteria: string | null;
  groupId: string | null;
  groupCriteria: string | null;
  sequence: bigint | null;
  type: string | null;
  payload: unknown;
}

/**
 * The subscriptions behind their organization's log, each with its new events, and whether more
 * may be behind than one round read. An organization's events are read once, from its slowest
 * subscription's cursor (with ten subscriptions, a change's payload was read and decoded ten
 * times); one statement answers both, the subscriptions' rows and the events' rows.
 */
async function readBehind(prisma: PrismaClient): Promise<{ subscriptions: Subscription[]; behind: boolean }> {
  const rows = await prisma.$queryRaw<BehindRow[]>(
    prepared(Prisma.sql`
    -- Materialized: both halves below must see the same subscriptions (LIMIT picks any).
    WITH "behind" AS MATERIALIZED (
      SELECT s."id", s."organizationId", s."cursor", s."events", s."criteria", s."groupId",
        g."criteria" AS "groupCriteria"
      FROM "WebhookSubscription" s
      LEFT JOIN "ConversationGroup" g ON g."id" = s."groupId" AND g."organizationId" = s."organizationId"
      WHERE s."enabled" AND EXISTS (
        SELECT 1 FROM "Event" e WHERE e."organizationId" = s."organizationId" AND e."sequence" > s."cursor")
      LIMIT ${subscriptionsPerRound}
    ),
    "readFrom" AS (SELECT "organizationId", min("cursor") AS "cursor" FROM "behind" GROUP BY "organizationId")
    SELECT b."id", b."organizationId", b."cursor", b."events", b."criteria", b."groupId", b."groupCriteria",
      NULL::bigint AS "sequence", NULL::text AS "type", NULL::jsonb AS "payload"
    FROM "behind" b
    UNION ALL
    SELECT e."id", r."organizationId", NULL, NULL, NULL, NULL, NULL, e."sequence", e."type", e."payload"
    FROM "readFrom" r
    CROSS JOIN LATERAL (
      SELECT e."id", e."sequence", e."type", e."payload" FROM "Event" e
      WHERE e."organizationId" = r."organizationId" AND e."sequence" > r."cursor"
      ORDER BY e."sequence"
      LIMIT ${eventsPerOrganization}
    ) e
    ORDER BY "sequence" NULLS FIRST`),
  );
  const fields: SubscriptionFields[] = [];
  const byOrganization = new Map<string, NewEvent[]>();
  for (const row of rows) {
    const { id, organizationId, sequence, type, payload } = row;
    if (sequence === null) {
      const { events, criteria, groupId, groupCriteria } = row;
      fields.push({
        id,
        organizationId,
        cursor: BigInt(row.cursor ?? 0),
        events: events ?? [],
        criteria,
        groupId,
        groupCriteria,
      });
      continue;
    }
    const list = byOrganization.get(organizationId) ?? [];
    list.push({ id, sequence: BigInt(sequence), type: type ?? '', payload });
    byOrganization.set(organizationId, list);
  }
  const subscriptions = fields.map((subscription) => ({
    ...subscription,
    newEvents: (byOrganization.get(subscription.organizationId) ?? []).filter(
      (event) => event.sequence > subscription.cursor,
    ),
  }));
  const behind =
    fields.length === subscriptionsPerRound ||
    [...byOrganization.values()].some((list) => list.length === eventsPerOrganization);
  return { subscriptions, behind };
}

// Compiled filters by what they were compiled from: a round would otherwise parse every
// subscription's criteria and read its group again. A group's edit changes the key.
const filters = new Map<string, EventFilter>();
const maxCachedFilters = 1_000;

async function cachedFilter(prisma: PrismaClient, subscription: Subscription): Promise<EventFilter> {
  const { id, organizationId, events, criteria, groupId, groupCriteria } = subscription;
  const key = JSON.stringify([id, organizationId, events, criteria, groupId, groupCriteria]);
  let filter = filters.get(key);
  if (!filter) {
    filter = await subscriptionFilter(prisma, subscription);
    if (filters.size >= maxCachedFilters) filters.clear();
    filters.set(key, filter);
  }
  return filter;
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
    await prisma.$executeRaw(prepared(Prisma.sql`WITH ${moved} SELECT count(*) FROM "moved"`));
    return 0;
  }
  const [row] = await prisma.$queryRaw<{ created: bigint }[]>(
    prepared(Prisma.sql`
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
    SELECT count(*) AS "created" FROM "inserted"`),
  );
  return Number(row?.created ?? 0);
}
