import { dropLiveDatabases } from './postgres';
import { killAllChildren } from './processes';

/**
 * Ctrl-C (or a SIGTERM from turbo) stops the child processes and drops the benchmark databases
 * before exiting, instead of leaving API processes and `switchboard_bench_*` databases behind.
 */
export function cleanUpOnInterrupt(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stdout.write(`\n${signal}: stopping child processes and dropping benchmark databases\n`);
      killAllChildren();
      setTimeout(() => process.exit(130), 15_000).unref();
      void dropLiveDatabases().finally(() => process.exit(130));
    });
  }
}
