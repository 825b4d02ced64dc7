import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));
const running = new Set<ChildProcess>();

// If the test runner itself exits, take the API processes down with it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A free TCP port on loopback, for child processes that need a fixed PORT. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** How to start the API: from source (tsx), or the way a user does, `npm start` at the repository root. */
const entries = {
  source: { command: process.execPath, args: ['--import', 'tsx', 'src/main.ts'], cwd: apiDir },
  'npm start': {
    command: 'npm',
    args: ['start'],
    cwd: fileURLToPath(new URL('../../../..', import.meta.url)),
  },
};

/**
 * Runs the API (apps/api/src/main.ts by default) as a separate process and waits for /health.
 * `wrapper` runs it under another command (e.g. `['strace', '-o', file, '--']`); `child` is then
 * the wrapper's process.
 */
export async function startApiProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
  entry: keyof typeof entries = 'source',
  wrapper: string[] = [],
): Promise<ApiProcess> {
  const port = env.PORT ?? String(await freePort());
  const { command, args, cwd } = entries[entry];
  const [program, ...programArgs] = [...wrapper, command, ...args] as [string, ...string[]];
  const { child, output } = spawnTracked(program, programArgs, cwd, { ...env, PORT: port });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`API process exited early (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API process did not become healthy in ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the webhook worker (apps/api/src/worker.ts, `npm run worker`) as a separate process. */
export function startWorkerProcess(env: Record<string, string>): { child: ChildProcess; output(): string } {
  return spawnTracked(process.execPath, ['--import', 'tsx', 'src/worker.ts'], apiDir, env);
}

/** A child process killed with the test runner, its stdout and stderr collected. */
function spawnTracked(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}
