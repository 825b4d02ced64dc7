import { findConversationIdsMatching, type PrismaClient } from '@switchboard/db';
import { memberCriteria } from '../../src/services/groups/member-criteria';
import type { BenchCriteria } from './criteria';
import type { BenchCaller } from './tenant';

/** What the API answered for one criteria, and how long each path took (ms per call). */
export interface ApiMeasurement {
  criteria: BenchCriteria;
  groupId: string;
  /** `groups.members` with limit 50: the first page and its total, as the group page shows them. */
  members: number[];
  /** `groups.count`. */
  count: number[];
  /** The page query alone (findConversationIdsMatching, as groups.members runs it): no count, no rows. */
  pageQuery: number[];
  totalCount: number;
  firstPageIds: string[];
}

export const pageSize = 50;
const minimumSamples = 6;

/**
 * Saves one group per criteria through `groups.create`, then times the three paths in rounds:
 * each round visits every criteria, so a noisy moment on the machine hurts all of them a little
 * instead of one of them a lot. One untimed call per path first warms caches and the JIT. Each
 * (criteria, path) gets `samples` calls, or fewer (at least 6) once it has used `budgetMs`.
 */
export async function measureApiPath(
  caller: BenchCaller,
  prisma: PrismaClient,
  organizationId: string,
  criteriaList: BenchCriteria[],
  options: { samples: number; rounds: number; budgetMs: number },
): Promise<ApiMeasurement[]> {
  const measurements: ApiMeasurement[] = [];
  for (const [index, criteria] of criteriaList.entries()) {
    const { group } = await caller.groups.create({
      name: `bench criteria ${index + 1}`,
      criteria: criteria.criteria,
    });
    const first = await caller.groups.members({ groupId: group.id, limit: pageSize });
    measurements.push({
      criteria,
      groupId: group.id,
      members: [],
      count: [],
      pageQuery: [],
      totalCount: first.totalCount,
      firstPageIds: first.conversations.map((conversation) => conversation.id),
    });
  }
  const paths: [
    keyof Pick<ApiMeasurement, 'members' | 'count' | 'pageQuery'>,
    (m: ApiMeasurement) => Promise<unknown>,
  ][] = [
    ['members', (m) => caller.groups.members({ groupId: m.groupId, limit: pageSize })],
    ['count', (m) => caller.groups.count({ groupId: m.groupId })],
    [
      'pageQuery',
      (m) =>
        findConversationIdsMatching(prisma, {
          organizationId,
          criteria: memberCriteria(m.criteria.criteria),
          orderBy: 'createdAt',
          direction: 'desc',
          limit: pageSize + 1,
        }),
    ],
  ];
  for (const m of measurements) for (const [, call] of paths) await call(m);

  // A slow query (a count over most of a million rows) stops early, after its share of the time
  // budget but never below `minimumSamples`: fast ones get every sample, slow ones stay slow.
  const perRound = Math.max(1, Math.round(options.samples / options.rounds));
  const roundBudgetMs = options.budgetMs / options.rounds;
  const minimumPerRound = Math.ceil(minimumSamples / options.rounds);
  for (let round = 0; round < options.rounds; round++) {
    for (const m of measurements) {
      for (const [key, call] of paths) {
        const roundStart = performance.now();
        for (let i = 0; i < perRound; i++) {
          if (i >= minimumPerRound && performance.now() - roundStart > roundBudgetMs) break;
          const start = performance.now();
          await call(m);
          m[key].push(performance.now() - start);
        }
      }
    }
  }
  return measurements;
}
