import { type ConversationFacts, compilePredicate, parseCriteria } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { criteriaPools, sampleFacts } from '../../core/src/criteria/testing';
import {
  compileCriteriaToSql,
  countConversationsMatching,
  findConversationIdsMatching,
} from '../src/criteria';
import { metadataPrefilterPattern } from '../src/criteria/metadata-prefilter';
import {
  insertConversationFacts,
  insertOrganization,
  insertReferencedRows,
} from '../src/criteria/testing/seed';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../src/testing';

/**
 * A metadata wildcard is compiled to `metadata::text LIKE <prefilter> AND <exact test>`. The
 * prefilter must never drop a true match: these are the values whose printed JSON differs from the
 * value (quotes, backslashes, control characters), values that are not strings, non-ASCII text,
 * case, and literals too short for trigrams.
 */
const organizationId = 'org-trigram';
const [first] = sampleFacts as [ConversationFacts];
const fact = (id: string, metadata: Record<string, unknown>): ConversationFacts => ({
  ...first,
  id,
  metadata: metadata as never,
});
const facts: ConversationFacts[] = [
  fact('m1', { orderId: 'ORD-100042' }),
  fact('m2', { note: 'say "hello" now' }),
  fact('m3', { path: 'C:\\dir\\file' }),
  fact('m4', { city: 'Zürich 😀 東京' }),
  // Not strings: they count as null, although the printed document holds 42042 and true.
  fact('m5', { orderId: 42042, flag: true }),
  fact('m6', { orderId: 'ord-100042', note: 'Refund\ttab' }),
  // The literal is in the document, but under another key: the prefilter passes, the exact test not.
  fact('m7', { orderId: 'X', customer: 'ORD-100042' }),
  fact('m8', { orderId: '0042', note: 'é-ab' }),
];

const cases: [criteria: string, ids: string[]][] = [
  ['metadata.orderId==*0042*', ['m1', 'm6', 'm8']],
  ['metadata.orderId==*0042', ['m1', 'm6', 'm8']],
  ['metadata.orderId==*042*', ['m1', 'm6', 'm8']],
  ['metadata.orderId==*100*42', ['m1', 'm6']],
  ['metadata.orderId==ORD*', ['m1']],
  ['metadata.orderId==*ord-*', ['m6']],
  ['metadata.orderId==*ORD-100042*', ['m1']],
  ['metadata.orderId!=*0042*', ['m2', 'm3', 'm4', 'm5', 'm7']],
  ['metadata.orderId==*42*', ['m1', 'm6', 'm8']],
  ['metadata.flag==*rue*', []],
  [`metadata.note=='*"hello"*'`, ['m2']],
  ['metadata.note==*hello*', ['m2']],
  ['metadata.path=="*\\\\dir\\\\*"', ['m3']],
  ['metadata.path==*dir*file', ['m3']],
  ['metadata.city==*Zürich*', ['m4']],
  ['metadata.city=="*rich 😀*"', ['m4']],
  ['metadata.city==*東京', ['m4']],
  ['metadata.city==*zürich*', []],
  ['metadata.note==Refund*tab', ['m6']],
  ['metadata.note=="*d\ttab"', ['m6']],
  ['metadata.note==*ab', ['m6', 'm8']],
  ['metadata.note==é-ab*', ['m8']],
];

describe('the prefilter pattern', () => {
  test.each([
    ['*0042*', '%0042%'],
    ['*0042', '%0042%'],
    ['ORD*', '%ORD%'],
    ['*100*42', '%100%42%'],
    ['*abc_d%ef*', '%abc\\_d\\%ef%'],
    ['*rich 😀*', '%rich 😀%'],
    // Printed differently in JSON, so no superset pattern: the exact test alone.
    ['*"hello"*', undefined],
    ['*\\dir\\*', undefined],
    ['*d\ttab', undefined],
    // No run of three ASCII letters or digits: trigrams would not narrow anything.
    ['*42*', undefined],
    ['*ab', undefined],
    ['*東京', undefined],
    ['*', undefined],
  ])('%j → %j', (pattern, expected) => {
    expect(metadataPrefilterPattern(pattern)).toBe(expected);
  });

  test('is compiled in front of the exact test for ==, never for !=', () => {
    expect(compileCriteriaToSql(parseCriteria('metadata.orderId==*0042*')).text).toMatch(
      /\(c\."metadata"\)::text LIKE .* AND COALESCE\(jsonb_typeof/,
    );
    expect(compileCriteriaToSql(parseCriteria('metadata.orderId!=*0042*')).text).not.toMatch(/::text LIKE/);
  });
});

describe.each(testDatabaseKinds())('metadata wildcards with the trigram prefilter on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await insertOrganization(db.prisma, organizationId);
    await insertReferencedRows(db.prisma, organizationId, criteriaPools);
    await insertConversationFacts(db.prisma, organizationId, facts);
  });
  afterAll(() => db?.dispose());

  test.each(cases)('%s', async (criteria, expected) => {
    const ast = parseCriteria(criteria);
    expect(facts.filter(compilePredicate(ast)).map((f) => f.id)).toEqual(expected);
    const filter = { organizationId, criteria: ast };
    const page = await findConversationIdsMatching(db.prisma, {
      ...filter,
      orderBy: 'createdAt',
      direction: 'asc',
      limit: 100,
    });
    expect([...page].sort()).toEqual(expected);
    // The same through the trigram indexes (bitmap scans, the index's candidates rechecked).
    const counted = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      await tx.$executeRawUnsafe('SET LOCAL enable_indexscan = off');
      return countConversationsMatching(tx, filter);
    });
    expect(counted).toBe(expected.length);
  });
});
