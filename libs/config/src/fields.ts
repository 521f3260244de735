/** A typed environment field: how to parse it and what to use when it is unset. */
export interface Field<T> {
  parse(raw: string): T;
  default?: T;
  /** Shown in the one-line start-up error, e.g. "an integer from 1 to 65535". */
  expected: string;
  secret?: boolean;
  /** Unset is fine and yields `undefined`. */
  optional?: boolean;
}

class FieldError extends Error {}

export function str(defaultValue?: string, options: { secret?: boolean } = {}): Field<string> {
  return {
    parse: (raw) => {
      if (raw.length === 0) throw new FieldError();
      return raw;
    },
    default: defaultValue,
    expected: 'a non-empty string',
    secret: options.secret,
  };
}

export function optionalStr(options: { secret?: boolean } = {}): Field<string | undefined> {
  return { parse: (raw) => raw, default: undefined, expected: 'a string', secret: options.secret, optional: true };
}

export function int(defaultValue: number | undefined, range: { min?: number; max?: number } = {}): Field<number> {
  const min = range.min ?? Number.MIN_SAFE_INTEGER;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  return {
    parse: (raw) => {
      if (!/^-?\d+$/.test(raw.trim())) throw new FieldError();
      const value = Number(raw);
      if (value < min || value > max) throw new FieldError();
      return value;
    },
    default: defaultValue,
    expected: `an integer from ${min} to ${max}`,
  };
}

export const port = (defaultValue: number) => int(defaultValue, { min: 0, max: 65535 });

export function bool(defaultValue: boolean): Field<boolean> {
  return {
    parse: (raw) => {
      const value = raw.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(value)) return true;
      if (['0', 'false', 'no', 'off'].includes(value)) return false;
      throw new FieldError();
    },
    default: defaultValue,
    expected: 'true or false',
  };
}

export function url(defaultValue?: string, protocols: string[] = []): Field<string> {
  return {
    parse: (raw) => {
      const parsed = new URL(raw);
      if (protocols.length > 0 && !protocols.includes(parsed.protocol.replace(/:$/, ''))) throw new FieldError();
      return raw.replace(/\/+$/, '');
    },
    default: defaultValue,
    expected: protocols.length ? `a URL (${protocols.join(', ')})` : 'a URL',
  };
}

export function oneOf<const T extends string>(values: readonly T[], defaultValue?: T): Field<T> {
  return {
    parse: (raw) => {
      if (!(values as readonly string[]).includes(raw)) throw new FieldError();
      return raw as T;
    },
    default: defaultValue,
    expected: `one of ${values.join(', ')}`,
  };
}
