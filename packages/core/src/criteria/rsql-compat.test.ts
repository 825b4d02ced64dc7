import { parse } from '@rsql/parser';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CriteriaAst, combineCriteria, parseCriteria, printCriteria, resolveField } from './index';
import { criteriaAstArbitrary } from './testing/arbitraries';
import { fastCheckRuns } from './testing/runs';

/**
 * Our parser is hand-written (see parser.ts for why); this checks it reads canonical criteria
 * exactly as the maintained `@rsql/parser` does, so the syntax stays plain RSQL.
 */
type RsqlNode = ReturnType<typeof parse>;
const aliases: Record<string, string> = { '=lt=': '<', '=le=': '<=', '=gt=': '>', '=ge=': '>=' };

const fromRsql = (node: RsqlNode): CriteriaAst => {
  if (node.type === 'LOGIC') {
    const type = node.operator === ';' || node.operator === 'and' ? 'and' : 'or';
    return combineCriteria(type, [fromRsql(node.left), fromRsql(node.right)]);
  }
  const { value } = node.right;
  return {
    type: 'comparison',
    field: resolveField(node.left.selector)?.field ?? `unknown:${node.left.selector}`,
    operator: (aliases[node.operator] ?? node.operator) as never,
    values: Array.isArray(value) ? value : [value],
  };
};

describe('compatibility with @rsql/parser', () => {
  test.each([
    'conversation.metadata.agentId==johndoe and conversation.metadata.customerId==88338833',
    'status==OPEN;(priority=ge=HIGH,tags=in=(vip,"sales call"))',
    "topic=='it\\'s';summary!=\"a,b\"",
  ])('%s', (criteria) => {
    expect(fromRsql(parse(criteria))).toEqual(parseCriteria(criteria));
  });

  test('both parsers read every canonical criteria the same way', () => {
    fc.assert(
      fc.property(criteriaAstArbitrary(), (ast) => {
        expect(fromRsql(parse(printCriteria(ast)))).toEqual(ast);
      }),
      { numRuns: fastCheckRuns() },
    );
  });
});
