import type { ChildProcess, StdioOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a child's stdout and stderr go. Small servers of the benchmark print one ready line into
 * a pipe. The API logs a line per request: it writes into a file instead, as it would in
 * production, so a busy benchmark process never makes its logging wait on a full pipe.
 */
export interface ChildLog {
  stdio: StdioOptions;
  /** Called once the child is spawned. */
  attach(child: ChildProcess): void;
  /** The last 64 KB the process wrote. */
  output(): string;
  /** Everything a file log holds so far (a piped log keeps only its last 64 KB). */
  all(): string;
  /** The first error-level log lines (pino level 50/60), shortened: why a request failed. */
  errors(): string[];
  dispose(): void;
}

const tailBytes = 65_536;
const errorLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line))
    .slice(0, 10)
    .map((line) => line.slice(0, 1500));

export function pipedLog(): ChildLog {
  let output = '';
  let errors: string[] = [];
  return {
    stdio: ['ignore', 'pipe', 'pipe'],
    attach(child) {
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-tailBytes);
        if (errors.length < 10) errors = [...errors, ...errorLines(chunk.toString())].slice(0, 10);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
    },
    output: () => output,
    all: () => output,
    errors: () => errors,
    dispose: () => {},
  };
}

let files = 0;
const created = new Set<string>();
process.once('exit', () => {
  for (const path of created) rmSync(path, { force: true });
});

export function fileLog(): ChildLog {
  const path = join(tmpdir(), `switchboard-bench-${process.pid}-${++files}.log`);
  const fd = openSync(path, 'w');
  created.add(path);
  const read = () => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  return {
    stdio: ['ignore', fd, fd],
    attach: () => closeSync(fd), // the child holds its own copy
    output: () => read().slice(-tailBytes),
    all: read,
    errors: () => errorLines(read()),
    dispose: () => {
      rmSync(path, { force: true });
      created.delete(path);
    },
  };
}
