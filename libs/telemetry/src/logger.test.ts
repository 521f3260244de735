import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { withSpan } from './spans.ts';
import { initTracing } from './tracing.ts';

/** A logger whose JSON lines are collected in memory. */
function capture(level?: string) {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger({ name: 'test-svc', level, destination }), lines, raw };
}

const tracing = initTracing({ serviceName: 'logger-test' });
afterAll(() => tracing.shutdown());

describe('createLogger', () => {
  it('writes JSON lines with name, level label and ISO time', () => {
    const { logger, lines } = capture();
    logger.info({ partner_id: 'prt_1' }, 'hello');
    expect(lines[0]).toMatchObject({ name: 'test-svc', level: 'info', msg: 'hello', partner_id: 'prt_1' });
    expect(String(lines[0].time)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(lines[0]).not.toHaveProperty('trace_id');
  });

  it('honours the level', () => {
    const { logger, lines } = capture('warn');
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
  });

  it('never shows secrets, at the top level or nested', () => {
    const { logger, raw } = capture();
    const secrets = {
      authorization: 'Bearer s3cr3t-top',
      cookie: 'sid=s3cr3t-cookie',
      password: 's3cr3t-pw',
      client_secret: 's3cr3t-cs',
      refresh_token: 's3cr3t-rt',
      access_token: 's3cr3t-at',
      token: 's3cr3t-tok',
      secret: 's3cr3t-plain',
      status_token: 's3cr3t-st',
      user: { email: 'a@example.com', password: 's3cr3t-nested-pw' },
      req: { headers: { authorization: 'Bearer s3cr3t-header', cookie: 's3cr3t-hcookie', 'set-cookie': 's3cr3t-set' } },
      headers: { authorization: 'Bearer s3cr3t-headers', 'x-api-key': 's3cr3t-key' },
      body: { client_secret: 's3cr3t-body-cs', refreshToken: 's3cr3t-camel' },
      users: [{ password: 's3cr3t-in-array' }],
      deep: { a: { b: { c: { new_password: 's3cr3t-deep', 'Client-Secret': 's3cr3t-cased' } } } },
      token_type: 'access',
    };
    logger.info(secrets, 'login attempt');
    const line = raw.join('');
    expect(line).not.toMatch(/s3cr3t/);
    expect(line).toContain('a@example.com');
    const parsed = JSON.parse(line) as typeof secrets;
    expect(parsed.password).toBe('[REDACTED]');
    expect(parsed.user.password).toBe('[REDACTED]');
    expect(parsed.req.headers.authorization).toBe('[REDACTED]');
    expect(parsed.headers['x-api-key']).toBe('[REDACTED]');
    expect(parsed.token_type).toBe('access');
  });

  it('leaves errors to the err serializer', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('it broke') }, 'failed');
    expect(lines[0].err).toMatchObject({ type: 'Error', message: 'it broke' });
  });

  it('does not touch the logged object', () => {
    const { logger } = capture();
    const input = { password: 'keep-me' };
    logger.info(input);
    expect(input.password).toBe('keep-me');
  });

  it('adds trace_id and span_id of the active span', async () => {
    const { logger, lines } = capture();
    const ids = await withSpan('work', (span) => {
      logger.info('inside');
      return span.spanContext();
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', trace_id: ids.traceId, span_id: ids.spanId });
    expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[1]).not.toHaveProperty('trace_id');
  });
});
