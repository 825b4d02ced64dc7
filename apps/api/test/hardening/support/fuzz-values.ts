import fc from 'fast-check';

/** Strings that have broken parsers, databases and templates before. */
const knownBad = [
  '',
  ' ',
  '0',
  '-1',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '🙂',
  '\u202e\u0041',
  '\ufeff',
  'ﷺ',
  'Ω≈ç√∫',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '\'; DROP TABLE "Conversation"; --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}{{7*7}}',
  '%s%n%x',
  '%00',
  '%',
  '../../etc/passwd',
  'status==OPEN',
  '*',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '2024-13-45T99:99:99Z',
  '9999-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00Z',
  '__proto__',
  'constructor',
  'prototype',
];

const unicodeText = fc.string({ unit: 'binary', maxLength: 40 });
const surrogateText = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  maxLength: 4,
});

/** A long string: 1k to 200k characters, ASCII or astral. */
export const hugeString = fc
  .tuple(fc.constantFrom('x', '🙂', 'é', '\u0000'), fc.constantFrom(1_000, 20_000, 200_000))
  .map(([unit, length]) => unit.repeat(length / unit.length));

/** Arrays or objects nested `depth` deep. */
export const deepValue = fc
  .tuple(fc.integer({ min: 20, max: 3_000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
    return value;
  });

/** Any wrong value for a JSON field: wrong type, odd number, hostile or huge text, deep nesting. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...knownBad) },
  { weight: 3, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, -0) },
  { weight: 3, arbitrary: unicodeText },
  { weight: 1, arbitrary: surrogateText },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('x', 1, null), { minLength: 1_000, maxLength: 5_000 }) },
  { weight: 1, arbitrary: fc.constant({ __proto__: null, $gt: '', $where: '1' }) },
);

/** A string for a path segment or query value (percent-encoded later, or sent raw). */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...knownBad) },
  { weight: 3, arbitrary: unicodeText },
  { weight: 1, arbitrary: surrogateText },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 6_000).map((n) => 'q'.repeat(n)) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.constantFrom('1e9', '-1', 'abc', '1.5', '0', '99999999999999999999', '0x10') },
);

/** Header values must be Latin-1 without controls (CR, LF, NUL, DEL, C1), or fetch refuses to send them. */
export const headerText: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({
      unit: fc
        .integer({ min: 0x20, max: 0xff })
        .map((c) => String.fromCharCode(c < 0x7f || c > 0x9f ? c : 0x41)),
      maxLength: 80,
    }),
    fc.constantFrom(1, 255, 256, 300, 4_000).map((n) => 'h'.repeat(n)),
    fc.constantFrom(...knownBad.filter((text) => /^[\x20-\x7e\xa0-\xff]*$/.test(text))),
  )
  .map((text) => text.trim());

/** JSON text that is not valid JSON (or not what was meant). */
export function brokenJson(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: Math.max(0, valid.length - 1) }).map((cut) => valid.slice(0, cut)),
    fc.constantFrom(
      `${valid}}`,
      `${valid}garbage`,
      `\ufeff${valid}`,
      valid.replaceAll('"', "'"),
      `{"a":}`,
      'NaN',
      '{"a":NaN}',
      '{"a":1,}',
      '[1,2',
      '\u0000',
      `${valid}${valid}`,
      '{"a":"\\x41"}',
      '{"a":"\\ud800"}',
      '"just a string"',
      '42',
      'null',
      'true',
    ),
    fc.string({ maxLength: 60 }),
  );
}

/** Prototype-pollution shapes, as JSON text (JSON.stringify would drop a real __proto__ key). */
export function pollutingBodies(valid: string): string[] {
  const inner = valid.startsWith('{') && valid.length > 2 ? `,${valid.slice(1, -1)}` : '';
  const bodies = [
    `{"__proto__":{"polluted":"yes"}${inner}}`,
    `{"constructor":{"prototype":{"polluted":"yes"}}${inner}}`,
    `{"prototype":{"polluted":"yes"}${inner}}`,
    `{"metadata":{"__proto__":{"polluted":"yes"},"constructor":"x"}${inner}}`,
    `{"__proto__":[1,2,3]${inner}}`,
    '[{"__proto__":{"polluted":"yes"}}]',
    '[{"op":"add","path":"/__proto__/polluted","value":"yes"}]',
    '[{"op":"replace","path":"/constructor/prototype/polluted","value":"yes"}]',
  ];
  return bodies;
}
