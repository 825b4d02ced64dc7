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

/** What the compiler should know for this organization: its tag ids (one small query, only when the criteria use tags). */
const contextFor = async (prisma: RawQueryClient, filter: ConversationFilter): Promise<CompileContext> => ({
  tagIds: await resolveTagIds(prisma, filter.organizationId, filter.criteria),
});

/** Ids of the organization's conversations matching the criteria and filters, in the requested order. */
export async function findConversationIdsMatching(
  prisma: RawQueryClient,
  query: ConversationPageQuery,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>(
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
  const statement =
    'orderBy' in query ? conversationPageSql(query, context) : conversationCountSql(query, context);
  const explain = Prisma.raw(options.analyze ? 'EXPLAIN (ANALYZE, BUFFERS)' : 'EXPLAIN');
  const rows = await prisma.$queryRaw<Record<string, string>[]>(Prisma.sql`${explain} ${statement}`);
  return rows.map((row) => Object.values(row).join('')).join('\n');
}
