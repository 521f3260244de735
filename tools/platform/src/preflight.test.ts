import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkNats, checkPostgres, PreflightError } from './preflight.ts';

/** A port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PreflightError);
  return (error as Error).message;
}

describe('preflight', () => {
  it('says in one line what to run when PostgreSQL is not there', async () => {
    const port = await closedPort();
    const message = await messageOf(checkPostgres(`postgresql://postgres@127.0.0.1:${port}/postgres`, 1000));
    expect(message).not.toContain('\n');
    expect(message).toMatch(new RegExp(`^PostgreSQL is not reachable at 127\\.0\\.0\\.1:${port} \\(.+\\): start it`));
    expect(message).toContain('DATABASE_URL');
  });

  it('says in one line what to run when NATS is not there', async () => {
    const port = await closedPort();
    const message = await messageOf(checkNats(`nats://127.0.0.1:${port}`, 1000));
    expect(message).not.toContain('\n');
    expect(message).toContain(`NATS is not reachable at 127.0.0.1:${port}`);
    expect(message).toContain(`nats-server -js -a 127.0.0.1 -p ${port}`);
    expect(message).toContain('NATS_URL');
  });

  it('only points at the setting for a remote server', async () => {
    const message = await messageOf(checkNats('nats://nats.invalid:4222', 1000));
    expect(message).toMatch(/^NATS is not reachable at nats\.invalid:4222 \(.+\): check NATS_URL\.$/);
  });
});
