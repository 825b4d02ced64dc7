import type { ConversationFacts } from '../conversation/types';
import type { CriteriaAst, CriteriaComparison } from './ast';
import { criteriaError } from './errors';
import { type FieldSpec, fieldSpec } from './fields';
import { rankOf, readNumber, readValue } from './readers';
import { instantAt, isRelativeInstant } from './relative';
import { compileWildcard } from './wildcard';

export type CriteriaPredicate = (facts: ConversationFacts) => boolean;

export interface PredicateOptions {
  /**
   * The clock relative instants (`createdAt<now-4h`) are evaluated against, read at each
   * evaluation: a predicate compiled once (a route) stays right as time passes. Epoch ms.
   */
  clock?: () => number;
}

/**
 * Compiles the AST once into nested closures; evaluating one conversation runs only those
 * closures (no AST walk, no `eval`). Semantics (README.md): a comparison on a null or missing
 * value is false, and `!=` / `=out=` are exactly the negation of `==` / `=in=`.
 */
export const compilePredicate = (ast: CriteriaAst, options: PredicateOptions = {}): CriteriaPredicate => {
  if (ast.type === 'comparison') return compileComparison(ast, options.clock ?? Date.now);
  const parts = ast.children.map((child) => compilePredicate(child, options));
  const [a, b, c] = parts;
  const count = parts.length;
  if (ast.type === 'and') {
    if (count === 2 && a && b) return (facts) => a(facts) && b(facts);
    if (count === 3 && a && b && c) return (facts) => a(facts) && b(facts) && c(facts);
    return (facts) => {
      for (let i = 0; i < count; i++) if (!(parts[i] as CriteriaPredicate)(facts)) return false;
      return true;
    };
  }
  if (count === 2 && a && b) return (facts) => a(facts) || b(facts);
  if (count === 3 && a && b && c) return (facts) => a(facts) || b(facts) || c(facts);
  return (facts) => {
    for (let i = 0; i < count; i++) if ((parts[i] as CriteriaPredicate)(facts)) return true;
    return false;
  };
};

const compileComparison = (
  { field, operator, values }: CriteriaComparison,
  clock: () => number,
): CriteriaPredicate => {
  const spec = fieldSpec(field);
  if (!spec?.operators.includes(operator) || values.length === 0) {
    // Only reachable with an AST that did not come from parseCriteria.
    throw criteriaError('', {
      code: 'BAD_OPERATOR',
      problem: `Cannot compile ${field}${operator}`,
      offset: 0,
      field,
    });
  }
  if (operator === '!=') return negate(positive(spec, field, '==', values, clock));
  if (operator === '=out=') return negate(positive(spec, field, '=in=', values, clock));
  return positive(spec, field, operator, values, clock);
};

const negate =
  (predicate: CriteriaPredicate): CriteriaPredicate =>
  (facts) =>
    !predicate(facts);

/** `==`, `=in=` and the ordered operators; the negations are built from these. */
const positive = (
  spec: FieldSpec,
  field: string,
  operator: string,
  values: string[],
  clock: () => number,
): CriteriaPredicate => {
  if (spec.kind === 'instant' && values.some(isRelativeInstant))
    return relative(field, operator, values, clock);
  if (spec.kind === 'instant' || spec.kind === 'priority') return ordered(spec, field, operator, values);
  const read = readValue(field);
  const [value = ''] = values;
  const match = operator === '=in=' ? oneOf(values) : spec.wildcards ? compileWildcard(value) : undefined;
  if (spec.kind === 'set') {
    if (!match) {
      return (facts) => {
        const names = read(facts);
        return Array.isArray(names) && names.includes(value);
      };
    }
    return (facts) => {
      const names = read(facts);
      if (!Array.isArray(names)) return false;
      for (let i = 0; i < names.length; i++) {
        const name: unknown = names[i];
        if (typeof name === 'string' && match(name)) return true;
      }
      return false;
    };
  }
  if (!match) return (facts) => read(facts) === value;
  return (facts) => {
    const text = read(facts);
    return typeof text === 'string' && match(text);
  };
};

/** Priority (by rank) and instants (epoch ms). NaN stands for null, and every comparison with NaN is false. */
const ordered = (spec: FieldSpec, field: string, operator: string, values: string[]): CriteriaPredicate => {
  const read = readNumber(field);
  const toNumber = spec.kind === 'priority' ? rankOf : instantMs;
  const target = toNumber(values[0]);
  switch (operator) {
    case '<':
      return (facts) => read(facts) < target;
    case '<=':
      return (facts) => read(facts) <= target;
    case '>':
      return (facts) => read(facts) > target;
    case '>=':
      return (facts) => read(facts) >= target;
    case '==':
      return (facts) => read(facts) === target;
  }
  const targets = new Set(values.map(toNumber));
  return (facts) => targets.has(read(facts));
};

/** Instants against the clock, read once per evaluation; the same comparisons as `ordered`. */
const relative = (
  field: string,
  operator: string,
  values: string[],
  clock: () => number,
): CriteriaPredicate => {
  const read = readNumber(field);
  const [first = ''] = values;
  switch (operator) {
    case '<':
      return (facts) => read(facts) < instantAt(first, clock());
    case '<=':
      return (facts) => read(facts) <= instantAt(first, clock());
    case '>':
      return (facts) => read(facts) > instantAt(first, clock());
    case '>=':
      return (facts) => read(facts) >= instantAt(first, clock());
    case '==':
      return (facts) => read(facts) === instantAt(first, clock());
  }
  return (facts) => {
    const now = clock();
    const value = read(facts);
    return values.some((v) => instantAt(v, now) === value);
  };
};

/** Exact membership: a short list is scanned (faster than hashing), a long one uses a Set. */
const oneOf = (values: string[]): ((text: string) => boolean) => {
  if (values.length > 8) {
    const set = new Set(values);
    return (text) => set.has(text);
  }
  return (text) => values.includes(text);
};

// Only absolute values reach here, so the clock is never read.
const instantMs = (value: string | undefined): number => instantAt(value ?? '', Number.NaN);
