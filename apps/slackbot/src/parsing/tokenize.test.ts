import { describe, expect, test } from 'vitest';
import { decodeSlackText, mentionedUserId } from './slack-text';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  test('keeps quoted text, key="quoted" and Slack mentions whole', () => {
    const tokens = tokenize('a "b c" key="d e" <@U1|x y> \'f\\\'g\'');
    expect(tokens.map((token) => token.value)).toEqual(['a', 'b c', 'key=d e', '<@U1|x y>', "f'g"]);
    expect(tokens.map((token) => token.quoted)).toEqual([false, true, true, false, true]);
  });

  test('offsets index the raw text', () => {
    const text = '  list  status==OPEN ';
    const [list, criteria] = tokenize(text);
    expect(text.slice(list?.start, list?.end)).toBe('list');
    expect(text.slice(criteria?.start, criteria?.end)).toBe('status==OPEN');
  });

  test('decodes entities outside mentions', () => {
    expect(tokenize('a&amp;b &lt;x&gt;').map((token) => token.value)).toEqual(['a&b', '<x>']);
  });
});

describe('Slack text', () => {
  test.each([
    ['<@U123|alice>', 'U123'],
    ['<@W9ZZ>', 'W9ZZ'],
    ['@alice', undefined],
    ['<#C1|general>', undefined],
  ])('mention %s → %s', (token, id) => {
    expect(mentionedUserId(token)).toBe(id);
  });

  test('links become their label and entities are decoded', () => {
    expect(decodeSlackText('see <https://x.test|x.test> &lt;3 <#C1|general> <@U1|al>')).toBe(
      'see x.test <3 #general @al',
    );
  });
});
