import { expect, test } from 'vitest';
import { Prisma } from '../src/generated/prisma/client';
import { maxPreparedTexts, prepared, preparedStatementName } from '../src/prepared-statements';

// Texts that grow with their rows (a VALUES list per event) are marked too: past the cap, new
// texts stay unnamed, so no variety of them can fill a connection with prepared statements.
test('at most maxPreparedTexts texts are named; the ones named before keep their names', () => {
  const text = (i: number) => Prisma.sql`SELECT ${i}::int AS "n${Prisma.raw(String(i))}"`;
  const named = Array.from({ length: maxPreparedTexts + 5 }, (_, i) =>
    preparedStatementName({ sql: prepared(text(i)).text }),
  );
  expect(named.filter((name) => name !== undefined)).toHaveLength(maxPreparedTexts);
  expect(named.slice(maxPreparedTexts)).toEqual(Array(5).fill(undefined));
  expect(preparedStatementName({ sql: prepared(text(0)).text })).toBe(named[0]);
  expect(named[0]).toMatch(/^sb_[0-9a-f]{20}$/);
});
