// One child of `npm start` (scripts/start.mjs), kept running: started, watched until it answers
// /health, and restarted with a growing delay when it crashes after it had been healthy. A child
// that cannot start at all (it exits with an error before it is ever healthy, or keeps doing so
// after a crash) is given up on, with the reason.

/** After this long up, a crash starts the delays again from the first. */
const STABLE_AFTER_MS = 60_000;
const LONGEST_DELAY_MS = 30_000;
/** Without a port to ask (PORT=0), a child counts as healthy once it has stayed up this long. */
const HEALTHY_WITHOUT_PROBE_MS = 5_000;

/**
 * @param {object} options
 * @param {string} options.name                 the app, for messages
 * @param {() => import('node:child_process').ChildProcess} options.start
 * @param {string | undefined} options.healthUrl  GET → 200 means healthy
 * @param {number} options.restartDelayMs        first delay before a restart; it doubles
 * @param {number} options.maxFailedRestarts     restarts in a row that never became healthy
 * @param {(line: string) => void} options.say
 * @returns {{ done: Promise<number>, stop(signal: NodeJS.Signals): void }} done: the exit code
 */
export function superviseChild({ name, start, healthUrl, restartDelayMs, maxFailedRestarts, say }) {
  let stopping = false;
  let current;
  let wake = () => {};

  const run = async () => {
    let everHealthy = false;
    let failedRestarts = 0;
    let quickCrashes = 0;
    for (;;) {
      const startedAt = Date.now();
      const child = start();
      current = child;
      const exited = new Promise((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      const healthy = await becomesHealthy(healthUrl, exited);
      if (healthy) {
        say(`${name} is healthy${everHealthy ? ' again' : ''} (pid ${child.pid})`);
        everHealthy = true;
        failedRestarts = 0;
      }
      const { code, signal } = await exited;
      if (stopping) return code ?? 0;
      // Finished of its own accord, e.g. the Slack bot without its secrets.
      if (code === 0) return 0;
      const failure = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const exitCode = code ?? 1;
      if (!everHealthy) {
        say(
          `${name} ${failure} before it ever became healthy: it cannot start; giving up (its output above says why).`,
        );
        return exitCode;
      }
      if (!healthy && ++failedRestarts >= maxFailedRestarts) {
        say(
          `${name} ${failure} before it became healthy again, ${failedRestarts} restarts in a row; giving up.`,
        );
        return exitCode;
      }
      quickCrashes = Date.now() - startedAt > STABLE_AFTER_MS ? 0 : quickCrashes + 1;
      const delay = Math.min(restartDelayMs * 2 ** Math.max(0, quickCrashes - 1), LONGEST_DELAY_MS);
      say(`${name} ${failure}${healthy ? ' after it had been healthy' : ''}; restarting it in ${delay} ms`);
      await new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay);
      });
      if (stopping) return 0;
    }
  };

  return {
    done: run(),
    stop(signal) {
      stopping = true;
      wake();
      if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
    },
  };
}

/** Resolves true once `healthUrl` answers 200, false if the child exits first. */
async function becomesHealthy(healthUrl, exited) {
  let gone = false;
  exited.then(() => {
    gone = true;
  });
  if (!healthUrl) {
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, HEALTHY_WITHOUT_PROBE_MS))]);
    return !gone;
  }
  while (!gone) {
    try {
      const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok && !gone) return true;
    } catch {
      // not listening yet
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 250))]);
  }
  return false;
}
