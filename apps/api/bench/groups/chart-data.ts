import type { LogChart } from '../shared/chart';
import { median, quantile } from '../shared/stats';
import { baselineMs } from './baseline';
import type { DatasetResult } from './dataset';

const p95 = (values: number[]) => quantile(values, 0.95);

/**
 * Scenario 1's chart: per database, against size, the first page's p95 for the slowest indexed
 * criteria (the goal's figure), the page with its exact total (median over criteria), and the
 * baseline. The first page stays flat as the organization grows; the total and the baseline do not.
 */
export function latencyChart(datasets: DatasetResult[]): LogChart {
  const kinds = [...new Set(datasets.map((d) => d.database))];
  const series = kinds.flatMap((kind) => {
    const of = datasets.filter((d) => d.database === kind);
    const dashed = kind === 'PGlite';
    const points = (y: (d: DatasetResult) => number) => of.map((d) => ({ x: d.size, y: y(d) }));
    return [
      {
        name: `${kind} · first page p95, slowest indexed`,
        dashed,
        color: 1,
        points: points((d) =>
          Math.max(...d.api.filter((m) => m.criteria.indexed).map((m) => p95(m.firstPage))),
        ),
      },
      {
        name: `${kind} · page + exact total, median`,
        dashed,
        color: 0,
        points: points((d) => median(d.api.map((m) => median(m.members)))),
      },
      {
        name: `${kind} · baseline (load + filter)`,
        dashed,
        color: 2,
        points: points((d) => median(d.api.map((_, i) => baselineMs(d.baseline, i)))),
      },
    ];
  });
  return {
    title: 'Group membership: first page of 50, and with its total, vs load-and-filter',
    xLabel: 'conversations in the organization (log scale)',
    yLabel: 'ms (log scale)',
    series,
    lines: [{ y: 20, label: 'goal: p95 ≤ 20 ms at 1 M (PostgreSQL, indexed)' }],
  };
}
