import { closestName } from './suggest-name';
import type { Token } from './tokenize';
import { UsageError } from './usage-error';

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
 * A `key=value` token at an option's place whose key is a slip of a known one (`prio=HIGH`,
 * `lmit=5`, `nmae="VIP 2"`): an error that names the option meant, instead of the slip becoming
 * part of a topic or criteria.
 */
function mistypedOption(token: Token, keys: readonly string[], usage: string): UsageError | undefined {
  if (/^["'“”‘’]/.test(token.raw) || comparison.test(token.raw)) return undefined;
  const key = option.exec(token.value)?.[1]?.toLowerCase();
  if (key === undefined || keys.includes(key)) return undefined;
  const meant = closestName(key, keys) ?? (key.length >= 3 ? keys.find((k) => k.startsWith(key)) : undefined);
  return meant === undefined
    ? undefined
    : new UsageError(`Unknown option "${key}=" — did you mean "${meant}="?`, usage);
}

/**
 * Takes `key=value` options from the start and the end of `tokens`; what is left in between is
 * returned as `rest` (for criteria, which may themselves contain `=`). A mistyped option there
 * is refused with a suggestion.
 */
export function peelOptions(
  tokens: readonly Token[],
  keys: readonly string[],
  usage: string,
): { options: Record<string, string>; rest: Token[] } {
  const options: Record<string, string> = {};
  let from = 0;
  let to = tokens.length;
  const take = (token: Token | undefined): boolean => {
    if (!token) return false;
    const found = optionOf(token, keys);
    if (!found) {
      const slip = mistypedOption(token, keys, usage);
      if (slip) throw slip;
      return false;
    }
    options[found.key] = found.value;
    return true;
  };
  while (from < to && take(tokens[from])) from++;
  while (to > from && take(tokens[to - 1])) to--;
  return { options, rest: tokens.slice(from, to) };
}
