import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations.ts';

export type Resolve = (schema: JsonSchema) => JsonSchema;

/** Deep enough for every body the API takes; deeper schemas end in a plain value. */
const MAX_DEPTH = 6;

const PATTERN_FALLBACK_UNIT = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_.');

/**
 * Strings matching a pattern; fast-check cannot invert every construct (lookaheads), and
 * such patterns get plain identifier-like text, which mostly matches and otherwise is
 * simply one more invalid case. Lengths are cut, not filtered: a filter may never pass.
 */
function patternString(pattern: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern)).map((s) => s.slice(0, Math.max(maxLength, minLength)));
  } catch {
    return fc.string({ unit: PATTERN_FALLBACK_UNIT, minLength, maxLength });
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40);
  if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4102444800000) }).map((d) => d.toISOString());
  if (schema.format === 'uri' || schema.format === 'url') return fc.webUrl();
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.pattern) return patternString(schema.pattern, minLength, maxLength);
  return fc.string({ minLength, maxLength });
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000_000;
  const max = schema.maximum ?? 1_000_000;
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
}

function objectFor(schema: JsonSchema, resolve: Resolve, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) model[name] = arbitraryFor(property, resolve, depth + 1);
  const requiredKeys = Object.keys(model).filter((name) => required.has(name));
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}

/**
 * Values a schema accepts, as far as generation can tell (patterns and formats are
 * honoured; cross-field rules are not): the starting point that mutations move off.
 */
export function arbitraryFor(input: JsonSchema, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((variant) => arbitraryFor(variant, resolve, depth + 1)));
  if (schema.allOf) return arbitraryFor(Object.assign({}, ...schema.allOf.map(resolve)), resolve, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, resolve, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, (schema.minItems ?? 0) + 5),
      });
    case 'object':
      return objectFor(schema, resolve, depth);
    default:
      return schema.properties ? objectFor(schema, resolve, depth) : fc.jsonValue({ maxDepth: 2 });
  }
}
