import { explainConversationQuery, type PrismaClient } from '@switchboard/db';
import { memberCriteria } from '../../src/services/groups/member-criteria';
import { pageSize } from './api-path';
import type { BenchCriteria } from './criteria';

export interface QueryPlans {
  criteria: BenchCriteria;
  page: string;
  count: string;
  pageUsesIndex: boolean;
  countUsesIndex: boolean;
  /** A sequential scan of the Conversation table anywhere in the plan. */
  pageScansTable: boolean;
  countScansTable: boolean;
}

const usesIndex = (plan: string) => /Index Scan|Index Only Scan|Bitmap Index Scan/.test(plan);
const scansTable = (plan: string) => /Seq Scan on "Conversation"/.test(plan);

/** EXPLAIN (ANALYZE, BUFFERS) of the page and count queries groups.members runs, as packages/db builds them. */
export async function explainAll(
  prisma: PrismaClient,
  organizationId: string,
  criteriaList: BenchCriteria[],
): Promise<QueryPlans[]> {
  const plans: QueryPlans[] = [];
  for (const criteria of criteriaList) {
    const ast = memberCriteria(criteria.criteria);
    const page = await explainConversationQuery(
      prisma,
      { organizationId, criteria: ast, orderBy: 'createdAt', direction: 'desc', limit: pageSize + 1 },
      { analyze: true },
    );
    const count = await explainConversationQuery(
      prisma,
      { organizationId, criteria: ast },
      { analyze: true },
    );
    plans.push({
      criteria,
      page,
      count,
      pageUsesIndex: usesIndex(page),
      countUsesIndex: usesIndex(count),
      pageScansTable: scansTable(page),
      countScansTable: scansTable(count),
    });
  }
  return plans;
}

export function plansText(plans: QueryPlans[]): string {
  return plans
    .map((p) =>
      [
        `### ${p.criteria.name}: ${p.criteria.criteria}`,
        '-- page (first 50 + 1)',
        p.page,
        '-- count',
        p.count,
      ].join('\n'),
    )
    .join('\n\n');
}
