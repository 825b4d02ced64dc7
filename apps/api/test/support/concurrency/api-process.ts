import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const apiDirectory = fileURLToPath(new URL('../../..', import.meta.url));
const running = new Set<ChildProcess>();

// If the test runner itself dies, take the API processes down with it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ApiProcess {
  url: string;
  pid: number;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** SIGTERM (graceful shutdown), then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the real API (`src/main.ts` through tsx) as a child process on a port the OS picks,
 * and resolves once it logs that it is listening. `env` adds to (and overrides) this process's.
 */
export function startApiProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDirectory,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => running.delete(child));
  let output = '';

  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<ApiProcess>((resolve, reject) => {
    let started = false;
    const fail = (reason: string) => {
      if (started) return;
      started = true;
      clearTimeout(timer);
      void stop(0);
      reject(new Error(`${reason}\n--- API output ---\n${output}`));
    };
    const timer = setTimeout(() => fail(`API process did not start within ${timeoutMs} ms`), timeoutMs);
    child.once('exit', (code, signal) => fail(`API process exited early (code ${code}, signal ${signal})`));
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = started ? undefined : listeningPort(output);
      if (port === undefined) return;
      started = true;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, output: () => output, stop });
    });
  });
}

// main.ts logs (pino JSON) `{ port, msg: "Switchboard API listening" }` once the socket is bound.
function listeningPort(output: string): number | undefined {
  for (const line of output.split('\n')) {
    if (!line.includes('Switchboard API listening')) continue;
    try {
      const port = (JSON.parse(line) as { port?: unknown }).port;
      if (typeof port === 'number') return port;
    } catch {
      // a partial line: wait for the rest
    }
  }
  return undefined;
}
