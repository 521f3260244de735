import { SpanKind, context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureLogger } from '../test-fixtures/capture-logger.ts';
import { EchoServiceClient, EchoServiceService, echoImplementation } from '../test-fixtures/echo-service.ts';
import { bindClient, createChannelClient, createGrpcServer, type BoundClient, type GrpcServer } from './index.ts';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();
let server: GrpcServer;
let raw: EchoServiceClient;
let echo: BoundClient<EchoServiceClient>;

beforeAll(async () => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(provider);
  server = createGrpcServer({ serviceName: 'echo-app', host: '127.0.0.1', port: 0, logger: captureLogger().logger });
  server.add(EchoServiceService, echoImplementation(() => echo));
  const port = await server.start();
  raw = createChannelClient(EchoServiceClient, `127.0.0.1:${port}`);
  echo = bindClient(raw);
});

afterAll(async () => {
  raw.close();
  await server.stop(1_000);
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

it('continues one trace from the caller through client and server spans', async () => {
  const tracer = trace.getTracer('test');
  const { rootTraceId, response } = await tracer.startActiveSpan('root', async (root) => {
    const result = await echo.echo({ text: 'traced', delayMs: 0 });
    root.end();
    return { rootTraceId: root.spanContext().traceId, response: result };
  });

  // The handler ran inside the server span of the same trace.
  expect(response.traceId).toBe(rootTraceId);
  const spans = exporter.getFinishedSpans();
  const root = spans.find((span) => span.name === 'root');
  const client = spans.find((span) => span.kind === SpanKind.CLIENT);
  const serverSpan = spans.find((span) => span.kind === SpanKind.SERVER);
  expect(client?.name).toBe('echo.v1.EchoService/Echo');
  expect(client?.spanContext().traceId).toBe(rootTraceId);
  expect(client?.parentSpanContext?.spanId).toBe(root?.spanContext().spanId);
  expect(serverSpan?.spanContext().traceId).toBe(rootTraceId);
  expect(serverSpan?.parentSpanContext?.spanId).toBe(client?.spanContext().spanId);
  expect(serverSpan?.attributes).toMatchObject({
    'rpc.system': 'grpc',
    'rpc.service': 'echo.v1.EchoService',
    'rpc.method': 'Echo',
    'rpc.grpc.status_code': 0,
  });
});

it('keeps the trace across a second hop made inside a handler', async () => {
  exporter.reset();
  const tracer = trace.getTracer('test');
  const rootTraceId = await tracer.startActiveSpan('root', async (root) => {
    await echo.echo({ text: 'relay:hop', delayMs: 0 });
    root.end();
    return root.spanContext().traceId;
  });
  const spans = exporter.getFinishedSpans().filter((span) => span.name !== 'root');
  expect(spans).toHaveLength(4);
  expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([rootTraceId]));
});

it('marks an unexpected failure as an error on the server span', async () => {
  exporter.reset();
  await expect(echo.fail({ kind: 'boom' })).rejects.toMatchObject({ code: 'internal_error' });
  const serverSpan = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.SERVER);
  expect(serverSpan?.status.code).toBe(2);
  expect(serverSpan?.events.map((event) => event.name)).toContain('exception');
});
