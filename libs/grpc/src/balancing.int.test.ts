import { AppError } from '@scai/api';
import { afterAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../test-fixtures/capture-logger.ts';
import { EchoServiceClient, EchoServiceService, echoImplementation } from '../test-fixtures/echo-service.ts';
import { bindClient, createChannelClient, createGrpcServer, type GrpcServer } from './index.ts';

async function startEcho(): Promise<{ server: GrpcServer; port: number }> {
  const server = createGrpcServer({ serviceName: 'echo-app', host: '127.0.0.1', port: 0, logger: captureLogger().logger });
  server.add(EchoServiceService, echoImplementation());
  return { server, port: await server.start() };
}

describe('a client over several instances', () => {
  const raws: EchoServiceClient[] = [];
  afterAll(() => raws.forEach((raw) => raw.close()));

  it('keeps answering while one instance shuts down, and fails fast as unavailable once none is left', async () => {
    const [a, b] = await Promise.all([startEcho(), startEcho()]);
    const raw = createChannelClient(EchoServiceClient, `ipv4:127.0.0.1:${a.port},127.0.0.1:${b.port}`);
    raws.push(raw);
    const echo = bindClient(raw);
    await Promise.all(Array.from({ length: 10 }, (_, i) => echo.echo({ text: `warm ${i}`, delayMs: 0 })));

    // Calls in flight on `a` when it is told to stop still finish there.
    const inFlight = Array.from({ length: 10 }, (_, i) => echo.echo({ text: `slow ${i}`, delayMs: 300 }));
    const stopping = a.server.stop(5_000);
    const during = Array.from({ length: 20 }, (_, i) => echo.echo({ text: `during ${i}`, delayMs: 0 }));
    expect((await Promise.all([...inFlight, ...during])).length).toBe(30);
    await stopping;
    const after = await Promise.all(Array.from({ length: 20 }, (_, i) => echo.echo({ text: `after ${i}`, delayMs: 0 })));
    expect(after.map((reply) => reply.text)).toEqual(Array.from({ length: 20 }, (_, i) => `after ${i}`));

    await b.server.stop(1_000);
    const error = await echo.echo({ text: 'nobody', delayMs: 0 }, { deadlineMs: 3_000 }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
  });
});
