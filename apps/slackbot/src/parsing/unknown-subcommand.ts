import { suggest } from '@switchboard/core';
import { UsageError } from './usage-error';

/** `/conv lsit` → `Unknown subcommand "lsit" for /conv — did you mean "list"?` with the usage. */
export function unknownSubcommand(
  written: string,
  command: string,
  subcommands: readonly string[],
  usage: string,
): UsageError {
  const near = closestSubcommand(written.toLowerCase(), subcommands);
  return new UsageError(
    `Unknown subcommand "${written}" for ${command}${near ? ` — did you mean "${near}"?` : '.'}`,
    usage,
  );
}

/**
 * Subcommands are short, so a swapped pair of letters (the commonest slip: `lsit`, `wacth`) costs
 * two edits and would fall outside the edit-distance allowance; it is checked on its own.
 */
export function closestSubcommand(written: string, subcommands: readonly string[]): string | undefined {
  return suggest(written, subcommands) ?? subcommands.find((name) => oneSwapApart(written, name));
}

function oneSwapApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differing = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  const [i, j] = differing;
  return differing.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
