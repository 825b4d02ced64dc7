import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileLog, pipedLog } from './child-log';
import { apiDirectory } from './config';
import { processGroupMembers } from './proc-stats';

/** Children this benchmark started; killed by pid if the benchmark itself exits early. */
const running = new Set<ChildProcess>();
export function killAllChildren(): void {
  for (const child of running) if (child.pid) killTree(child.pid, 'SIGKILL');
}
process.once('exit', killAllChildren);

export interface Child {
  pid: number;
  child: ChildProcess;
  startedAt: number;
  /** The last 64 KB the process wrote, for error messages. */
  output(): string;
  /** Its whole log, for processes logging to a file (the API's request lines). */
  log(): string;
  /** The first error-level log lines (pino level 50/60), shortened: why a request failed. */
  errors(): string[];
  /** SIGTERM to the process (and its group when detached), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** A new process group, so `npm start` and everything it starts can be stopped together. */
  group?: boolean;
  /** `file` for processes that log every request (the API); `pipe` (default) for ready lines. */
  log?: 'pipe' | 'file';
}

// Variables a child must not inherit from the benchmark's own environment unless given.
const isolated = [
  'DATABASE_URL',
  'DATA_DIR',
  'PORT',
  'BOOTSTRAP_API_KEY',
  'ADMIN_API_KEY',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
];

export function spawnChild(command: string, args: string[], options: SpawnOptions = {}): Child {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !isolated.includes(key)) env[key] = value;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const startedAt = performance.now();
  const log = options.log === 'file' ? fileLog() : pipedLog();
  const child = spawn(command, args, {
    cwd: options.cwd ?? apiDirectory,
    env,
    stdio: log.stdio,
    detached: options.group ?? false,
  });
  log.attach(child);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const pid = child.pid ?? -1;
  return {
    pid,
    child,
    startedAt,
    output: log.output,
    log: log.all,
    errors: log.errors,
    stop: async (graceMs = 10_000) => {
      if (child.exitCode === null && child.signalCode === null) {
        const target = options.group ? -pid : pid;
        signal(target, 'SIGTERM');
        const timer = setTimeout(() => signal(target, 'SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // npm may exit before the API it started has closed its database: wait for the whole group.
      if (options.group) await waitForGroup(pid, graceMs);
      log.dispose();
    },
  };
}

function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch {
    // already gone
  }
}

async function waitForGroup(groupId: number, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  while ((await processGroupMembers(groupId)).length > 0) {
    if (Date.now() > deadline) {
      signal(-groupId, 'SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function killTree(pid: number, name: NodeJS.Signals): void {
  signal(-pid, name);
  signal(pid, name);
}

/** Runs a TypeScript entry point (the benchmark's own helpers) with Node and tsx. */
export const spawnTs = (script: string, options: SpawnOptions = {}): Child =>
  spawnChild(process.execPath, ['--import', 'tsx', script], options);

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `url` every 20 ms until it answers 200; returns ms since the child was spawned. */
export async function waitHealthy(child: Child, url: string, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.child.exitCode !== null)
      throw new Error(`process exited early (${child.child.exitCode}):\n${child.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return performance.now() - child.startedAt;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await child.stop(0);
      throw new Error(`${url} not healthy within ${timeoutMs} ms:\n${child.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for a line `{"ready":<port>}` on the child's stdout (the bench's own small servers). */
export function readyPort(child: Child, timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${child.output()}`)), timeoutMs);
    const check = () => {
      const match = /\{"ready":(\d+)\}/.exec(child.output());
      if (match) {
        clearTimeout(timer);
        child.child.stdout?.off('data', check);
        resolve(Number(match[1]));
      }
    };
    child.child.stdout?.on('data', check);
    check(); // the line may have arrived before anyone asked
    child.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ready:\n${child.output()}`));
    });
  });
}
