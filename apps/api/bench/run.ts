/**
 * `npm run bench -w @switchboard/api` (and `npm run bench` at the root, through turbo): scenarios
 * 1, 2, 3 and 5 of issue 6 and scenario 6 (events and webhooks, issue 14). Each writes bench/results/<id>.json and re-renders the report. A
 * failing scenario is reported and the others still run; the exit code says whether all passed.
 * Not part of `npm test`: nothing here asserts a timing.
 */
import { runGroups } from './groups/run-groups';
import { runOverhead } from './overhead/run-overhead';
import { runRouting } from './routing/run-routing';
import { config } from './shared/config';
import { cleanUpOnInterrupt } from './shared/interrupt';
import { printScenario, saveScenario } from './shared/report';
import type { ScenarioResult } from './shared/results';
import { runStartup } from './startup/run-startup';
import { runWebhooks } from './webhooks/run-webhooks';

const scenarios: Record<string, (log: (line: string) => void) => Promise<ScenarioResult>> = {
  groups: runGroups,
  overhead: runOverhead,
  routing: runRouting,
  startup: runStartup,
  webhooks: runWebhooks,
};

cleanUpOnInterrupt();
const log = (line: string) => process.stdout.write(`${line}\n`);
const started = Date.now();
const results: ScenarioResult[] = [];
let failed = false;

log(`Switchboard API benchmarks${config.quick ? ' (BENCH_QUICK: small sizes, figures not comparable)' : ''}`);
for (const name of config.scenarios) {
  const run = scenarios[name];
  if (!run) {
    log(`Unknown scenario "${name}" in BENCH_SCENARIOS (known: ${Object.keys(scenarios).join(', ')})`);
    failed = true;
    continue;
  }
  log(`\n▶ ${name}`);
  try {
    const result = await run(log);
    await saveScenario(result);
    results.push(result);
    printScenario(result);
  } catch (error) {
    failed = true;
    log(`✗ ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s; report in ${config.outDir}/results.md`);
process.exit(failed ? 1 : 0);
