import { describe, expect, it } from 'vitest';
import { bool, int, oneOf, optionalStr, port, str, url } from './fields.ts';
import { ConfigError, loadConfig, secretKeys } from './load-config.ts';

const schema = {
  PORT: port(8080),
  NAME: str('gateway'),
  DEBUG: bool(false),
  MODE: oneOf(['a', 'b'] as const, 'a'),
  DATABASE_URL: url(undefined, ['postgres', 'postgresql']),
  PEPPER: str(undefined, { secret: true }),
  EXTRA: optionalStr(),
  WORKERS: int(2, { min: 1, max: 8 }),
};

describe('loadConfig', () => {
  it('applies defaults and parses types', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgres://localhost/db', PEPPER: 'p', DEBUG: 'yes', WORKERS: '4' });
    expect(config).toEqual({
      PORT: 8080,
      NAME: 'gateway',
      DEBUG: true,
      MODE: 'a',
      DATABASE_URL: 'postgres://localhost/db',
      PEPPER: 'p',
      EXTRA: undefined,
      WORKERS: 4,
    });
  });

  it('stops on a bad value with one line that names the variable, never the value', () => {
    const env = { DATABASE_URL: 'postgres://x/db', PEPPER: 'p', PORT: 'eighty' };
    expect(() => loadConfig(schema, env)).toThrow(ConfigError);
    expect(() => loadConfig(schema, env)).toThrow('Configuration error: PORT must be an integer from 0 to 65535.');
    expect(() => loadConfig(schema, { ...env, PORT: '1', WORKERS: '99' })).toThrow(/WORKERS/);
    expect(() => loadConfig(schema, { ...env, PORT: '1', DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a URL/);
  });

  it('names missing required settings', () => {
    expect(() => loadConfig(schema, { PEPPER: 'p' })).toThrow('Configuration error: DATABASE_URL is required');
  });

  it('lists secret keys', () => {
    expect(secretKeys(schema)).toEqual(['PEPPER']);
  });
});
