import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';

/** PostgreSQL or NATS is missing; the message is the one line printed before exiting. */
export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreflightError';
  }
}

const localHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function hostPort(url: URL, defaultPort: number): string {
  return `${url.hostname}:${url.port || defaultPort}`;
}

function reason(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { errors?: unknown[] };
  // node-postgres reports a refused dual-stack connect as an AggregateError without a message.
  const inner = err.errors?.[0] as NodeJS.ErrnoException | undefined;
  const text = err.message || inner?.message || err.code || String(error);
  return text.split('\n')[0];
}

/** How this machine starts its PostgreSQL: Debian's cluster tool when it has one. */
function localPostgresCommand(): string {
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  return versions.length > 0 ? `pg_ctlcluster ${versions[0]} main start` : 'pg_ctl start';
}

/** Connects to the server as the platform will, and checks the role may create databases. */
export async function checkPostgres(serverUrl: string, timeoutMs = 3000): Promise<void> {
  const url = new URL(serverUrl);
  const where = hostPort(url, 5432);
  const local = localHosts.has(url.hostname);
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '28P01' || code === '28000') {
      throw new PreflightError(
        `PostgreSQL at ${where} refused user "${decodeURIComponent(url.username) || 'postgres'}" (${reason(error)}): set DATABASE_URL to a server URL with a valid user and password.`,
      );
    }
    if (code === '3D000') {
      throw new PreflightError(
        `PostgreSQL at ${where} has no database "${url.pathname.slice(1)}" to connect to: point DATABASE_URL at an existing one (e.g. /postgres); each app's own database is created for you.`,
      );
    }
    const start = local
      ? `start it (\`${localPostgresCommand()}\`, or \`docker compose up -d postgres\`) or set DATABASE_URL`
      : 'check DATABASE_URL';
    throw new PreflightError(`PostgreSQL is not reachable at ${where} (${reason(error)}): ${start}.`);
  }
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      'SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user',
    );
    if (!rows[0]?.ok) {
      throw new PreflightError(
        `PostgreSQL user "${decodeURIComponent(url.username)}" at ${where} may not create databases: grant CREATEDB (\`ALTER ROLE … CREATEDB\`) or use another user in DATABASE_URL.`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Connects to NATS and checks JetStream is enabled. */
export async function checkNats(natsUrl: string, timeoutMs = 3000): Promise<void> {
  const url = new URL(natsUrl);
  const where = hostPort(url, 4222);
  const local = localHosts.has(url.hostname);
  let nc: Awaited<ReturnType<typeof connect>>;
  try {
    nc = await connect({ servers: natsUrl, timeout: timeoutMs, reconnect: false, maxReconnectAttempts: 0 });
  } catch (error) {
    const start = local
      ? `run \`nats-server -js -a ${url.hostname} -p ${url.port || 4222}\` (or \`docker compose up -d nats\`) or set NATS_URL`
      : 'check NATS_URL';
    throw new PreflightError(`NATS is not reachable at ${where} (${reason(error)}): ${start}.`);
  }
  try {
    const jsm = await jetstreamManager(nc, { timeout: timeoutMs });
    await jsm.getAccountInfo();
  } catch (error) {
    throw new PreflightError(`NATS at ${where} has no JetStream (${reason(error)}): restart nats-server with \`-js\`.`);
  } finally {
    await nc.close().catch(() => undefined);
  }
}

/** Both checks; the first failure is thrown with its one-line message. */
export async function checkDependencies(serverUrl: string, natsUrl: string): Promise<void> {
  await checkPostgres(serverUrl);
  await checkNats(natsUrl);
}
