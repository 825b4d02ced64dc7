import fc from 'fast-check';
import { type CriteriaAst, type CriteriaComparison, listOperators } from '../ast';
import { fieldSpec } from '../fields';
import { printCriteriaValue } from '../print';
import { criteriaAstArbitrary } from './arbitraries';
import { textAlphabet } from './pools';

/**
 * Criteria text in every spelling the language allows for the same AST: optional prefix,
 * operator aliases, `and`/`or` words, extra whitespace and parentheses, other quotes, escapes,
 * instants with offsets. `parseCriteria(text)` must deep-equal `ast`.
 */
export const criteriaTextArbitrary = (maxDepth = 4): fc.Arbitrary<{ ast: CriteriaAst; text: string }> =>
  fc
    .tuple(criteriaAstArbitrary(maxDepth), fc.array(fc.nat(), { minLength: 97, maxLength: 97 }))
    .map(([ast, choices]) => ({ ast, text: spell(ast, choices) }));

const aliases: Record<string, string> = { '<': '=lt=', '<=': '=le=', '>': '=gt=', '>=': '=ge=' };

export const spell = (ast: CriteriaAst, choices: number[]): string => {
  let next = 0;
  const pick = (n: number): number => (choices[next++ % choices.length] ?? 0) % n;
  const space = () => ['', '', ' ', '  ', '\n', '\t', '\r\n'][pick(7)] ?? '';
  const quoted = (value: string) => {
    const quote = pick(2) ? '"' : "'";
    const escapeAll = pick(4) === 0;
    const body = [...value].map((c) => (escapeAll || c === quote || c === '\\' ? `\\${c}` : c)).join('');
    return `${quote}${body}${quote}`;
  };
  const value = (field: string, text: string) => {
    const instant = fieldSpec(field)?.kind === 'instant' ? respellInstant(text, pick(4), pick(2)) : text;
    return printCriteriaValue(instant) === instant && pick(3) ? instant : quoted(instant);
  };
  const comparison = ({ field, operator, values }: CriteriaComparison) => {
    const name = pick(2) ? `conversation.${field}` : field;
    const op = aliases[operator] && pick(2) ? aliases[operator] : operator;
    const list =
      listOperators.includes(operator) && (values.length > 1 || pick(2))
        ? `(${space()}${values.map((v) => value(field, v)).join(`${space()},${space()}`)}${space()})`
        : value(field, values[0] ?? '');
    return `${name}${space()}${op}${space()}${list}`;
  };
  const node = (current: CriteriaAst, parent?: CriteriaAst['type']): string => {
    let text: string;
    if (current.type === 'comparison') text = comparison(current);
    else {
      const words = current.type === 'and' ? [';', ' and '] : [',', ' or '];
      text = current.children
        .map((child) => node(child, current.type))
        .join(`${space()}${words[pick(2)]}${space()}`);
    }
    const needed = parent === 'and' && current.type === 'or';
    return needed || pick(5) === 0 ? `(${space()}${text}${space()})` : text;
  };
  return `${space()}${node(ast)}${space()}`;
};

/** The same instant written with another offset or precision. */
const respellInstant = (canonical: string, offsetChoice: number, trim: number): string => {
  // A relative instant (now-PT4H) has one spelling here: its canonical one.
  if (canonical.startsWith('now')) return canonical;
  const offset = [0, 120, -330, 840][offsetChoice] ?? 0;
  const local = new Date(Date.parse(canonical) + offset * 60_000).toISOString().slice(0, 23);
  const body = trim && local.endsWith('.000') ? local.slice(0, 19) : local;
  if (offset === 0) return `${body}${trim ? 'Z' : '+00:00'}`;
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${body}${offset < 0 ? '-' : '+'}${hhmm}`;
};

/** Valid criteria with a few random edits: most are invalid, some are valid in a new way. */
export const mutatedCriteriaArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    criteriaTextArbitrary(3),
    fc.array(fc.tuple(fc.nat(3), fc.nat(), fc.nat(), fc.constantFrom(...textAlphabet, 'and', '=in=', '((')), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([{ text }, edits]) =>
    edits.reduce((current, [kind, a, b, insert]) => {
      const at = a % (current.length + 1);
      const to = Math.min(current.length, at + (b % 8));
      if (kind === 0) return current.slice(0, at) + insert + current.slice(at);
      if (kind === 1) return current.slice(0, at) + current.slice(to);
      if (kind === 2) return current.slice(0, to) + current.slice(at, to) + current.slice(to);
      return current.slice(0, at) + insert + current.slice(to);
    }, text),
  );
