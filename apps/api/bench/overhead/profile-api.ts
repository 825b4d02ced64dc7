/**
 * Where the API's CPU goes on scenario 2's request (and on a conversation create, the write that
 * routing, events and webhooks ride on): starts the API as the benchmark does (its own process,
 * PostgreSQL, LOG_LEVEL=info, rate limit lifted) under `node --cpu-prof`, drives REST and tRPC
 * GETs and/or REST creates with the benchmark's load generator, stops it, and prints self time by
 * function and by file from the written profile. Not part of `npm run bench`:
 *   npx tsx bench/overhead/profile-api.ts [seconds per target] [profile directory] [rest,trpc,create]
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchApiKey } from '../shared/api-process';
import { type LoadRequest, runLoad } from '../shared/load';
import { withBenchDatabase } from '../shared/postgres';
import { cpuSecondsOf } from '../shared/proc-stats';
import { freePort, spawnChild, waitHealthy } from '../shared/processes';
import { summarizeProfile } from './profile-summary';
import { seedThroughSql } from './targets';

const seconds = Number(process.argv[2] ?? 5);
const profileDir = resolve(process.argv[3] ?? `/tmp/switchboard-profile-${Date.now()}`);
const only = (process.argv[4] ?? 'rest,trpc').split(',');
mkdirSync(profileDir, { recursive: true });

await withBenchDatabase('profile', async (url) => {
  const port = await freePort();
  const api = spawnChild(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', 'src/main.ts'],
    {
      env: {
        DATABASE_URL: url,
        PORT: String(port),
        BOOTSTRAP_API_KEY: benchApiKey,
        RATE_LIMIT_PER_MINUTE: '100000000',
        LOG_LEVEL: 'info',
      },
      log: 'file',
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(api, `${base}/health`);
    const { ids } = await seedThroughSql(url);
    const headers = { 'x-api-key': benchApiKey };
    const targets: Record<string, (i: number) => LoadRequest> = {
      rest: (i) => ({ method: 'GET', path: `/ccaas/1/conversations/${ids[i % ids.length]}`, headers }),
      trpc: (i) => ({
        method: 'GET',
        path: `/trpc/conversations.get?input=${encodeURIComponent(JSON.stringify({ conversationId: ids[i % ids.length] }))}`,
        headers,
      }),
      create: (i) => ({
        method: 'POST',
        path: '/ccaas/1/conversations',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ topic: `Profiled create ${i}`, priority: 'HIGH', tags: ['vip'] }),
      }),
    };
    const chosen = Object.entries(targets).filter(([name]) => only.includes(name));
    for (const [name, next] of chosen) {
      const cpuBefore = await cpuSecondsOf(api.pid);
      const load = await runLoad({
        url: base,
        connections: 16,
        durationMs: seconds * 1000,
        next,
      });
      const cpu = (await cpuSecondsOf(api.pid)) - cpuBefore;
      process.stdout.write(
        `${name}: ${Math.round(load.requestsPerSecond)} req/s, ${load.failures} failures, ` +
          `${((1000 * cpu) / load.requests).toFixed(2)} ms server CPU per request\n`,
      );
    }
  } finally {
    await api.stop();
  }
});

const profiles = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
for (const name of profiles) {
  process.stdout.write(`\n${resolve(profileDir, name)}\n`);
  process.stdout.write(summarizeProfile(resolve(profileDir, name), { lastSeconds: only.length * seconds }));
}
