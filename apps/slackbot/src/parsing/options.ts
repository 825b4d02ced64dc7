import type { Token } from './tokenize';

export interface OptionToken {
  key: string;
  value: string;
}

// `priority=ge=HIGH` and `status==OPEN` are criteria comparisons, not options.
const comparison = /^[\w.]+(==|!=|=[a-z]+=|<|>)/;
const option = /^([A-Za-z][\w-]*)=([\s\S]*)$/;

/** `key=value` for one of `keys` (case-insensitive), else undefined. */
export function optionOf(token: Token, keys: readonly string[]): OptionToken | undefined {
  if (/^["'“”‘’]/.test(token.raw)) return undefined;
  if (comparison.test(token.raw)) return undefined;
  const match = option.exec(token.value);
  if (!match) return undefined;
  const key = (match[1] ?? '').toLowerCase();
  if (!keys.includes(key)) return undefined;
  return { key, value: match[2] ?? '' };
}

/**
 * Takes `key=value` options from the start and the end of `tokens`; what is left in between is
 * returned as `rest` (for criteria, which may themselves contain `=`).
 */
export function peelOptions(
  tokens: readonly Token[],
  keys: readonly string[],
): { options: Record<string, string>; rest: Token[] } {
  const options: Record<string, string> = {};
  let from = 0;
  let to = tokens.length;
  const take = (token: Token | undefined): boolean => {
    const found = token && optionOf(token, keys);
    if (!found) return false;
    options[found.key] = found.value;
    return true;
  };
  while (from < to && take(tokens[from])) from++;
  while (to > from && take(tokens[to - 1])) to--;
  return { options, rest: tokens.slice(from, to) };
}
