import { type CriteriaAst, hasWildcard, listOperators, wildcardToLike } from '@switchboard/core';
import type { PrismaClient } from '../generated/prisma/client';

/**
 * Tag names are resolved to ids before the main query runs. Joining Tag by name inside the
 * query is correct, but PostgreSQL then estimates every tag as average (it cannot know which
 * tagId 'vip' is), and for `tags==<rare tag>` with `ORDER BY createdAt LIMIT 50` it walks the
 * whole createdAt index hoping for a match (≈0.8 s at 200 000 rows). With the ids as values,
 * the per-tagId statistics apply: a rare tag is read from the (tagId, conversationId) index and a
 * common one is checked row by row along the createdAt index; both stay in milliseconds.
 */

/** A LIKE pattern (escape `\`) for one tag comparison value: wildcards only in `==` / `!=`. */
export const tagPattern = (value: string, wildcards: boolean): string =>
  wildcards && hasWildcard(value) ? wildcardToLike(value) : value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Every tag pattern the criteria use. */
export const tagPatterns = (ast: CriteriaAst | undefined, into = new Set<string>()): Set<string> => {
  if (!ast) return into;
  if (ast.type !== 'comparison') {
    for (const child of ast.children) tagPatterns(child, into);
  } else if (ast.field === 'tags') {
    const wildcards = !listOperators.includes(ast.operator);
    for (const value of ast.values) into.add(tagPattern(value, wildcards));
  }
  return into;
};

/** The ids of the organization's tags matching each pattern, in one query; empty when the criteria have no tags. */
export async function resolveTagIds(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  organizationId: string,
  ast: CriteriaAst | undefined,
): Promise<Map<string, string[]>> {
  const patterns = [...tagPatterns(ast)];
  const ids = new Map(patterns.map((pattern): [string, string[]] => [pattern, []]));
  if (patterns.length === 0) return ids;
  const rows = await prisma.$queryRaw<{ pattern: string; id: string }[]>`
    SELECT p.pattern, t."id" FROM unnest(${patterns}::text[]) AS p(pattern)
    JOIN "Tag" t ON t."organizationId" = ${organizationId} AND t."name" LIKE p.pattern ESCAPE '\\'`;
  for (const { pattern, id } of rows) ids.get(pattern)?.push(id);
  return ids;
}
