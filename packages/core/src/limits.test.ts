import { describe, expect, test } from 'vitest';
import { DomainError } from './errors';
import {
  charLength,
  validateChannel,
  validateDescription,
  validateGroupName,
  validateMetadata,
  validateSummary,
  validateTagName,
  validateTopic,
} from './limits';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
};

const many = (count: number, char = 'a') => char.repeat(count);

describe('accepted values (returned normalised)', () => {
  test.each([
    ['topic of 255 characters is accepted', () => validateTopic(many(255)), many(255)],
    ['topic is kept exactly, spaces included', () => validateTopic('  Refund? '), '  Refund? '],
    ['summary of 4000 characters is accepted', () => validateSummary(many(4000)), many(4000)],
    ['description of 512 characters is accepted', () => validateDescription(many(512)), many(512)],
    ['tag name is trimmed', () => validateTagName('  vip  '), 'vip'],
    ['tag name of 100 characters is accepted', () => validateTagName(many(100)), many(100)],
    [
      'tag name may hold any printable text',
      () => validateTagName('follow-up: 2024 ✅'),
      'follow-up: 2024 ✅',
    ],
    ['group name is trimmed', () => validateGroupName(' VIP '), 'VIP'],
    [
      "group name allows letters, digits, spaces and _-.'()&:/",
      () => validateGroupName("Tier-2: billing/refunds (EU) & co's_v1.0"),
      "Tier-2: billing/refunds (EU) & co's_v1.0",
    ],
    [
      'group name allows letters of any script',
      () => validateGroupName('Équipe Zürich 東京'),
      'Équipe Zürich 東京',
    ],
    ['group name of 128 characters is accepted', () => validateGroupName(many(128)), many(128)],
    [
      'lengths count code points: 255 emoji make a valid topic',
      () => validateTopic(many(255, '😀')),
      many(255, '😀'),
    ],
    ['channel from the known set', () => validateChannel('WHATSAPP'), 'WHATSAPP'],
    ['channel outside the known set (open set)', () => validateChannel('TELEGRAM_2'), 'TELEGRAM_2'],
    ['channel of 64 characters is accepted', () => validateChannel(many(64, 'A')), many(64, 'A')],
    ['empty metadata is accepted', () => validateMetadata({}), {}],
    [
      'metadata of string values is accepted',
      () => validateMetadata({ agentId: 'johndoe', customerId: '88338833' }),
      { agentId: 'johndoe', customerId: '88338833' },
    ],
    ['metadata keys are kept exactly (no trimming)', () => validateMetadata({ ' k ': 'v' }), { ' k ': 'v' }],
    [
      'metadata of 100 keys is accepted',
      () => validateMetadata(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v']))),
      Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v'])),
    ],
    [
      'metadata key and value of 128 characters are accepted',
      () => validateMetadata({ [many(128)]: many(128) }),
      { [many(128)]: many(128) },
    ],
  ])('%s', (_title, run, expected) => {
    expect(run()).toEqual(expected);
  });
});

describe('refused values (VALIDATION naming the field)', () => {
  test.each([
    ['topic over 255 characters', () => validateTopic(many(256)), 'topic'],
    ['summary over 4000 characters', () => validateSummary(many(4001)), 'summary'],
    ['description over 512 characters', () => validateDescription(many(513)), 'description'],
    ['tag name that is empty', () => validateTagName(''), 'tagName'],
    ['tag name that is only whitespace', () => validateTagName('   '), 'tagName'],
    ['tag name over 100 characters after trimming', () => validateTagName(` ${many(101)} `), 'tagName'],
    ['tag name with a newline inside', () => validateTagName('a\nb'), 'tagName'],
    ['tag name reports the field it was given', () => validateTagName('', 'tags[2]'), 'tags[2]'],
    ['group name that is empty', () => validateGroupName(''), 'name'],
    ['group name over 128 characters', () => validateGroupName(many(129)), 'name'],
    ['group name with a double quote', () => validateGroupName('the "best"'), 'name'],
    ['group name with @', () => validateGroupName('@here'), 'name'],
    ['group name with #', () => validateGroupName('#sales'), 'name'],
    ['group name with < >', () => validateGroupName('<b>'), 'name'],
    ['group name with a tab', () => validateGroupName('a\tb'), 'name'],
    ['channel in lowercase', () => validateChannel('sms'), 'channel'],
    ['channel with a hyphen', () => validateChannel('LIVE-CHAT'), 'channel'],
    ['channel that is empty', () => validateChannel(''), 'channel'],
    ['channel over 64 characters', () => validateChannel(many(65, 'A')), 'channel'],
    ['metadata that is an array', () => validateMetadata(['a']), 'metadata'],
    ['metadata that is null', () => validateMetadata(null), 'metadata'],
    ['metadata that is a string', () => validateMetadata('a=b'), 'metadata'],
    ['metadata with a number value', () => validateMetadata({ a: 1 }), 'metadata'],
    ['metadata with a null value', () => validateMetadata({ a: null }), 'metadata'],
    ['metadata with a nested object value', () => validateMetadata({ a: { b: 'c' } }), 'metadata'],
    ['metadata with an empty key', () => validateMetadata({ '': 'v' }), 'metadata'],
    ['metadata key over 128 characters', () => validateMetadata({ [many(129)]: 'v' }), 'metadata'],
    ['metadata value over 128 characters', () => validateMetadata({ k: many(129) }), 'metadata'],
    [
      'metadata with 101 keys',
      () => validateMetadata(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']))),
      'metadata',
    ],
    ['metadata key with a control character', () => validateMetadata({ 'a\u0000': 'v' }), 'metadata'],
    ['topic that is not a string (JSON body)', () => validateTopic(42 as unknown as string), 'topic'],
  ])('%s', (_title, run, field) => {
    const error = refusal(run);
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.field).toBe(field);
    expect(error.message).toContain(field.replace(/\[\d+\]$/, ''));
  });
});

test('metadata key "__proto__" stays plain data', () => {
  const result = validateMetadata(JSON.parse('{"__proto__":"x"}'));
  expect(Object.keys(result)).toEqual(['__proto__']);
  expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
});

test('charLength counts code points', () => {
  expect(charLength('a😀é')).toBe(3);
});
