import { describe, expect, it } from 'vitest';
import {
  databaseNameOf,
  databaseUrlFor,
  maintenanceUrlOf,
  pgConfigOf,
  quoteIdent,
  redactUrl,
  schemaOf,
} from './database-url.ts';

describe('databaseUrlFor', () => {
  it('swaps the database and keeps server, credentials and parameters', () => {
    expect(databaseUrlFor('postgresql://app:s3cret@db.local:6543/postgres?schema=billing&sslmode=require', 'scai_billing')).toBe(
      'postgresql://app:s3cret@db.local:6543/scai_billing?schema=billing&sslmode=require',
    );
  });

  it('adds a database to a URL without one', () => {
    expect(databaseUrlFor('postgresql://postgres@127.0.0.1:5432', 't_x')).toBe('postgresql://postgres@127.0.0.1:5432/t_x');
  });

  it('encodes names that need it', () => {
    const url = databaseUrlFor('postgresql://postgres@127.0.0.1/postgres', 'with space');
    expect(url).toBe('postgresql://postgres@127.0.0.1/with%20space');
    expect(databaseNameOf(url)).toBe('with space');
  });
});

describe('databaseNameOf / schemaOf / maintenanceUrlOf', () => {
  it('reads the database name and the schema parameter', () => {
    const url = 'postgresql://postgres@127.0.0.1:5432/scai_auth?schema=auth';
    expect(databaseNameOf(url)).toBe('scai_auth');
    expect(schemaOf(url)).toBe('auth');
    expect(schemaOf('postgresql://postgres@127.0.0.1:5432/scai_auth')).toBeUndefined();
    expect(maintenanceUrlOf(url)).toBe('postgresql://postgres@127.0.0.1:5432/postgres?schema=auth');
  });

  it('refuses a URL without a database', () => {
    expect(() => databaseNameOf('postgresql://postgres@127.0.0.1:5432')).toThrow(/names no database/);
  });
});

describe('pgConfigOf', () => {
  it('gives node-postgres the parsed fields, not a connectionString that would win over database', () => {
    const config = pgConfigOf('postgresql://app:pw@db.local:6543/main', { database: 'shadow' });
    expect(config).toMatchObject({ host: 'db.local', port: 6543, user: 'app', password: 'pw', database: 'shadow' });
    expect(config.connectionString).toBeUndefined();
  });

  it('turns ?schema=NAME into the search_path and drops the Prisma-only parameter', () => {
    const config = pgConfigOf('postgresql://postgres@127.0.0.1:5432/main?schema=billing') as Record<string, unknown>;
    expect(config.options).toBe('-c search_path="billing"');
    expect(config.schema).toBeUndefined();
  });
});

describe('redactUrl / quoteIdent', () => {
  it('hides the password', () => {
    expect(redactUrl('postgresql://app:s3cret@db.local/x')).toBe('postgresql://app:***@db.local/x');
    expect(redactUrl('not a url')).toBe('<unparsable database URL>');
  });

  it('quotes identifiers, doubling embedded quotes', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
