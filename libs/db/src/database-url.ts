import { parseIntoClientConfig } from 'pg-connection-string';
import type { ClientConfig } from 'pg';

/** PostgreSQL used when DATABASE_URL is not set (docs/contracts.md). */
export const defaultServerUrl = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The same server, user, password and query parameters, with another database name. */
export function databaseUrlFor(serverUrl: string, dbName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(dbName)}`;
  return url.toString();
}

/** The database name of a URL; throws when the URL names none. */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`The database URL names no database: ${redactUrl(databaseUrl)}`);
  return name;
}

/** The PostgreSQL schema of `?schema=NAME` (Prisma's convention), or undefined. */
export function schemaOf(databaseUrl: string): string | undefined {
  return new URL(databaseUrl).searchParams.get('schema') || undefined;
}

/** The URL of the `postgres` maintenance database of the same server. */
export function maintenanceUrlOf(databaseUrl: string): string {
  return databaseUrlFor(databaseUrl, 'postgres');
}

/** The URL with its password hidden, for messages. */
export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparsable database URL>';
  }
}

/** Quotes an SQL identifier (database, schema) for PostgreSQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A node-postgres config for a URL. Built from the parsed fields rather than passing
 * `connectionString` on, because node-postgres lets `connectionString` override an
 * explicit `database`; `?schema=NAME` becomes the session's search_path.
 */
export function pgConfigOf(databaseUrl: string, overrides: { database?: string } = {}): ClientConfig {
  const config = parseIntoClientConfig(databaseUrl) as ClientConfig & Record<string, unknown>;
  // Prisma-only parameter; node-postgres would ignore it, but keep the config clean.
  delete config.schema;
  const schema = schemaOf(databaseUrl);
  const searchPath = schema ? `-c search_path=${quoteIdent(schema)}` : undefined;
  return {
    ...config,
    ...(overrides.database ? { database: overrides.database } : {}),
    ...(searchPath ? { options: [config.options, searchPath].filter(Boolean).join(' ') } : {}),
  };
}
