import { describe, expect, test } from 'vitest';
import { type CriteriaAst, parseCriteria, printCriteria } from './index';

describe('the AST is plain, canonical JSON', () => {
  test('conversation.metadata.agentId==johndoe and conversation.metadata.customerId==88338833', () => {
    const ast = parseCriteria(
      'conversation.metadata.agentId==johndoe and conversation.metadata.customerId==88338833',
    );
    expect(ast).toEqual({
      type: 'and',
      children: [
        { type: 'comparison', field: 'metadata.agentId', operator: '==', values: ['johndoe'] },
        { type: 'comparison', field: 'metadata.customerId', operator: '==', values: ['88338833'] },
      ],
    } satisfies CriteriaAst);
    expect(JSON.parse(JSON.stringify(ast))).toEqual(ast);
  });

  test('status==OPEN;(priority==HIGH,tags=in=(a,b))', () => {
    expect(parseCriteria('status==OPEN;(priority==HIGH,tags=in=(a,b))')).toEqual({
      type: 'and',
      children: [
        { type: 'comparison', field: 'status', operator: '==', values: ['OPEN'] },
        {
          type: 'or',
          children: [
            { type: 'comparison', field: 'priority', operator: '==', values: ['HIGH'] },
            { type: 'comparison', field: 'tags', operator: '=in=', values: ['a', 'b'] },
          ],
        },
      ],
    });
  });
});

/** Criteria as written → canonical text; parsing the canonical text gives the same AST. */
const canonical: [written: string, printed: string][] = [
  [
    'conversation.metadata.agentId==johndoe and conversation.metadata.customerId==88338833',
    'metadata.agentId==johndoe;metadata.customerId==88338833',
  ],
  ['status==OPEN or status==WAITING', 'status==OPEN,status==WAITING'],
  ['(status==OPEN;priority==LOW);tags==a', 'status==OPEN;priority==LOW;tags==a'],
  ['status==OPEN;(priority==LOW;(tags==a;tags==b))', 'status==OPEN;priority==LOW;tags==a;tags==b'],
  ['(status==OPEN,priority==LOW);tags==a', '(status==OPEN,priority==LOW);tags==a'],
  ['status==OPEN,(priority==LOW;tags==a)', 'status==OPEN,priority==LOW;tags==a'],
  ['((((status==OPEN))))', 'status==OPEN'],
  ['priority=ge=HIGH;priority=lt=URGENT', 'priority>=HIGH;priority<URGENT'],
  ['priority=gt=LOW,priority=le=NORMAL', 'priority>LOW,priority<=NORMAL'],
  ['status=in=OPEN', 'status=in=(OPEN)'],
  ['status=out=( OPEN , CLOSED )', 'status=out=(OPEN,CLOSED)'],
  ['createdAt>2024-01-01T02:00+02:00', 'createdAt>2024-01-01T00:00:00.000Z'],
  ['closedAt<=2024-05-01T09:30:00.5Z', 'closedAt<=2024-05-01T09:30:00.500Z'],
  ["topic=='a b'", 'topic=="a b"'],
  ['topic==and', 'topic=="and"'],
  ['topic=="say \\"hi\\""', 'topic=="say \\"hi\\""'],
  ["topic=='it\\'s'", 'topic=="it\'s"'],
  ['topic=="\\a\\b"', 'topic==ab'],
  ['tags==a\\b', 'tags==a\\b'],
  ['topic=="C:\\\\dir"', 'topic==C:\\dir'],
  ['topic==""', 'topic==""'],
  ['topic=="x;y"', 'topic=="x;y"'],
  ['topic==Müller*', 'topic==Müller*'],
  ['metadata.a.b==1', 'metadata.a.b==1'],
];

describe('canonical printing', () => {
  test.each(canonical)('%s', (written, printed) => {
    const ast = parseCriteria(written);
    expect(printCriteria(ast)).toBe(printed);
    expect(parseCriteria(printed)).toEqual(ast);
  });
});
