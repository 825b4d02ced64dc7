// `npm start`, after turbo has brought the apps' bundles up to date: runs the API and the Slack
// bot (which exits at once, saying so, when its secrets are not set) as two Node processes.
// Starting them here instead of through `turbo run start` saves a second npm and turbo per app
// (about half a second before the API even begins, and ~200 MB of resident helper processes).
//
// Each child is supervised (scripts/supervise-child.mjs): one that crashes after it had answered
// /health is restarted, after 1 s, then 2, 4 … up to 30 s while it keeps crashing within a minute
// of its start (LAUNCHER_RESTART_DELAY_MS sets the first delay). One that cannot start (it exits
// with an error before it is ever healthy, or 5 restarts in a row never get there) is given up on:
// the others are stopped and its exit code is ours, so a misconfigured bot does not leave a
// half-started service. Messages go to stderr, prefixed `launcher:`. SIGINT/SIGTERM are passed on
// to every child, and this process waits for them to finish (the API closes its database first).
//
// Usage: node scripts/start.mjs [api] [slackbot] (both when none is named).
//
// An app may keep Node flags per database in `apps/<app>/node-flags.json` (`pglite`, `postgresql`).
// The API's cap V8's old space when the database is embedded: PGlite's ~140 MB live in the same
// process, and with memory to spare V8 lets garbage pile up under load (heap 100 → 210 MB in 5 s
// of GETs). The cap costs ~15 % more CPU per request in GC, so with PostgreSQL there is none.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { superviseChild } from './supervise-child.mjs';

const apps = process.argv.length > 2 ? process.argv.slice(2) : ['api', 'slackbot'];
const fileOf = (app, name) => fileURLToPath(new URL(`../apps/${app}/${name}`, import.meta.url));
const database = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
const nodeFlagsOf = (app) => {
  const file = fileOf(app, 'node-flags.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8'))[database] : [];
};

// Where each app answers /health (the ports its own configuration reads, with the same defaults).
const ports = { api: process.env.PORT || '3000', slackbot: process.env.SLACKBOT_PORT || '3001' };
const healthUrlOf = (app) =>
  ports[app] && ports[app] !== '0' ? `http://127.0.0.1:${ports[app]}/health` : undefined;

// A closed stderr must not take the launcher (and the children's supervision) down with it.
process.stderr.on('error', () => {});
const say = (line) => process.stderr.write(`launcher: ${line}\n`);

const supervised = apps.map((app) =>
  superviseChild({
    name: app,
    start: () =>
      spawn(process.execPath, [...nodeFlagsOf(app), fileOf(app, 'dist/main.js')], {
        cwd: fileOf(app, ''),
        stdio: 'inherit',
      }),
    healthUrl: healthUrlOf(app),
    restartDelayMs: Number(process.env.LAUNCHER_RESTART_DELAY_MS || 1_000),
    maxFailedRestarts: 5,
    say,
  }),
);

let exitCode = 0;
const stopAll = (signal) => {
  for (const child of supervised) child.stop(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));

await Promise.all(
  supervised.map(async (child) => {
    const code = await child.done;
    if (code !== 0 && exitCode === 0) {
      exitCode = code;
      stopAll('SIGTERM');
    }
  }),
);
process.exit(exitCode);
