import type { Field } from './fields.ts';

export type Schema = Record<string, Field<unknown>>;
export type ConfigOf<S extends Schema> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** A bad or missing setting; its message is the one line printed at start-up. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment once. Keys of the schema are the variable names.
 * The first bad value stops start-up with one line naming the variable and what it expects
 * (never the value itself, which may be a secret).
 */
export function loadConfig<S extends Schema>(schema: S, env: Record<string, string | undefined> = process.env): ConfigOf<S> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (field.default === undefined && !field.optional) {
        throw new ConfigError(`Configuration error: ${name} is required (${field.expected}).`);
      }
      out[name] = field.default;
      continue;
    }
    try {
      out[name] = field.parse(raw);
    } catch {
      throw new ConfigError(`Configuration error: ${name} must be ${field.expected}.`);
    }
  }
  return out as ConfigOf<S>;
}

/** Keys of settings that must never be printed. */
export function secretKeys(schema: Schema): string[] {
  return Object.entries(schema)
    .filter(([, field]) => field.secret)
    .map(([name]) => name);
}
