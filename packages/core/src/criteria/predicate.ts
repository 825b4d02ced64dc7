import type { ConversationFacts } from '../conversation/types';
import type { CriteriaAst, CriteriaComparison } from './ast';
import { criteriaError } from './errors';
import { type FieldSpec, fieldSpec } from './fields';
import { parseInstant } from './instant';
import { rankOf, readNumber, readValue } from './readers';
import { compileWildcard } from './wildcard';

export type CriteriaPredicate = (facts: ConversationFacts) => boolean;

/**
 * Compiles the AST once into nested closures; evaluating one conversation runs only those
 * closures (no AST walk, no `eval`). Semantics (README.md): a comparison on a null or missing
 * value is false, and `!=` / `=out=` are exactly the negation of `==` / `=in=`.
 */
export const compilePredicate = (ast: CriteriaAst): CriteriaPredicate => {
  if (ast.type === 'comparison') return compileComparison(ast);
  const parts = ast.children.map(compilePredicate);
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

const compileComparison = ({ field, operator, values }: CriteriaComparison): CriteriaPredicate => {
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
  if (operator === '!=') return negate(positive(spec, field, '==', values));
  if (operator === '=out=') return negate(positive(spec, field, '=in=', values));
  return positive(spec, field, operator, values);
};

const negate =
  (predicate: CriteriaPredicate): CriteriaPredicate =>
  (facts) =>
    !predicate(facts);

/** `==`, `=in=` and the ordered operators; the negations are built from these. */
const positive = (spec: FieldSpec, field: string, operator: string, values: string[]): CriteriaPredicate => {
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

/** Exact membership: a short list is scanned (faster than hashing), a long one uses a Set. */
const oneOf = (values: string[]): ((text: string) => boolean) => {
  if (values.length > 8) {
    const set = new Set(values);
    return (text) => set.has(text);
  }
  return (text) => values.includes(text);
};

const instantMs = (value: string | undefined): number => {
  const instant = parseInstant(value ?? '');
  return instant.ok ? instant.ms : Number.NaN;
};
