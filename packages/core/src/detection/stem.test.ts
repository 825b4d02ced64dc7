import { describe, expect, test } from 'vitest';
import { stem } from './stem';

// Related forms must share a stem; the stem itself need not be a real word.
describe('related forms share a stem', () => {
  test.each([
    ['cancel', 'cancels', 'cancelled', 'canceled', 'cancelling', 'canceling'],
    ['charge', 'charges', 'charged', 'charging'],
    ['refund', 'refunds', 'refunded', 'refunding'],
    ['policy', 'policies'],
    ['reply', 'replies', 'replied'],
    ['apply', 'applies', 'applied'],
    ['try', 'tries', 'tried'],
    ['use', 'uses', 'used', 'using'],
    ['stop', 'stops', 'stopped', 'stopping'],
    ['bill', 'bills', 'billed', 'billing'],
    ['case', 'cases'],
    ['box', 'boxes'],
    ['issue', 'issues'],
    ['class', 'classes'],
    ['process', 'processes'],
    ['quick', 'quickly'],
    ['final', 'finally'],
    ['family', 'families'],
    ['movie', 'movies'],
    ['agree', 'agrees', 'agreeing'],
    ['match', 'matches'],
    ['wish', 'wishes'],
    ['horse', 'horses'],
    ['need', 'needs', 'needed'],
    ['speed', 'speeds'],
    ['go', 'goes'],
    ['meeting', 'meetings'],
  ])('%s', (...forms) => {
    const stems = new Set(forms.map(stem));
    expect([...stems]).toHaveLength(1);
  });
});

describe('short and irregular words keep their shape', () => {
  test.each([
    ['status', 'statu'.length + 1],
    ['this', 4],
    ['thing', 5],
    ['bring', 5],
    ['shed', 4],
    ['is', 2],
    ['yes', 3],
  ])('%s is not stripped', (word, length) => {
    expect(stem(word)).toHaveLength(length);
  });

  test('known miss: "agreed" does not meet "agree" (-eed is kept for "need", "speed")', () => {
    expect(stem('agreed')).not.toBe(stem('agree'));
  });

  test('"thing" and "the" do not collide', () => {
    expect(stem('thing')).not.toBe(stem('the'));
  });

  test('"status" and "statuses" share a stem', () => {
    expect(stem('statuses')).toBe(stem('status'));
  });
});
