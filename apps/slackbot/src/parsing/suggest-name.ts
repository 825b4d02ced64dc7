import { suggest } from '@switchboard/core';
import { UsageError } from './usage-error';

/** `/conv lsit` → `Unknown subcommand "lsit" for /conv — did you mean "list"?` with the usage. */
export function unknownSubcommand(
  written: string,
  command: string,
  subcommands: readonly string[],
  usage: string,
): UsageError {
  const near = closestName(written.toLowerCase(), subcommands);
  return new UsageError(
    `Unknown subcommand "${written}" for ${command}${near ? ` — did you mean "${near}"?` : '.'}`,
    usage,
  );
}

/**
 * The name a slip most likely meant (case ignored). Subcommands and group names are short, so a
 * swapped pair of letters (the commonest slip: `lsit`, `VPI`) costs two edits and would fall
 * outside the edit-distance allowance; it is checked on its own.
 */
export function closestName(written: string, names: readonly string[]): string | undefined {
  return (
    suggest(written, names) ?? names.find((name) => oneSwapApart(written.toLowerCase(), name.toLowerCase()))
  );
}

function oneSwapApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differing = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  const [i, j] = differing;
  return differing.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
