import fc from 'fast-check';

/** Nested `depth` levels deep: `{"a":{"a":…}}` or `[[…]]`. */
export function deeplyNested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = kind === 'object' ? { a: value } : [value];
  return value;
}

/** Strings a text field may be handed: empty, flooded, NUL, lone surrogates, injections. */
export const hostileString: fc.Arbitrary<string> = fc.constantFrom(
  '',
  ' ',
  'x'.repeat(100_000),
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\u202Eevil',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  'NaN',
  'Infinity',
  '1e308',
  '-1',
);

/** Values of the wrong type or at the edge: numbers, booleans, floods and deep nesting. */
const hostileNonString: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  -1,
  0,
  2 ** 53,
  -(2 ** 53),
  1e308,
  -1e308,
  0.5,
  true,
  false,
  null,
  [],
  {},
  Array.from({ length: 10_000 }, (_, i) => i),
  Array.from({ length: 10_000 }, () => 'x'),
  deeplyNested(1_000, 'object'),
  deeplyNested(1_000, 'array'),
  JSON.parse('{"__proto__":{"admin":true}}'),
  { constructor: { prototype: { admin: true } } },
);

/** JSON values a field of any type may be handed. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNonString);
/** Text for path segments and query values (already percent-encoded where needed). */
export const hostileUrlText: fc.Arbitrary<string> = fc.constantFrom(
  '',
  'x%00y',
  '%00',
  '%ED%A0%80',
  '%FF%FE',
  '%',
  '%zz',
  '..',
  '%2e%2e%2f%2e%2e',
  '%2F',
  'a'.repeat(5_000),
  '-1',
  '0',
  '9007199254740993',
  '1e308',
  '-1e308',
  'NaN',
  'Infinity',
  '0x10',
  '1.5',
  'true',
  'null',
  '%27%20OR%201%3D1%20--',
  '%3Cscript%3E',
  '%E2%80%AE',
  '%F0%9F%98%80',
);
