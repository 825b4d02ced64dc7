// `npm start`, after turbo has brought the apps' bundles up to date: runs the API and the Slack
// bot (which exits at once, saying so, when its secrets are not set) as two Node processes.
// Starting them here instead of through `turbo run start` saves a second npm and turbo per app
// (about half a second before the API even begins, and ~200 MB of resident helper processes).
//
// SIGINT/SIGTERM are passed on to both, and this process waits for them to finish (the API
// closes its database first). If one stops with an error, the other is stopped too and the
// error's exit code is ours, so a misconfigured bot does not leave a half-started service.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const apps = ['api', 'slackbot'];
const children = apps.map((app) =>
  spawn(process.execPath, [fileURLToPath(new URL(`../apps/${app}/dist/main.js`, import.meta.url))], {
    cwd: fileURLToPath(new URL(`../apps/${app}/`, import.meta.url)),
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
