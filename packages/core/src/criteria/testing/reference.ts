import type { ConversationFacts } from '../../conversation/types';
import { priorities } from '../../conversation/types';
import type { CriteriaAst } from '../ast';
import { fieldSpec, metadataKey } from '../fields';
import { wildcardToRegExp } from '../wildcard';

/**
 * A deliberately naive evaluator written straight from the rules in README.md: it walks the
 * AST on every call and uses RegExps for wildcards. It is the oracle the compiled predicate
 * (and, in packages/db, the SQL compiler) is checked against; never use it in product code.
 */
export const referenceEvaluate = (
  ast: CriteriaAst,
  facts: ConversationFacts,
  nowMs = Date.now(),
): boolean => {
  if (ast.type !== 'comparison') {
    const results = ast.children.map((child) => referenceEvaluate(child, facts, nowMs));
    return ast.type === 'and' ? results.every(Boolean) : results.some(Boolean);
  }
  const { field, operator, values } = ast;
  const spec = fieldSpec(field);
  if (!spec) throw new Error(`unknown field ${field}`);
  if (operator === '!=') return !referenceEvaluate({ ...ast, operator: '==' }, facts, nowMs);
  if (operator === '=out=') return !referenceEvaluate({ ...ast, operator: '=in=' }, facts, nowMs);

  const key = metadataKey(field);
  const raw: unknown =
    key === undefined
      ? (facts as unknown as Record<string, unknown>)[field]
      : Object.hasOwn(facts.metadata, key)
        ? facts.metadata[key]
        : undefined;

  if (spec.kind === 'set') {
    const names = Array.isArray(raw) ? raw.filter((name): name is string => typeof name === 'string') : [];
    return names.some((name) => (operator === '=in=' ? values.includes(name) : matches(values[0], name)));
  }
  if (spec.kind === 'instant' || spec.kind === 'priority') {
    const toNumber = (value: unknown): number | undefined => {
      if (spec.kind === 'instant')
        return value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : undefined;
      const rank = (priorities as readonly unknown[]).indexOf(value);
      return rank === -1 ? undefined : rank;
    };
    const actual = toNumber(raw);
    if (actual === undefined) return false;
    const targets = values.map((value) =>
      toNumber(spec.kind === 'instant' ? instantOf(value, nowMs) : value),
    );
    const [target] = targets;
    if (target === undefined && operator !== '=in=') return false;
    switch (operator) {
      case '==':
        return actual === target;
      case '=in=':
        return targets.includes(actual);
      case '<':
        return actual < (target as number);
      case '<=':
        return actual <= (target as number);
      case '>':
        return actual > (target as number);
      case '>=':
        return actual >= (target as number);
    }
    return false;
  }
  if (typeof raw !== 'string') return false;
  if (operator === '=in=') return values.includes(raw);
  return spec.wildcards ? matches(values[0], raw) : raw === values[0];
};

/** An AST instant: ISO, or canonical relative (`now`, `now-P1DT4H`, `now+PT30M`) against the clock. */
const instantOf = (value: string, nowMs: number): Date => {
  const relative = /^now(?:([+-])P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)?$/.exec(value);
  if (!relative) return new Date(value);
  const [, sign = '+', d = '0', h = '0', m = '0', s = '0'] = relative;
  const ms = ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000;
  return new Date(nowMs + (sign === '-' ? -ms : ms));
};

const matches = (pattern: string | undefined, text: string): boolean =>
  pattern !== undefined && wildcardToRegExp(pattern).test(text);
