import { AppError } from '@scai/api';
import type { Caller } from '@scai/permissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../test-fixtures/capture-logger.ts';
import {
  EchoServiceClient,
  EchoServiceService,
  SECRET_FAILURE,
  echoImplementation,
} from '../test-fixtures/echo-service.ts';
import {
  bindClient,
  callUnary,
  checkHealth,
  createChannelClient,
  createGrpcServer,
  type BoundClient,
  type GrpcServer,
} from './index.ts';

const caller: Caller = {
  subject: 'usr_01',
  kind: 'user',
  tenantId: 'ten_01',
  partnerId: null,
  roles: ['tenant_admin'],
  permissions: ['partners:read'],
  clientId: 'cli_01',
  appScope: null,
  email: 'jörg@example.com',
};

describe('gRPC helpers over a loopback server', () => {
  const { logger, lines } = captureLogger();
  let server: GrpcServer;
  let address: string;
  let raw: EchoServiceClient;
  let echo: BoundClient<EchoServiceClient>;

  beforeAll(async () => {
    server = createGrpcServer({ serviceName: 'echo-app', host: '127.0.0.1', port: 0, logger });
    server.add(EchoServiceService, echoImplementation(() => echo));
    address = `127.0.0.1:${await server.start()}`;
    raw = createChannelClient(EchoServiceClient, address);
    echo = bindClient(raw);
  });

  afterAll(async () => {
    raw.close();
    await server.stop(1_000);
  });

  async function failure(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('carries caller and request id to the handler', async () => {
    const response = await echo.echo({ text: 'hi', delayMs: 0 }, { caller, requestId: 'req-123' });
    expect(response).toMatchObject({ text: 'hi', callerSubject: 'usr_01', requestId: 'req-123' });
  });

  it('generates a request id and no caller when none is sent', async () => {
    const response = await echo.echo({ text: 'anon', delayMs: 0 });
    expect(response.callerSubject).toBe('');
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('callUnary works with a bound client method', async () => {
    const response = await callUnary(raw.echo.bind(raw), { text: 'plain', delayMs: 0 }, { requestId: 'req-plain' });
    expect(response).toMatchObject({ text: 'plain', requestId: 'req-plain' });
  });

  it('passes the incoming request id on to calls made inside a handler', async () => {
    const response = await echo.echo({ text: 'relay:second hop', delayMs: 0 }, { caller, requestId: 'req-relay' });
    expect(response).toMatchObject({ text: 'second hop', requestId: 'req-relay', callerSubject: 'usr_01' });
  });

  it('turns not_found back into the same AppError', async () => {
    const error = await failure(echo.fail({ kind: 'not_found' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('Partner not found');
    expect(error.status).toBe(404);
  });

  it('turns validation_error back with its issues (non-ASCII included)', async () => {
    const error = await failure(echo.fail({ kind: 'validation_error' }));
    expect(error.code).toBe('validation_error');
    expect(error.message).toBe('Request validation failed');
    expect(error.issues).toEqual([
      { loc: ['body', 'name'], msg: 'Field required', type: 'missing' },
      { loc: ['body', 'city', 0], msg: 'Zürich is not allowed — pick another', type: 'value_error' },
    ]);
  });

  it('turns conflict back with its details', async () => {
    const error = await failure(echo.fail({ kind: 'conflict' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Slug already taken');
    expect(error.details).toEqual({ slug: 'acme', owner: 'Müller GmbH' });
  });

  it('keeps the headers of an AppError (Retry-After of rate_limited)', async () => {
    const error = await failure(echo.fail({ kind: 'rate_limited' }));
    expect(error.code).toBe('rate_limited');
    expect(error.details).toEqual({ retry_after_seconds: 30 });
    expect(error.headers).toEqual({ 'retry-after': '30' });
  });

  it('requireCaller rejects a call without identity as unauthorized', async () => {
    const error = await failure(echo.fail({ kind: 'unauthorized' }));
    expect(error.code).toBe('unauthorized');
    await expect(echo.fail({ kind: 'unauthorized' }, { caller })).resolves.toEqual({});
  });

  it('hides an unexpected error behind internal_error and logs it with the request id', async () => {
    const error = await failure(echo.fail({ kind: 'boom' }, { requestId: 'req-boom' }));
    expect(error.code).toBe('internal_error');
    expect(error.message).toBe('An internal error occurred');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('SELECT');
    const logged = lines.find((line) => line.requestId === 'req-boom');
    expect(logged).toMatchObject({ level: 50, errorCode: 'internal_error', grpcCode: 13 });
    expect((logged?.err as { message?: string }).message).toBe(SECRET_FAILURE);
  });

  it('logs one line per call with its duration', async () => {
    await echo.echo({ text: 'log me', delayMs: 0 }, { requestId: 'req-log' });
    const logged = lines.filter((line) => line.requestId === 'req-log');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: 'grpc call', rpc: '/echo.v1.EchoService/Echo', grpcCode: 0 });
    expect(typeof logged[0].durationMs).toBe('number');
  });

  it('maps a missed deadline to unavailable', async () => {
    const error = await failure(echo.echo({ text: 'slow', delayMs: 2_000 }, { deadlineMs: 50, requestId: 'req-slow' }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('Service temporarily unavailable');
    // The handler saw ctx.signal abort and stopped long before its 2 s sleep.
    await expect.poll(() => lines.find((line) => line.requestId === 'req-slow'), { timeout: 1_000 }).toMatchObject({
      msg: 'grpc call cancelled',
      grpcCode: 1,
    });
  });

  it('maps an unreachable server to unavailable', async () => {
    const closed = createGrpcServer({ serviceName: 'gone', host: '127.0.0.1', port: 0, logger });
    const port = await closed.start();
    await closed.stop(100);
    const client = createChannelClient(EchoServiceClient, `127.0.0.1:${port}`);
    try {
      const error = await failure(bindClient(client).echo({ text: 'x', delayMs: 0 }, { deadlineMs: 1_000 }));
      expect(error.code).toBe('unavailable');
    } finally {
      client.close();
    }
  });

  it('answers the standard health service', async () => {
    expect(await checkHealth(address)).toBe(true);
    expect(await checkHealth(address, 'echo-app')).toBe(true);
    expect(await checkHealth(address, 'echo.v1.EchoService')).toBe(true);
    expect(await checkHealth(address, 'no.such.Service')).toBe(false);
    server.setServing(false);
    expect(await checkHealth(address)).toBe(false);
    expect(await checkHealth(address, 'echo.v1.EchoService')).toBe(false);
    server.setServing(true);
    expect(await checkHealth(address)).toBe(true);
  });
});

describe('checkHealth', () => {
  it('is false for an address nobody listens on', async () => {
    const { logger } = captureLogger();
    const server = createGrpcServer({ serviceName: 'x', host: '127.0.0.1', port: 0, logger });
    const port = await server.start();
    expect(await checkHealth(`127.0.0.1:${port}`)).toBe(true);
    await server.stop(100);
    expect(await checkHealth(`127.0.0.1:${port}`, '', 500)).toBe(false);
  });
});
