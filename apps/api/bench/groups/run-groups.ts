import { config } from '../shared/config';
import { captureEnvironment, finishEnvironment } from '../shared/environment';
import { postgresVersion } from '../shared/postgres';
import type { ScenarioResult } from '../shared/results';
import { latencyChart } from './chart-data';
import { type DatasetKind, type DatasetResult, measureDataset } from './dataset';
import { datasetFigures, datasetNotes, datasetPlans, datasetTable } from './report';

/** Scenario 1: group membership at scale, on PostgreSQL and PGlite, against load-and-filter. */
export async function runGroups(log: (line: string) => void): Promise<ScenarioResult> {
  const environment = { ...captureEnvironment(), postgres: await postgresVersion() };
  const startedAt = new Date();
  const { postgresSizes, pgliteSizes, samples, rounds, budgetMs, baselineRuns, baselineRunsLarge } =
    config.groups;
  const plan: [DatasetKind, number][] = [
    ...postgresSizes.map((size): [DatasetKind, number] => ['PostgreSQL', size]),
    ...pgliteSizes.map((size): [DatasetKind, number] => ['PGlite', size]),
  ];
  const datasets: DatasetResult[] = [];
  for (const [kind, size] of plan) {
    datasets.push(
      await measureDataset(kind, size, {
        samples,
        rounds,
        budgetMs,
        baselineRuns: size > 100_000 ? baselineRunsLarge : baselineRuns,
        log,
      }),
    );
  }
  const goalSize = Math.max(...postgresSizes);
  return {
    id: 'group-queries',
    title: '1. Group membership at scale',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    environment: finishEnvironment(environment),
    settings: {
      postgresSizes,
      pgliteSizes,
      samples,
      rounds,
      baselineRuns,
      baselineRunsLarge,
      quick: config.quick,
    },
    method: [
      'Each dataset is a fresh database: the measured organization with N conversations and three other organizations with N/30 each, seeded with set-based SQL (generate_series, md5-derived values; conversations inserted in createdAt order, as an inbox appends them) in one transaction with the secondary indexes dropped and then rebuilt from their own definitions, then VACUUM ANALYZE.',
      'API path, called in-process through createCaller on saved groups: "first page" is `groups.memberPage` (limit 50: the page as the API returns it, rows and all, without the total), the goal\'s figure; "members" is `groups.members` (the same page plus the exact total, which runs beside the page on a second pooled connection, so it takes the longer of the two); "count" is `groups.count`. A client that wants the page fast asks memberPage and count side by side.',
      "Baseline: the organization's conversations loaded with their tags and metadata (the API's own read and facts: one statement per batch of 5 000 for rows and tag names) newest first, filtered with core compilePredicate for the first 50 and the count. Fewer passes above 100 000 rows (see each table).",
      '"Same answer": the baseline\'s count and first 50 ids equal the API\'s (memberPage and members agree too). Speed-up: members (page + total) against the baseline, which also finds both. Plans: EXPLAIN (ANALYZE, BUFFERS) of the page query (run without parallel workers, as the API runs it) and of the count, in the appendix.',
    ],
    figures: datasets.flatMap((d) => datasetFigures(d, d.database === 'PostgreSQL' ? goalSize : undefined)),
    tables: datasets.map(datasetTable),
    notes: datasets.flatMap((d) => datasetNotes(d, d.database === 'PostgreSQL' ? goalSize : undefined)),
    attachments: datasets.map(datasetPlans),
    data: {
      chart: latencyChart(datasets),
      datasets: datasets.map((d) => ({
        database: d.database,
        size: d.size,
        seedSeconds: d.seedSeconds,
        baselineLoadMs: d.baseline.loadMs,
        criteria: d.api.map((m, i) => ({
          ...m.criteria,
          totalCount: m.totalCount,
          firstPageMs: m.firstPage,
          membersMs: m.members,
          countMs: m.count,
          baselineFilterMs: d.baseline.perCriteria[i]?.filterMs,
          pageUsesIndex: d.plans[i]?.pageUsesIndex,
          countUsesIndex: d.plans[i]?.countUsesIndex,
        })),
      })),
    },
  };
}
