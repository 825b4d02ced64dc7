import type { Environment } from './environment';

/**
 * What a scenario hands to the report writer. Every number is measured in the run that wrote
 * the file; the writer only formats. `better` says which way is good, so the ratio to the
 * baseline reads the same everywhere: above 1 means better than the baseline.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  better: 'lower' | 'higher';
  baseline?: { name: string; value: number } | undefined;
  goal?: { text: string; met: boolean } | undefined;
}

export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  note?: string | undefined;
}

/** Long text kept with the results (query plans), shown folded in results.md. */
export interface Attachment {
  title: string;
  text: string;
}

export interface ScenarioResult {
  /** File name under bench/results/ and the order key in the report. */
  id: string;
  title: string;
  startedAt: string;
  durationSeconds: number;
  environment: Environment;
  /** The knobs this run used (sizes, runs, connections…), so quick runs are recognisable. */
  settings: Record<string, unknown>;
  /** How to read the figures: what was measured against what. */
  method: string[];
  figures: Figure[];
  tables: Table[];
  notes: string[];
  attachments?: Attachment[] | undefined;
  /** Raw data for other renderers (the chart) and for later comparison. */
  data?: unknown;
}

/** `value` relative to the baseline, oriented so that above 1 is better (×faster, ×throughput). */
export function ratioOf(figure: Figure): number | undefined {
  if (!figure.baseline || figure.baseline.value === 0 || figure.value === 0) return undefined;
  return figure.better === 'lower'
    ? figure.baseline.value / figure.value
    : figure.value / figure.baseline.value;
}

export function describeRatio(figure: Figure): string {
  const ratio = ratioOf(figure);
  if (ratio === undefined) return '';
  const shown = (value: number) =>
    value >= 10 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
  if (figure.better === 'higher') return `${shown(ratio)}× baseline`;
  const [better, worse] =
    figure.unit === 'ms' || figure.unit === 's' ? ['faster', 'slower'] : ['smaller', 'larger'];
  return ratio >= 1 ? `${shown(ratio)}× ${better}` : `${shown(1 / ratio)}× ${worse}`;
}

/** The scenarios in report order; unknown ids go last, alphabetically. */
export const scenarioOrder = [
  'group-queries',
  'api-overhead',
  'routing-concurrency',
  'slack-ack',
  'startup',
  'webhooks',
];
