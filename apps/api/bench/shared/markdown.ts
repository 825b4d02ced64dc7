import { describeRatio, type Figure, type ScenarioResult, type Table } from './results';
import { round } from './stats';

/** results.md, rendered from the per-scenario JSON files alone. */
export function renderMarkdown(results: ScenarioResult[], options: { chart: boolean }): string {
  const lines = [
    '# Switchboard benchmarks',
    '',
    'Written by `npm run bench` (how to run and read: [README.md](README.md)). Nothing here is typed',
    'by hand: each section is rewritten by the run of its scenario, with the machine it ran on.',
    '',
    ...quickWarning(results),
    '## Summary',
    '',
    ...table({
      title: '',
      columns: ['Scenario', 'Figure', 'Value', 'Baseline', 'vs baseline', 'Goal'],
      rows: results.flatMap((result) => result.figures.map((figure) => summaryRow(result.title, figure))),
    }),
  ];
  for (const result of results) {
    lines.push('', ...section(result, options));
  }
  const attached = results.flatMap((result) => (result.attachments ?? []).map((a) => ({ result, ...a })));
  if (attached.length > 0) lines.push('', '## Appendix');
  for (const { result, title, text } of attached) {
    lines.push(
      '',
      `<details><summary>${result.title}: ${title}</summary>`,
      '',
      '```text',
      text,
      '```',
      '',
      '</details>',
    );
  }
  return `${lines.join('\n')}\n`;
}

function quickWarning(results: ScenarioResult[]): string[] {
  const quick = results.filter((result) => result.settings.quick === true).map((result) => result.title);
  if (quick.length === 0) return [];
  return [
    `> **Quick run:** ${quick.join(', ')} measured with BENCH_QUICK (small sizes, few runs) to check the`,
    '> harness. These figures say nothing about the goals; run `npm run bench` on a quiet machine.',
    '',
  ];
}

const formatValue = (value: number, unit: string) =>
  `${round(value).toLocaleString('en-US', { maximumSignificantDigits: 21 })} ${unit}`.trim();

const goalText = (figure: Figure) =>
  figure.goal ? `${figure.goal.met ? '✅ met' : '❌ missed'}: ${figure.goal.text}` : '';

function summaryRow(scenario: string, figure: Figure): string[] {
  return [
    scenario,
    figure.name,
    formatValue(figure.value, figure.unit),
    figure.baseline ? `${formatValue(figure.baseline.value, figure.unit)} (${figure.baseline.name})` : '',
    describeRatio(figure),
    goalText(figure),
  ];
}

function section(result: ScenarioResult, options: { chart: boolean }): string[] {
  const env = result.environment;
  const load = `${env.loadAverage.start}${env.loadAverage.end === undefined ? '' : ` → ${env.loadAverage.end}`}`;
  const settings = Object.entries(result.settings)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(', ');
  const lines = [
    `## ${result.title}`,
    '',
    `_Run ${result.startedAt} (${Math.round(result.durationSeconds)} s), Node ${env.node}, ${env.cpus} × ${env.cpuModel},` +
      ` ${env.memoryGb} GB, load average ${load}, commit ${env.commit}${env.dirty ? ' + uncommitted changes' : ''}` +
      `${env.postgres ? `, ${env.postgres}` : ''}. Settings: ${settings}._`,
    '',
    ...result.method.map((line) => `- ${line}`),
    '',
    ...table({
      title: '',
      columns: ['Figure', 'Value', 'Baseline', 'vs baseline', 'Goal'],
      rows: result.figures.map((figure) => summaryRow('', figure).slice(1)),
    }),
  ];
  if (result.id === 'group-queries' && options.chart) {
    lines.push('', '![Group query latency against dataset size](group-latency.svg)');
  }
  for (const detail of result.tables) lines.push('', ...table(detail));
  if (result.notes.length > 0) lines.push('', ...result.notes.map((note) => `- ${note}`));
  if ((result.attachments ?? []).length > 0) {
    lines.push('', `In the appendix: ${(result.attachments ?? []).map((a) => a.title).join('; ')}.`);
  }
  return lines;
}

// A figure that could not be taken (nothing measured: no median, a rate over nothing) is a dash,
// not a crash of the whole report.
const cell = (value: string | number | null | undefined) =>
  value == null || (typeof value === 'number' && !Number.isFinite(value))
    ? '–'
    : (typeof value === 'number'
        ? round(value).toLocaleString('en-US', { maximumSignificantDigits: 21 })
        : value
      )
        .replaceAll('|', '\\|')
        .replaceAll('\n', ' ');

function table({ title, columns, rows, note }: Table): string[] {
  const lines = title ? [`### ${title}`, ''] : [];
  lines.push(`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`);
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  if (note) lines.push('', note);
  return lines;
}
