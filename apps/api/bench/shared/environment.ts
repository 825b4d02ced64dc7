import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { repositoryRoot } from './config';

/** Where and on what a scenario ran: a figure means little without the machine's load beside it. */
export interface Environment {
  node: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /** 1-minute load average when the scenario started and ended. */
  loadAverage: { start: number; end?: number };
  commit: string;
  /** Uncommitted changes in the working tree when the run started. */
  dirty: boolean;
  postgres?: string | undefined;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repositoryRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function captureEnvironment(): Environment {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: { start: Number((loadavg()[0] ?? 0).toFixed(2)) },
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain']) !== '',
  };
}

export function finishEnvironment(environment: Environment): Environment {
  return {
    ...environment,
    loadAverage: { ...environment.loadAverage, end: Number((loadavg()[0] ?? 0).toFixed(2)) },
  };
}
