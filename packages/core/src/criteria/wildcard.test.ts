import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileWildcard, hasWildcard, wildcardToLike, wildcardToRegExp } from './index';
import { textAlphabet } from './testing/pools';
import { fastCheckRuns } from './testing/runs';

/** SQL LIKE with ESCAPE '\', interpreted here so the escaping can be checked without a database. */
const likeToRegExp = (like: string): RegExp => {
  let source = '';
  for (let i = 0; i < like.length; i++) {
    const char = like.charAt(i);
    if (char === '\\') source += like.charAt(++i).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
};

const cases: [pattern: string, text: string, matches: boolean][] = [
  ['abc', 'abc', true],
  ['abc', 'abcd', false],
  ['a*', 'a', true],
  ['a*', 'ba', false],
  ['*a', 'ba', true],
  ['*b*', 'abc', true],
  ['*', '', true],
  ['**', 'x', true],
  ['a*a', 'a', false],
  ['a*a', 'aa', true],
  ['a*b*c', 'a-c-b-c', true],
  ['a*b*c', 'acb', false],
  ['50%', '50%', true],
  ['50%', '50x', false],
  ['a_b', 'axb', false],
  ['a?b', 'axb', false],
  ['C:\\*', 'C:\\dir', true],
  ['line*two', 'line\ntwo', true],
  ['Vip*', 'vip-gold', false],
];

describe('wildcards', () => {
  test.each(cases)('%s matches %j: %s', (pattern, text, matches) => {
    expect(compileWildcard(pattern)(text)).toBe(matches);
    expect(wildcardToRegExp(pattern).test(text)).toBe(matches);
    expect(likeToRegExp(wildcardToLike(pattern)).test(text)).toBe(matches);
  });

  test('LIKE escaping: \\ % _ are escaped, * becomes %', () => {
    expect(wildcardToLike('a*b%c_d\\e')).toBe('a%b\\%c\\_d\\\\e');
    expect(hasWildcard('a*')).toBe(true);
    expect(hasWildcard('a')).toBe(false);
  });

  test('the matcher, the RegExp and the LIKE pattern agree on random input', () => {
    const text = fc.string({ unit: fc.constantFrom(...textAlphabet), maxLength: 12 });
    fc.assert(
      fc.property(text, text, (pattern, candidate) => {
        const expected = wildcardToRegExp(pattern).test(candidate);
        expect(compileWildcard(pattern)(candidate)).toBe(expected);
        expect(likeToRegExp(wildcardToLike(pattern)).test(candidate)).toBe(expected);
        // A pattern always matches itself with each * read as the empty string.
        expect(compileWildcard(pattern)(pattern.replaceAll('*', ''))).toBe(true);
      }),
      { numRuns: fastCheckRuns() },
    );
  });
});
