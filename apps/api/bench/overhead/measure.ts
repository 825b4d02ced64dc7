import { type LoadResult, runLoad } from '../shared/load';
import { cpuSecondsOf } from '../shared/proc-stats';
import type { Target } from './targets';

export interface Measured {
  target: Target;
  runs: (LoadResult & { serverCpu: number })[];
}

/** A 1 s warm-up per target, then `runs` rounds in which every target gets one run, in rotated order. */
export async function measure(
  targets: Target[],
  ids: string[],
  options: { seconds: number; connections: number; runs: number },
): Promise<Measured[]> {
  const measured: Measured[] = targets.map((target) => ({ target, runs: [] }));
  const once = async (target: Target, durationMs: number) => {
    const cpuBefore = await cpuSecondsOf(target.pid);
    const load = await runLoad({
      url: target.url,
      connections: options.connections,
      durationMs,
      next: (i) => ({
        method: 'GET',
        path: target.path(ids[i % ids.length] as string),
        headers: target.headers,
      }),
    });
    return { ...load, serverCpu: ((await cpuSecondsOf(target.pid)) - cpuBefore) / load.seconds };
  };
  for (const target of targets) await once(target, 1000); // warm-up: JIT, pools, plan caches
  for (let run = 0; run < options.runs; run++) {
    // Rotate the order so no target always runs first (or last) in a round.
    for (let i = 0; i < measured.length; i++) {
      const entry = measured[(run + i) % measured.length] as Measured;
      entry.runs.push(await once(entry.target, options.seconds * 1000));
    }
  }
  return measured;
}
