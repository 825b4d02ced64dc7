import { type CriteriaPredicate, compilePredicate, parseCriteria } from '@switchboard/core';
import type { PrismaClient } from '@switchboard/db';
import { factsOf } from '../../src/services/conversations/conversation-row';
import { findConversationsInOrder } from '../../src/services/conversations/find-conversation';
import { median } from '../shared/stats';
import { pageSize } from './api-path';
import type { BenchCriteria } from './criteria';

/**
 * The baseline: answer a group the way one would without compiling criteria to SQL — load the
 * organization's conversations with their tags and metadata (the API's own read and facts: ids
 * newest first, then findConversationsInOrder, one statement for rows and tag names), and filter
 * them with core's compiled predicate, keeping the first 50 and the count. (Prisma's `include`
 * would query the tag links by their composite foreign key as three 5 000-value IN lists, which
 * doubled the load at 100 000 rows: a slower baseline, not a fairer one.)
 *
 * Loading is the same for every criteria, so one pass loads the organization once and runs every
 * predicate on each batch, timing the load and each filter separately. A criteria's baseline is
 * (median load) + (its median filter time): what answering that one group would take. Batches of
 * 5 000 keep memory flat at a million rows.
 */
export interface BaselineResult {
  runs: number;
  loadMs: number[];
  perCriteria: { filterMs: number[]; count: number; firstPageIds: string[] }[];
}

const batchSize = 5000;

export async function measureBaseline(
  prisma: PrismaClient,
  organizationId: string,
  criteriaList: BenchCriteria[],
  runs: number,
): Promise<BaselineResult> {
  const predicates: CriteriaPredicate[] = criteriaList.map((c) =>
    compilePredicate(parseCriteria(c.criteria)),
  );
  const result: BaselineResult = {
    runs,
    loadMs: [],
    perCriteria: criteriaList.map(() => ({ filterMs: [], count: 0, firstPageIds: [] })),
  };
  for (let run = 0; run < runs; run++) {
    const filterMs = predicates.map(() => 0);
    const counts = predicates.map(() => 0);
    const pages: string[][] = predicates.map(() => []);
    let loadMs = 0;
    let last: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const loadStart = performance.now();
      const batch = await prisma.conversation.findMany({
        where: {
          organizationId,
          // `createdAt <= last` bounds the index range; without it the OR alone is a filter, and
          // each batch re-read the index from the newest row (quadratic: minutes at 1 000 000).
          ...(last
            ? {
                createdAt: { lte: last.createdAt },
                OR: [
                  { createdAt: { lt: last.createdAt } },
                  { createdAt: last.createdAt, id: { lt: last.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: batchSize,
        select: { id: true },
      });
      const rows = await findConversationsInOrder(
        prisma,
        organizationId,
        batch.map((row) => row.id),
      );
      const facts = rows.map((row) => factsOf(row));
      loadMs += performance.now() - loadStart;
      predicates.forEach((matches, index) => {
        const start = performance.now();
        const page = pages[index] as string[];
        for (const fact of facts) {
          if (!matches(fact)) continue;
          counts[index] = (counts[index] ?? 0) + 1;
          if (page.length < pageSize) page.push(fact.id);
        }
        filterMs[index] = (filterMs[index] ?? 0) + performance.now() - start;
      });
      const tail = rows.at(-1);
      if (!tail || rows.length < batchSize) break;
      last = { createdAt: tail.createdAt, id: tail.id };
    }
    result.loadMs.push(loadMs);
    result.perCriteria.forEach((entry, index) => {
      entry.filterMs.push(filterMs[index] ?? 0);
      entry.count = counts[index] ?? 0;
      entry.firstPageIds = pages[index] ?? [];
    });
  }
  return result;
}

/** The baseline time for one criteria: median load plus its median filter time. */
export const baselineMs = (baseline: BaselineResult, index: number): number =>
  median(baseline.loadMs) + median(baseline.perCriteria[index]?.filterMs ?? []);
