import { apiCall, benchApiKey, startApi } from '../shared/api-process';
import { repositoryRoot } from '../shared/config';
import { runLoad } from '../shared/load';
import { memoryOf } from '../shared/proc-stats';
import { freePort, spawnChild, spawnTs, waitHealthy } from '../shared/processes';
import { makeTempDir, removeTempDir } from '../shared/temp-dir';
import { apiProcessUnder, treeRssKb } from './process-tree';

export interface StartSample {
  firstMs: number;
  restartMs: number;
  /** The serving Node process right after the first start: resident now, and its peak so far. */
  firstRssKb: number;
  firstPeakKb: number;
  restartRssKb: number;
  /** Every process of the tree (npm, scripts/start.mjs, the API) after the restart; equal to restartRssKb for the direct entry. */
  treeRssKb: number;
  afterLoadRssKb?: number;
  afterLoadPeakKb?: number;
}

const temporaryDir = () => makeTempDir('start');

/** `node dist/main.js` on a new DATA_DIR, then again on it; then scenario 2's GET load. */
export async function measureDirectStart(loadSeconds: number): Promise<StartSample> {
  const dir = await temporaryDir();
  try {
    const first = await startApi({ DATA_DIR: dir });
    const firstMemory = await memoryOf(first.pid);
    await first.stop();
    const again = await startApi({ DATA_DIR: dir });
    try {
      const restartMemory = await memoryOf(again.pid);
      const { id } = await apiCall<{ id: string }>(again.url, 'POST', '/ccaas/1/conversations', {
        topic: 'Memory probe',
        tags: ['vip', 'billing'],
        metadata: { customerId: '42' },
      });
      await runLoad({
        url: again.url,
        connections: 8,
        durationMs: loadSeconds * 1000,
        next: () => ({
          method: 'GET',
          path: `/ccaas/1/conversations/${id}`,
          headers: { 'x-api-key': benchApiKey },
        }),
      });
      const loaded = await memoryOf(again.pid);
      return {
        firstMs: first.startMs,
        restartMs: again.startMs,
        firstRssKb: firstMemory.rssKb,
        firstPeakKb: firstMemory.peakKb,
        restartRssKb: restartMemory.rssKb,
        treeRssKb: restartMemory.rssKb,
        afterLoadRssKb: loaded.rssKb,
        afterLoadPeakKb: loaded.peakKb,
      };
    } finally {
      await again.stop();
    }
  } finally {
    await removeTempDir(dir);
  }
}

/** `npm start` at the repository root (turbo brings the bundles up to date, then scripts/start.mjs). */
export async function measureNpmStart(): Promise<StartSample> {
  const dir = await temporaryDir();
  const once = async () => {
    const port = await freePort();
    const child = spawnChild('npm', ['start'], {
      cwd: repositoryRoot,
      group: true,
      env: { PORT: String(port), DATA_DIR: dir, BOOTSTRAP_API_KEY: benchApiKey, LOG_LEVEL: 'info' },
      log: 'file',
    });
    try {
      const ms = await waitHealthy(child, `http://127.0.0.1:${port}/health`);
      const pid = await apiProcessUnder(child.pid);
      if (pid === undefined)
        throw new Error(`no apps/api/dist/main.js process under npm start:\n${child.output()}`);
      return { ms, memory: await memoryOf(pid), tree: await treeRssKb(child.pid) };
    } finally {
      await child.stop();
    }
  };
  try {
    const first = await once();
    const again = await once();
    return {
      firstMs: first.ms,
      restartMs: again.ms,
      firstRssKb: first.memory.rssKb,
      firstPeakKb: first.memory.peakKb,
      restartRssKb: again.memory.rssKb,
      treeRssKb: again.tree,
    };
  } finally {
    await removeTempDir(dir);
  }
}

export interface ProbeSample {
  /** Inside the probe: from PGlite.create to the first answered query. */
  ms: number;
  /** From spawning the probe process to its answer (Node start and module loading included). */
  processMs: number;
  rssKb: number;
  peakKb: number;
}

export async function probePglite(mode: 'create' | 'open' | 'template', dir: string): Promise<ProbeSample> {
  const child = spawnTs('bench/startup/pglite-probe.ts', { env: { PROBE_MODE: mode, PROBE_DIR: dir } });
  const done = new Promise<void>((resolve) => child.child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    child.child.stdout?.on('data', () => {
      const match = /\{"ms".*\}/.exec(child.output());
      if (match) resolve(match[0]);
    });
    child.child.once('exit', (code) =>
      reject(new Error(`probe ${mode} exited (${code}):\n${child.output()}`)),
    );
  });
  const processMs = performance.now() - child.startedAt;
  await done;
  return { ...(JSON.parse(line) as Omit<ProbeSample, 'processMs'>), processMs };
}
