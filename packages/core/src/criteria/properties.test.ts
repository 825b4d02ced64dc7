import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ConversationFacts } from '../conversation/types';
import { compilePredicate, isCriteriaError, parseCriteria, printCriteria } from './index';
import { clockArbitrary, conversationFactsArbitrary, criteriaAstArbitrary } from './testing/arbitraries';
import { textAlphabet } from './testing/pools';
import { referenceEvaluate } from './testing/reference';
import { fastCheckRuns } from './testing/runs';
import { criteriaTextArbitrary, mutatedCriteriaArbitrary } from './testing/variants';

const numRuns = fastCheckRuns();

/** Parses, and when that fails checks the failure is the structured error pointing inside the text. */
const parsesOrExplains = (text: string): void => {
  let ast: ReturnType<typeof parseCriteria>;
  try {
    ast = parseCriteria(text);
  } catch (error) {
    if (!isCriteriaError(error)) throw error;
    const { offset, line, column, message } = error.criteria;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThanOrEqual(text.length);
    expect(line).toBe(text.slice(0, offset).split('\n').length);
    expect(column).toBe(offset - text.lastIndexOf('\n', offset - 1));
    expect(message).not.toContain('internal');
    return;
  }
  // Whatever parses prints back to text that parses to the same AST.
  expect(parseCriteria(printCriteria(ast))).toEqual(ast);
};

const rsqlish = fc.string({
  unit: fc.constantFrom(...textAlphabet, 'status', 'tags', '==', '=in=', ' and ', 'OPEN'),
  maxLength: 60,
});

describe('criteria properties', () => {
  test('print then parse gives the AST back', () => {
    fc.assert(
      fc.property(criteriaAstArbitrary(), (ast) => {
        expect(parseCriteria(printCriteria(ast))).toEqual(ast);
      }),
      { numRuns },
    );
  });

  test('every spelling of an AST (aliases, prefixes, quotes, spaces, offsets) parses to it', () => {
    fc.assert(
      fc.property(criteriaTextArbitrary(), ({ ast, text }) => {
        expect(parseCriteria(text)).toEqual(ast);
      }),
      { numRuns },
    );
  });

  test('the parser only ever throws the structured error, on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), parsesOrExplains), { numRuns });
    fc.assert(fc.property(rsqlish, parsesOrExplains), { numRuns });
    // Long inputs around the 4096 limit: mostly RSQL-looking, so the parser gets deep into them.
    const long = fc.string({
      unit: fc.constantFrom(...textAlphabet, 'status==OPEN;', '((', 'x'),
      minLength: 700,
      maxLength: 4500,
      size: 'max',
    });
    fc.assert(fc.property(long, parsesOrExplains), { numRuns });
  });

  test('the parser only ever throws the structured error, on mutated valid criteria', () => {
    fc.assert(fc.property(mutatedCriteriaArbitrary, parsesOrExplains), { numRuns });
  });

  test('the compiled predicate agrees with the naive reference evaluator', () => {
    fc.assert(
      fc.property(
        criteriaAstArbitrary(),
        fc.array(conversationFactsArbitrary, { minLength: 1, maxLength: 5 }),
        clockArbitrary,
        (ast, facts, now) => {
          // The clock is an input: relative instants (now-PT4H) resolve against it.
          const predicate = compilePredicate(ast, { clock: () => now });
          for (const fact of facts) expect(predicate(fact)).toBe(referenceEvaluate(ast, fact, now));
        },
      ),
      { numRuns },
    );
  });

  test('!= and =out= are exactly the negation of == and =in=', () => {
    const negated = { '!=': '==', '=out=': '=in=' } as const;
    fc.assert(
      fc.property(criteriaAstArbitrary(0), conversationFactsArbitrary, clockArbitrary, (ast, facts, now) => {
        if (ast.type !== 'comparison' || !(ast.operator === '!=' || ast.operator === '=out=')) return;
        const clock = () => now;
        const positive = compilePredicate({ ...ast, operator: negated[ast.operator] }, { clock });
        expect(compilePredicate(ast, { clock })(facts)).toBe(!positive(facts));
      }),
      { numRuns },
    );
  });

  test('the predicate is total: it returns a boolean for any facts, even malformed ones', () => {
    const malformed = fc.dictionary(
      fc.constantFrom(
        'id',
        'topic',
        'status',
        'priority',
        'createdAt',
        'closedAt',
        'metadata',
        'tags',
        'entities',
      ),
      fc.oneof(fc.anything(), fc.date({ noInvalidDate: false }), fc.array(fc.anything())),
    ) as unknown as fc.Arbitrary<ConversationFacts>;
    fc.assert(
      fc.property(criteriaAstArbitrary(), fc.oneof(conversationFactsArbitrary, malformed), (ast, facts) => {
        expect(typeof compilePredicate(ast)(facts)).toBe('boolean');
      }),
      { numRuns },
    );
  });
});
