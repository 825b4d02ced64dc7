import { type Environment, finishEnvironment } from '../shared/environment';
import type { Figure, ScenarioResult } from '../shared/results';
import { mb, median, round } from '../shared/stats';
import type { ProbeSample, StartSample } from './measure-start';

export interface Probes {
  create: ProbeSample[];
  open: ProbeSample[];
  template: ProbeSample[];
}

export interface StartupMeasurements {
  probes: Probes;
  direct: StartSample[];
  viaNpm: StartSample[];
}

/** Scenario 5's section of the report, from the measured starts and probes. */
export function startupResult(
  { probes, direct, viaNpm }: StartupMeasurements,
  context: {
    environment: Environment;
    startedAt: Date;
    settings: { runs: number; loadSeconds: number; npmStart: boolean; quick: boolean };
  },
): ScenarioResult {
  const { loadSeconds, npmStart } = context.settings;
  const { environment, startedAt } = context;
  const headline = npmStart ? viaNpm : direct;
  const headlineName = npmStart ? '`npm start`' : '`node dist/main.js`';
  const med = (samples: StartSample[], pick: (s: StartSample) => number | undefined) =>
    median(samples.map(pick).filter((v): v is number => v !== undefined));
  const probe = (samples: ProbeSample[], pick: (s: ProbeSample) => number) => median(samples.map(pick));
  const figures: Figure[] = [
    {
      name: `${headlineName} first start (empty DATA_DIR) to healthy`,
      value: med(headline, (s) => s.firstMs),
      unit: 'ms',
      better: 'lower',
      baseline: {
        name: 'PGlite alone: new data directory (initdb), process',
        value: probe(probes.create, (p) => p.processMs),
      },
      goal: { text: '≤ 3 s', met: med(headline, (s) => s.firstMs) <= 3000 },
    },
    {
      name: `${headlineName} restart (existing DATA_DIR) to healthy`,
      value: med(headline, (s) => s.restartMs),
      unit: 'ms',
      better: 'lower',
      baseline: {
        name: 'PGlite alone: open existing, process',
        value: probe(probes.open, (p) => p.processMs),
      },
      goal: { text: '≤ 2 s', met: med(headline, (s) => s.restartMs) <= 2000 },
    },
    {
      name: 'API RSS after first start',
      value: mb(med(direct, (s) => s.firstRssKb)),
      unit: 'MB',
      better: 'lower',
      baseline: { name: 'PGlite alone, open existing', value: mb(probe(probes.open, (p) => p.rssKb)) },
      goal: { text: '≤ 400 MB', met: mb(med(direct, (s) => s.firstRssKb)) <= 400 },
    },
    {
      name: 'API peak RSS during first start',
      value: mb(med(direct, (s) => s.firstPeakKb)),
      unit: 'MB',
      better: 'lower',
      baseline: { name: 'PGlite alone, initdb peak', value: mb(probe(probes.create, (p) => p.peakKb)) },
    },
    {
      name: `API RSS after ${loadSeconds} s of scenario 2's GET load`,
      value: mb(med(direct, (s) => s.afterLoadRssKb)),
      unit: 'MB',
      better: 'lower',
      baseline: { name: 'PGlite alone, open existing', value: mb(probe(probes.open, (p) => p.rssKb)) },
      goal: { text: '≤ 400 MB', met: mb(med(direct, (s) => s.afterLoadRssKb)) <= 400 },
    },
  ];
  const list = (values: number[]) => values.map((v) => round(v)).join(', ');
  const startRow = (name: string, samples: StartSample[]) => [
    name,
    list(samples.map((s) => s.firstMs)),
    list(samples.map((s) => s.restartMs)),
    round(mb(med(samples, (s) => s.firstRssKb))),
    round(mb(med(samples, (s) => s.firstPeakKb))),
    round(mb(med(samples, (s) => s.restartRssKb))),
    round(mb(med(samples, (s) => s.treeRssKb))),
    samples[0]?.afterLoadRssKb === undefined
      ? ''
      : `${round(mb(med(samples, (s) => s.afterLoadRssKb)))} / ${round(mb(med(samples, (s) => s.afterLoadPeakKb)))}`,
  ];
  const probeRow = (name: string, samples: ProbeSample[]) => [
    name,
    list(samples.map((p) => p.ms)),
    round(probe(samples, (p) => p.processMs)),
    round(mb(probe(samples, (p) => p.rssKb))),
    round(mb(probe(samples, (p) => p.peakKb))),
  ];
  return {
    id: 'startup',
    title: '5. Embedded default: start-up and memory',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    environment: finishEnvironment(environment),
    settings: context.settings,
    method: [
      'Start time: from spawning the process to the first 200 from GET /health (polled every 20 ms), PGlite in a new temporary DATA_DIR (first start: the install-time migrated template data directory is copied into place, packages/db/src/pglite-template.ts) and then the same directory again (restart).',
      "`npm start` is the root script (turbo brings the apps' bundles up to date, a cache hit when nothing changed; then scripts/start.mjs runs `node apps/api/dist/main.js` and the bot); its memory is that of the serving Node process found under it. The direct entry is `node dist/main.js` (the same bundle, rebuilt from the current source at the start of the benchmark), one process; the load and the memory figures come from it.",
      "RSS is VmRSS of /proc/<pid>/status; peak is VmHWM (highest RSS since the process started). The load is scenario 2's: GET one conversation over REST, 8 keep-alive connections.",
      'Baseline: PGlite alone in a fresh process (no Prisma, no migrations, no HTTP): initdb in a new directory, reopening it, and loading the template into a new directory; "process" times include starting Node.',
    ],
    figures,
    tables: [
      {
        title: 'API start (per run, ms) and memory (median, MB)',
        columns: [
          'Entry',
          'First start ms',
          'Restart ms',
          'RSS after first start',
          'Peak during first start',
          'RSS after restart',
          'Whole process tree',
          'After load: RSS / peak',
        ],
        rows: [
          startRow('`node dist/main.js`', direct),
          ...(npmStart ? [startRow('`npm start`', viaNpm)] : []),
        ],
      },
      {
        title: 'PGlite alone (baseline)',
        columns: [
          'Operation',
          'Inside the process, ms per run',
          'Process (spawn → ready) ms',
          'RSS MB',
          'Peak MB',
        ],
        rows: [
          probeRow('new data directory (initdb)', probes.create),
          probeRow('open existing', probes.open),
          probeRow('new data directory from the template', probes.template),
        ],
      },
    ],
    notes: [],
    data: { probes, direct, npmStart: viaNpm },
  };
}
