import { Prisma, type PrismaClient } from '../generated/prisma/client';
import {
  type ConversationFilter,
  type ConversationPageQuery,
  conversationCountSql,
  conversationPageSql,
} from './conversation-sql';
import type { CompileContext } from './operators';
import { resolveTagIds } from './tag-ids';

/**
 * The queries the API runs for group membership and criteria lists. Every query is
 * `… FROM "Conversation" c WHERE c."organizationId" = $org AND (<criteria>) AND (<extra>)`.
 */

/** A PrismaClient or an interactive transaction's client. */
export type RawQueryClient = Pick<PrismaClient, '$queryRaw'>;

/**
 * Page queries run without parallel workers. A page is the first 50 matches along the
 * (organizationId, createdAt) index, found within a few thousand index probes at any table size;
 * when those probes are costed high (`tags==<rare tag>`), PostgreSQL splits the walk over workers
 * (Gather Merge), and starting them costs more than it saves: measured at 1 000 000 rows on the
 * busy 2-core machine, 27–80 ms parallel against 9–21 ms serial for the same plan. Counts keep their
 * workers: they read every match, and ran up to twice as fast with them. SET LOCAL needs a transaction of its own,
 * so this applies when `prisma` is a client, not a caller's transaction (which runs as it is).
 */
const serialSetting = Prisma.sql`SET LOCAL max_parallel_workers_per_gather = 0`;

async function withoutParallelWorkers<T>(prisma: RawQueryClient, statement: Prisma.Sql): Promise<T> {
  if (!isClient(prisma)) return prisma.$queryRaw<T>(statement);
  const [, rows] = await prisma.$transaction([
    prisma.$executeRaw(serialSetting),
    prisma.$queryRaw<T>(statement),
  ]);
  return rows;
}

/** Prisma leaves `$connect` off a transaction's client (and allows `$transaction` on both). */
const isClient = (prisma: RawQueryClient): prisma is PrismaClient =>
  typeof (prisma as Partial<PrismaClient>).$connect === 'function';

/** What the compiler should know for this organization: its tag ids (one small query, only when the criteria use tags). */
const contextFor = async (prisma: RawQueryClient, filter: ConversationFilter): Promise<CompileContext> => ({
  tagIds: await resolveTagIds(prisma, filter.organizationId, filter.criteria),
  now: filter.now,
});

/** Ids of the organization's conversations matching the criteria and filters, in the requested order. */
export async function findConversationIdsMatching(
  prisma: RawQueryClient,
  query: ConversationPageQuery,
): Promise<string[]> {
  const rows = await withoutParallelWorkers<{ id: string }[]>(
    prisma,
    conversationPageSql(query, await contextFor(prisma, query)),
  );
  return rows.map((row) => row.id);
}

export async function countConversationsMatching(
  prisma: RawQueryClient,
  filter: ConversationFilter,
): Promise<number> {
  const sql = conversationCountSql(filter, await contextFor(prisma, filter));
  const [row] = await prisma.$queryRaw<{ count: bigint }[]>(sql);
  return Number(row?.count ?? 0);
}

/**
 * The plan of the page query (when `query` has `orderBy`) or of the count query, as text:
 * what benchmarks save to show index use. `analyze` runs the query (EXPLAIN ANALYZE, BUFFERS).
 */
export async function explainConversationQuery(
  prisma: RawQueryClient,
  query: ConversationPageQuery | ConversationFilter,
  options: { analyze?: boolean } = {},
): Promise<string> {
  const context = await contextFor(prisma, query);
  const explain = Prisma.raw(options.analyze ? 'EXPLAIN (ANALYZE, BUFFERS)' : 'EXPLAIN');
  // Explained as they run: the page query without parallel workers, the count with them.
  const rows =
    'orderBy' in query
      ? await withoutParallelWorkers<Record<string, string>[]>(
          prisma,
          Prisma.sql`${explain} ${conversationPageSql(query, context)}`,
        )
      : await prisma.$queryRaw<Record<string, string>[]>(
          Prisma.sql`${explain} ${conversationCountSql(query, context)}`,
        );
  return rows.map((row) => Object.values(row).join('')).join('\n');
}
