/**
 * Set-based seeding (INSERT … SELECT over generate_series), the same SQL on PostgreSQL and PGlite.
 * Every value comes from md5 of the row number, so a size always produces the same rows. The
 * shapes follow a support inbox: most conversations closed or solved, NORMAL priority, email and
 * chat first, 0–3 tags with a long tail (`support` on ~40 %, `vip` on ~2 %), string metadata
 * (customerId with 4 conversations per customer, region, plan, language, orderId on 30 %), and
 * creation times spread over the year before `seedAnchor`.
 */
export const seedAnchor = '2025-06-30T00:00:00.000Z';

export const tagNames = [
  'support',
  'billing',
  'bug',
  'question',
  'feedback',
  'refund',
  'shipping',
  'login',
  'invoice',
  'feature-request',
  'account',
  'cancel',
  'upgrade',
  'mobile',
  'api',
  'integration',
  'onboarding',
  'complaint',
  'followup',
  'sla-breach',
  'outage',
  'security',
  'gdpr',
  'partner',
  'enterprise',
  'vip',
  'churn-risk',
  'beta',
  'escalated',
  'legal',
];

const topics = [
  'Refund for order',
  'Cannot log in',
  'Invoice question',
  'Shipping delay',
  'Upgrade plan',
  'App crashes on start',
  'Password reset',
  'Cancel subscription',
  'Change delivery address',
  'API rate limits',
  'Dark mode request',
  'Payment failed',
];

export interface SeedTarget {
  organizationId: string;
  workspaceId: string;
  count: number;
  /** Names the data set: the same salt and count give the same rows (ids included) in any database. */
  salt: string;
}

/** A Prisma client, or anything else that runs a parameterised statement ($1, $2…). */
export interface RawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}
type Raw = RawExecutor;

/** Queue and agent rows the conversations point at; ids are derived from the organization. */
export const queueIdsOf = (organizationId: string) =>
  Array.from({ length: 5 }, (_, i) => `${organizationId}-queue-${i + 1}`);
export const agentIdsOf = (organizationId: string) =>
  Array.from({ length: 20 }, (_, i) => `${organizationId}-agent-${i + 1}`);

export async function seedOrganization(prisma: Raw, target: SeedTarget): Promise<void> {
  const { organizationId: org } = target;
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Queue" ("id", "organizationId", "name", "updatedAt")
     SELECT q, $1, q, now() FROM unnest($2::text[]) AS q`,
    org,
    queueIdsOf(org),
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Agent" ("id", "organizationId", "name", "status", "capacity", "updatedAt")
     SELECT a, $1, a, 'ACTIVE', 50, now() FROM unnest($2::text[]) AS a`,
    org,
    agentIdsOf(org),
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Tag" ("id", "organizationId", "name") SELECT $1 || '-tag-' || t, $1, t FROM unnest($2::text[]) AS t`,
    org,
    tagNames,
  );
  await insertConversations(prisma, target);
  await insertTagLinks(prisma, target);
}

// Rows go in in createdAt order, as a real inbox's are appended over time: the table's physical
// order then follows createdAt as in production (pg_stats correlation near 1), where generation
// order made every walk along the createdAt index a random heap read, one page per row.
// `OFFSET 0` keeps PostgreSQL from flattening the subqueries: flattened, every reference to `h`
// or `u1`… re-evaluates md5 and the CASEs (about 20 times per row), which made computing the rows
// 14× slower than inserting them. The rows are the same either way.
function insertConversations(prisma: Raw, target: SeedTarget) {
  const { organizationId, workspaceId, count } = target;
  const customers = Math.max(1, Math.floor(count / 4));
  return prisma.$executeRawUnsafe(
    `INSERT INTO "Conversation" ("id", "organizationId", "workspaceId", "topic", "status", "priority", "channel",
       "queueId", "agentId", "metadata", "createdAt", "updatedAt", "closedAt")
     SELECT id, $1, $2, topic, status::"ConversationStatus", priority::"Priority", channel, "queueId",
       CASE WHEN status <> 'OPEN' OR b_agent < 128 THEN ($6::text[])[1 + b_agent % 20] END,
       metadata, "createdAt", "updatedAt", CASE WHEN status = 'CLOSED' THEN "updatedAt" END
     FROM (
       SELECT md5($9::text || ':' || i)::uuid::text AS id,
         ($4::text[])[1 + get_byte(h, 8) % 12] || ' #' || i AS topic,
         CASE WHEN u1 < 0.30 THEN 'OPEN' WHEN u1 < 0.45 THEN 'WAITING' WHEN u1 < 0.65 THEN 'SOLVED' ELSE 'CLOSED' END AS status,
         CASE WHEN u2 < 0.20 THEN 'LOW' WHEN u2 < 0.75 THEN 'NORMAL' WHEN u2 < 0.93 THEN 'HIGH' ELSE 'URGENT' END AS priority,
         CASE WHEN u3 < 0.30 THEN 'EMAIL' WHEN u3 < 0.55 THEN 'LIVE_CHAT' WHEN u3 < 0.70 THEN 'WHATSAPP'
           WHEN u3 < 0.80 THEN 'SMS' WHEN u3 < 0.88 THEN 'FACEBOOK_MESSENGER' WHEN u3 < 0.92 THEN 'VIBER'
           WHEN u3 < 0.97 THEN 'NO_CHANNEL' WHEN u3 < 0.99 THEN 'UNKNOWN' ELSE 'MULTICHANNEL' END AS channel,
         CASE WHEN get_byte(h, 9) < 200 THEN ($5::text[])[1 + get_byte(h, 9) % 5] END AS "queueId",
         get_byte(h, 10) AS b_agent,
         jsonb_build_object(
           'customerId', (1 + (i - 1) % $7)::text,
           'region', (ARRAY['eu-west','eu-central','us-east','us-west','apac','latam'])[1 + get_byte(h, 11) % 6],
           'plan', CASE WHEN get_byte(h, 12) < 154 THEN 'free' WHEN get_byte(h, 12) < 230 THEN 'pro' ELSE 'enterprise' END,
           'language', CASE WHEN get_byte(h, 13) < 140 THEN 'en' WHEN get_byte(h, 13) < 171 THEN 'de'
             WHEN get_byte(h, 13) < 197 THEN 'fr' WHEN get_byte(h, 13) < 222 THEN 'es'
             WHEN get_byte(h, 13) < 242 THEN 'pt' ELSE 'ja' END
         ) || CASE WHEN get_byte(h, 14) < 77 THEN jsonb_build_object('orderId', 'ORD-' || (100000 + i)) ELSE '{}'::jsonb END
           AS metadata,
         $3::timestamp - u4 * interval '365 days' AS "createdAt",
         $3::timestamp - u4 * interval '365 days' + get_byte(h, 15) * interval '40 minutes' AS "updatedAt"
       FROM (
         SELECT i, h, h2,
           (get_byte(h, 0) * 256 + get_byte(h, 1)) / 65536.0 AS u1,
           (get_byte(h, 2) * 256 + get_byte(h, 3)) / 65536.0 AS u2,
           (get_byte(h, 4) * 256 + get_byte(h, 5)) / 65536.0 AS u3,
           (get_byte(h, 6) * 256 + get_byte(h, 7) + get_byte(h2, 3) / 256.0) / 65536.0 AS u4
         FROM (SELECT i, decode(md5('c:' || $9::text || ':' || i), 'hex') AS h, decode(md5('m:' || $9::text || ':' || i), 'hex') AS h2
               FROM generate_series(1, $8::int) AS i OFFSET 0) hashed
         OFFSET 0
       ) u
     ) rows
     ORDER BY "createdAt"`,
    organizationId,
    workspaceId,
    seedAnchor.replace('T', ' ').replace('Z', ''),
    topics,
    queueIdsOf(organizationId),
    agentIdsOf(organizationId),
    customers,
    count,
    target.salt,
  );
}

// 0–3 draws per conversation (25 / 35 / 25 / 15 %); draw k picks tag floor(30·u³), so the first
// tags are common and the last ones rare. A tag drawn twice is linked once. The link copies its
// conversation's createdAt (the foreign key checks it), read back from the rows just inserted.
function insertTagLinks(prisma: Raw, { organizationId, count, salt }: SeedTarget) {
  return prisma.$executeRawUnsafe(
    `INSERT INTO "ConversationTag" ("conversationId", "tagId", "organizationId", "conversationCreatedAt")
     SELECT links."conversationId", links."tagId", $1, c."createdAt"
     FROM (
       SELECT DISTINCT md5($4::text || ':' || i)::uuid::text AS "conversationId",
         $1 || '-tag-' || ($2::text[])[1 + floor(30 * power((get_byte(h, 2 * k - 1) * 256 + get_byte(h, 2 * k)) / 65536.0, 3))::int]
           AS "tagId"
       FROM (SELECT i, decode(md5('t:' || $4::text || ':' || i), 'hex') AS h FROM generate_series(1, $3::int) AS i OFFSET 0) hashed
       CROSS JOIN LATERAL generate_series(1,
         CASE WHEN get_byte(h, 0) < 64 THEN 0 WHEN get_byte(h, 0) < 154 THEN 1 WHEN get_byte(h, 0) < 218 THEN 2 ELSE 3 END) AS k
     ) links
     JOIN "Conversation" c ON c."id" = links."conversationId"`,
    organizationId,
    tagNames,
    count,
    salt,
  );
}
