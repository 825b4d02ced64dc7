import type { BenchCriteria } from './criteria';
import type { BenchCaller } from './tenant';

/** What the API answered for one criteria, and how long each path took (ms per call). */
export interface ApiMeasurement {
  criteria: BenchCriteria;
  groupId: string;
  /** `groups.memberPage` with limit 50: the first page (rows as the API returns them), no total. */
  firstPage: number[];
  /** `groups.members` with limit 50: the first page and the exact total (counted beside the page). */
  members: number[];
  /** `groups.count`. */
  count: number[];
  totalCount: number;
  firstPageIds: string[];
  /** Whether groups.memberPage answered the same 50 ids as groups.members. */
  pagesAgree: boolean;
}

export const pageSize = 50;
// One call per round at least. The calls that hit this floor are the unindexed controls at
// 1 000 000 rows (a wildcard inside a metadata value: seconds per call); eight of them per path
// cost a minute of the 15-minute budget and say no more than four.
const minimumSamples = 4;

/**
 * Saves one group per criteria through `groups.create`, then times the three procedures in rounds:
 * each round visits every criteria, so a noisy moment on the machine hurts all of them a little
 * instead of one of them a lot. One untimed call per procedure first warms caches and the JIT. Each
 * (criteria, path) gets `samples` calls, or fewer (at least 4) once it has used `budgetMs`.
 */
export async function measureApiPath(
  caller: BenchCaller,
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
    const page = await caller.groups.memberPage({ groupId: group.id, limit: pageSize });
    const firstPageIds = first.conversations.map((conversation) => conversation.id);
    measurements.push({
      criteria,
      groupId: group.id,
      firstPage: [],
      members: [],
      count: [],
      totalCount: first.totalCount,
      firstPageIds,
      pagesAgree: page.conversations.map((conversation) => conversation.id).join() === firstPageIds.join(),
    });
  }
  const paths: [
    keyof Pick<ApiMeasurement, 'firstPage' | 'members' | 'count'>,
    (m: ApiMeasurement) => Promise<unknown>,
  ][] = [
    ['firstPage', (m) => caller.groups.memberPage({ groupId: m.groupId, limit: pageSize })],
    ['members', (m) => caller.groups.members({ groupId: m.groupId, limit: pageSize })],
    ['count', (m) => caller.groups.count({ groupId: m.groupId })],
  ];
  // members and memberPage were each called once above (their answers are checked); count warms here.
  for (const m of measurements) await caller.groups.count({ groupId: m.groupId });

  // A slow query (a count over most of a million rows) stops early, after its share of the time
  // budget but never below `minimumSamples`: fast ones get every sample, slow ones stay slow.
  const perRound = Math.max(1, Math.round(options.samples / options.rounds));
  const roundBudgetMs = options.budgetMs / options.rounds;
  const minimumPerRound = Math.ceil(minimumSamples / options.rounds);
  for (let round = 0; round < options.rounds; round++) {
    for (const m of measurements) {
      // Each round starts with a different procedure, so none is always the first call after
      // switching criteria.
      const shift = round % paths.length;
      const order = [...paths.slice(shift), ...paths.slice(0, shift)];
      for (const [key, call] of order) {
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
