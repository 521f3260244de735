import type { ValidationIssue } from '@scai/api';
import type { FastifySchemaValidationError } from 'fastify';

/** An ajv error; with `verbose` it also carries the failing value. */
export type AjvError = FastifySchemaValidationError & { data?: unknown };

type Loc = (string | number)[];

function repr(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'` (pydantic's wording). */
function choices(values: unknown[]): string {
  const shown = values.map(repr);
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

const FORMATS: Record<string, [type: string, msg: string]> = {
  email: ['value_error.email', 'value is not a valid email address'],
  uri: ['url_parsing', 'Input should be a valid URL'],
  url: ['url_parsing', 'Input should be a valid URL'],
  'date-time': ['datetime_parsing', 'Input should be a valid datetime'],
  date: ['date_parsing', 'Input should be a valid date'],
  time: ['time_parsing', 'Input should be a valid time'],
  uuid: ['uuid_parsing', 'Input should be a valid UUID'],
};

/** The expected JSON type named by an ajv `type` error, `null` last (`"string,null"` → string). */
function expectedType(params: Record<string, unknown>): string {
  const types = (Array.isArray(params.type) ? params.type : String(params.type).split(',')) as string[];
  return types.find((type) => type !== 'null') ?? 'null';
}

function typeIssue(expected: string, data: unknown): [type: string, msg: string] {
  const isString = typeof data === 'string';
  switch (expected) {
    case 'string':
      return ['string_type', 'Input should be a valid string'];
    case 'integer':
      if (isString) return ['int_parsing', 'Input should be a valid integer, unable to parse string as an integer'];
      if (typeof data === 'number') return ['int_from_float', 'Input should be a valid integer, got a number with a fractional part'];
      return ['int_type', 'Input should be a valid integer'];
    case 'number':
      return isString
        ? ['float_parsing', 'Input should be a valid number, unable to parse string as a number']
        : ['float_type', 'Input should be a valid number'];
    case 'boolean':
      return isString ? ['bool_parsing', 'Input should be a valid boolean, unable to interpret input'] : ['bool_type', 'Input should be a valid boolean'];
    case 'object':
      return ['dict_type', 'Input should be a valid dictionary'];
    case 'array':
      return ['list_type', 'Input should be a valid list'];
    default:
      return ['none_required', 'Input should be null'];
  }
}

/** One ajv error as one issue, with a stable machine `type` (FastAPI/pydantic words where they exist). */
export function issueFor(error: AjvError, loc: Loc, data: unknown): ValidationIssue {
  const params = error.params;
  const issue = (type: string, msg: string, at: Loc = loc): ValidationIssue => ({ loc: at, msg, type });
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return issue('missing', 'Field required', [...loc, String(params.missingProperty)]);
    case 'additionalProperties':
      return issue('extra_forbidden', 'Extra inputs are not permitted', [...loc, String(params.additionalProperty)]);
    case 'type':
      // an absent body (Fastify validates it as null) is a missing field, as in FastAPI
      if (loc.length === 1 && (data === null || data === undefined)) return issue('missing', 'Field required');
      return issue(...typeIssue(expectedType(params), data));
    case 'enum':
      return issue('enum', `Input should be ${choices(params.allowedValues as unknown[])}`);
    case 'const':
      return issue('literal_error', `Input should be ${repr(params.allowedValue)}`);
    case 'format': {
      const format = String(params.format);
      return issue(...(FORMATS[format] ?? [`value_error.${format}`, `Input should be a valid ${format}`]));
    }
    case 'minLength':
      return issue('string_too_short', `String should have at least ${plural(Number(params.limit), 'character')}`);
    case 'maxLength':
      return issue('string_too_long', `String should have at most ${plural(Number(params.limit), 'character')}`);
    case 'pattern':
      return issue('string_pattern_mismatch', `String should match pattern '${String(params.pattern)}'`);
    case 'minimum':
      return issue('greater_than_equal', `Input should be greater than or equal to ${String(params.limit)}`);
    case 'exclusiveMinimum':
      return issue('greater_than', `Input should be greater than ${String(params.limit)}`);
    case 'maximum':
      return issue('less_than_equal', `Input should be less than or equal to ${String(params.limit)}`);
    case 'exclusiveMaximum':
      return issue('less_than', `Input should be less than ${String(params.limit)}`);
    case 'multipleOf':
      return issue('multiple_of', `Input should be a multiple of ${String(params.multipleOf)}`);
    case 'minItems':
      return issue('too_short', `List should have at least ${plural(Number(params.limit), 'item')}`);
    case 'maxItems':
      return issue('too_long', `List should have at most ${plural(Number(params.limit), 'item')}`);
    case 'uniqueItems':
      return issue('unique_items', 'List should have unique items');
    case 'minProperties':
      return issue('too_short', `Object should have at least ${plural(Number(params.limit), 'property', 'properties')}`);
    case 'maxProperties':
      return issue('too_long', `Object should have at most ${plural(Number(params.limit), 'property', 'properties')}`);
    case 'union':
      return issue('union_mismatch', 'Input does not match any of the allowed types');
    default:
      return issue('value_error', `Input ${error.message ?? 'is not valid'}`);
  }
}
