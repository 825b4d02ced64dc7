import { config } from '../shared/config';
import { captureEnvironment } from '../shared/environment';
import type { ScenarioResult } from '../shared/results';
import { makeTempDir, removeTempDir } from '../shared/temp-dir';
import { measureDirectStart, measureNpmStart, probePglite, type StartSample } from './measure-start';
import { type Probes, startupResult } from './startup-result';

/**
 * Scenario 5: the embedded default. Start to healthy /health on an empty DATA_DIR and on an
 * existing one, resident memory after start and after scenario 2's GET load; baseline PGlite
 * alone (initdb, open, and loading the install-time template) in the same run.
 */
export async function runStartup(log: (line: string) => void): Promise<ScenarioResult> {
  const environment = captureEnvironment();
  const startedAt = new Date();
  const { runs, loadSeconds, npmStart } = config.startup;
  const probes: Probes = { create: [], open: [], template: [] };
  const direct: StartSample[] = [];
  const viaNpm: StartSample[] = [];
  for (let run = 0; run < runs; run++) {
    const dirs = [await makeTempDir('probe'), await makeTempDir('probe')];
    try {
      probes.create.push(await probePglite('create', dirs[0] as string));
      probes.open.push(await probePglite('open', dirs[0] as string));
      probes.template.push(await probePglite('template', dirs[1] as string));
    } finally {
      for (const dir of dirs) await removeTempDir(dir);
    }
    direct.push(await measureDirectStart(loadSeconds));
    if (npmStart) viaNpm.push(await measureNpmStart());
    log(`  run ${run + 1}/${runs} done`);
  }

  return startupResult(
    { probes, direct, viaNpm },
    { environment, startedAt, settings: { runs, loadSeconds, npmStart, quick: config.quick } },
  );
}
