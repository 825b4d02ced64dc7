import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  compilePredicate,
  isExpressionError,
  parseCriteria,
  parseExpression,
  printCriteria,
  printExpression,
} from './index';
import { conversationFactsArbitrary, criteriaAstArbitrary } from './testing/arbitraries';
import { sampleFacts } from './testing/fixtures';
import { fastCheckRuns } from './testing/runs';

const numRuns = fastCheckRuns();

// Table-driven: the expression (as JSON text) and the RSQL it reads as.
const reads: [string, string][] = [
  ['{"$eq":{"message.channel":"WHATSAPP"}}', 'channel==WHATSAPP'],
  [
    '{"$or":[{"$eq":{"message.channel":"WHATSAPP"}},{"$eq":{"message.channel":"LIVE_CHAT"}}]}',
    'channel==WHATSAPP,channel==LIVE_CHAT',
  ],
  [
    '{"$and":[{"$eq":{"message.channel":"TELEGRAM"}},{"$eq":{"customer.country":"Croatia"}}]}',
    'channel==TELEGRAM;metadata.customer.country==Croatia',
  ],
  ['{"$ne":{"status":"CLOSED"},"$gte":{"priority":"HIGH"}}', 'status!=CLOSED;priority>=HIGH'],
  ['{"$eq":{"tags":"vip","conversation.metadata.tier":"gold"}}', 'tags==vip;metadata.tier==gold'],
  [
    '{"$in":{"priority":["HIGH","URGENT"]},"$nin":{"tags":["spam"]}}',
    'priority=in=(HIGH,URGENT);tags=out=(spam)',
  ],
  ['{"$lt":{"createdAt":"2024-01-01T01:00:00+01:00"}}', 'createdAt<2024-01-01T00:00:00.000Z'],
  [
    '{"$and":[{"$or":[{"$eq":{"tags":"a"}},{"$eq":{"tags":"b"}}]},{"$eq":{"metadata.n":5}}]}',
    '(tags==a,tags==b);metadata.n==5',
  ],
  ['{"$and":[{"$eq":{"tags":"only"}}]}', 'tags==only'],
];

describe('parseExpression reads Infobip expressions into the criteria AST', () => {
  test.each(reads)('%s', (json, rsql) => {
    const ast = parseExpression(JSON.parse(json));
    expect(ast).toEqual(parseCriteria(rsql));
    expect(printCriteria(ast)).toBe(rsql);
  });
});

// Table-driven refusals: the expression, the path named, and a word of the explanation.
const refusals: [string, string, string][] = [
  ['[]', 'expression', 'expected an object'],
  ['{}', 'expression', 'empty expression'],
  ['{"$regex":{"topic":"a"}}', 'expression.$regex', 'valid operators: $and, $or, $eq'],
  ['{"$or":[]}', 'expression.$or', 'non-empty array'],
  [
    '{"$or":[{"$eq":{"message.chanel":"SMS"}}]}',
    'expression.$or[0].$eq["message.chanel"]',
    'valid fields: message.channel',
  ],
  ['{"$eq":{"priority":"SUPER"}}', 'expression.$eq.priority', 'Allowed: LOW, NORMAL, HIGH, URGENT'],
  ['{"$lt":{"tags":"a"}}', 'expression.$lt.tags', 'it takes $eq, $ne, $in, $nin'],
  ['{"$eq":{"tags":["a"]}}', 'expression.$eq.tags', 'one value (use $in'],
  ['{"$in":{"tags":[]}}', 'expression.$in.tags', 'array of 1 to 100'],
  ['{"$in":{"tags":["a",null]}}', 'expression.$in.tags[1]', 'string, a number or a boolean'],
  ['{"$eq":"WHATSAPP"}', 'expression.$eq', 'object of field → value'],
  ['{"$and":[{"$eq":{"status":"OPEN"}},"x"]}', 'expression.$and[1]', 'expected an object'],
];

describe('bad expressions name the JSON path of the bad node', () => {
  test.each(refusals)('%s', (json, path, explanation) => {
    let caught: unknown;
    try {
      parseExpression(JSON.parse(json));
    } catch (error) {
      caught = error;
    }
    expect(isExpressionError(caught)).toBe(true);
    if (!isExpressionError(caught)) return;
    expect(caught.code).toBe('INVALID_CRITERIA');
    expect(caught.path).toBe(path);
    expect(caught.message).toContain(`${path}: `);
    expect(caught.message).toContain(explanation);
    expect(caught.details?.validOperators).toContain('$eq');
    expect(caught.details?.validFields).toContain('message.channel');
  });

  test('the path names the rule it belongs to', () => {
    expect(() => parseExpression({ $eq: { nope: 'x' } }, '[2].expression')).toThrow(
      /^\[2\]\.expression\.\$eq\.nope: unknown field "nope"/,
    );
  });

  test('nesting deeper than the RSQL limit is refused', () => {
    let deep: unknown = { $eq: { tags: 'a' } };
    for (let i = 0; i < 20; i++) deep = { $and: [deep, { $eq: { tags: 'b' } }] };
    expect(() => parseExpression(deep)).toThrow(/nest at most 16/);
  });
});

describe('an expression and its RSQL print select the same conversations', () => {
  test('on the fixtures: the document example selects by channel', () => {
    const ast = parseExpression({ $or: [{ $eq: { 'message.channel': 'EMAIL' } }, { $eq: { tags: 'vip' } }] });
    const viaRsql = compilePredicate(parseCriteria(printCriteria(ast)));
    const viaJson = compilePredicate(ast);
    expect(sampleFacts.filter(viaJson).map((f) => f.id)).toEqual(
      sampleFacts.filter(viaRsql).map((f) => f.id),
    );
    expect(sampleFacts.filter(viaJson).length).toBeGreaterThan(0);
  });

  test('property: for any criteria, its JSON expression and its RSQL agree on any conversation', () => {
    fc.assert(
      fc.property(
        criteriaAstArbitrary(),
        fc.array(conversationFactsArbitrary, { maxLength: 8 }),
        (ast, facts) => {
          // The JSON goes through text, as it does over HTTP.
          const fromJson = parseExpression(JSON.parse(JSON.stringify(printExpression(ast))));
          const fromRsql = parseCriteria(printCriteria(fromJson));
          expect(fromJson).toEqual(ast);
          const json = compilePredicate(fromJson);
          const rsql = compilePredicate(fromRsql);
          for (const conversation of facts) expect(json(conversation)).toBe(rsql(conversation));
        },
      ),
      { numRuns },
    );
  });

  test('property: any JSON value is read or refused with an ExpressionError, never another error', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        try {
          parseExpression(value);
        } catch (error) {
          expect(isExpressionError(error)).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});
