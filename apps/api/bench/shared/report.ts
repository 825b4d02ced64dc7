import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LogChart, renderLogChart } from './chart';
import { config } from './config';
import { renderMarkdown } from './markdown';
import { describeRatio, type ScenarioResult, scenarioOrder } from './results';
import { round } from './stats';

/**
 * The one writer every package's benchmark calls: it stores the scenario's own JSON under
 * bench/results/, then re-renders bench/results.json, bench/results.md and the chart from all the
 * scenario files present. So `apps/slackbot` can run alone and only its section changes.
 */
export async function saveScenario(result: ScenarioResult, outDir = config.outDir): Promise<void> {
  const dir = join(outDir, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${result.id}.json`), `${JSON.stringify(result, null, 2)}\n`);
  await renderReport(outDir);
}

export async function renderReport(outDir = config.outDir): Promise<void> {
  const results = await readResults(join(outDir, 'results'));
  const chart = chartOf(results);
  const svg = chart ? renderLogChart(chart) : '';
  if (svg) await writeFile(join(outDir, 'group-latency.svg'), svg);
  else await rm(join(outDir, 'group-latency.svg'), { force: true });
  await writeFile(
    join(outDir, 'results.json'),
    `${JSON.stringify({ generatedAt: new Date().toISOString(), scenarios: results }, null, 2)}\n`,
  );
  await writeFile(join(outDir, 'results.md'), renderMarkdown(results, { chart: svg !== '' }));
}

async function readResults(dir: string): Promise<ScenarioResult[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const results = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as ScenarioResult),
  );
  const rank = (id: string) =>
    scenarioOrder.includes(id) ? scenarioOrder.indexOf(id) : scenarioOrder.length;
  return results.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

function chartOf(results: ScenarioResult[]): LogChart | undefined {
  const data = results.find((result) => result.id === 'group-queries')?.data as
    | { chart?: LogChart }
    | undefined;
  return data?.chart;
}

/** The scenario's headline figures as a console table. */
export function printScenario(result: ScenarioResult): void {
  const rows = result.figures.map((figure) => ({
    figure: figure.name,
    value: `${round(figure.value)} ${figure.unit}`.trim(),
    baseline: figure.baseline ? `${round(figure.baseline.value)} ${figure.unit}`.trim() : '',
    'vs baseline': describeRatio(figure),
    goal: figure.goal ? `${figure.goal.met ? 'met' : 'MISSED'} (${figure.goal.text})` : '',
  }));
  process.stdout.write(`\n${result.title} (${Math.round(result.durationSeconds)} s)\n`);
  console.table(rows);
}
