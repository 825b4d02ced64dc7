// `npm start`, after turbo has brought the apps' bundles up to date: runs the API and the Slack
// bot (which exits at once, saying so, when its secrets are not set) as two Node processes.
// Starting them here instead of through `turbo run start` saves a second npm and turbo per app
// (about half a second before the API even begins, and ~200 MB of resident helper processes).
//
// SIGINT/SIGTERM are passed on to both, and this process waits for them to finish (the API
// closes its database first). If one stops with an error, the other is stopped too and the
// error's exit code is ours, so a misconfigured bot does not leave a half-started service.
//
// Usage: node scripts/start.mjs [api] [slackbot] (both when none is named).
//
// An app may keep Node flags per database in `apps/<app>/node-flags.json` (`pglite`, `postgresql`).
// The API's cap V8's old space when the database is embedded: PGlite's ~140 MB live in the same
// process, and with memory to spare V8 lets garbage pile up under load (heap 100 → 210 MB in 5 s
// of GETs). The cap costs ~15 % more CPU per request in GC, so with PostgreSQL there is none.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const apps = process.argv.length > 2 ? process.argv.slice(2) : ['api', 'slackbot'];
const fileOf = (app, name) => fileURLToPath(new URL(`../apps/${app}/${name}`, import.meta.url));
const database = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
const nodeFlagsOf = (app) => {
  const file = fileOf(app, 'node-flags.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8'))[database] : [];
};

const children = apps.map((app) =>
  spawn(process.execPath, [...nodeFlagsOf(app), fileOf(app, 'dist/main.js')], {
    cwd: fileOf(app, ''),
    stdio: 'inherit',
  }),
);

let exitCode = 0;
const stopAll = (signal) => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));

await Promise.all(
  children.map(
    (child) =>
      new Promise((resolve) =>
        child.once('exit', (code, signal) => {
          const failed = code ?? 128 + (constants.signals[signal] ?? 0);
          if (failed !== 0 && exitCode === 0) {
            exitCode = failed;
            stopAll('SIGTERM');
          }
          resolve();
        }),
      ),
  ),
);
process.exit(exitCode);
