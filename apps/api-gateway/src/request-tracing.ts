import { context, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { extractTraceContext } from '@scai/telemetry';

declare module 'fastify' {
  interface FastifyRequest {
    traceContext: Context | null;
    traceSpan: Span | null;
  }
}

const tracer = trace.getTracer('@scai/api-gateway');

/**
 * One SERVER span per request, continuing a caller's `traceparent`. Handlers run inside
 * it, so every gRPC call they make (and every event those services write) carries the
 * same trace id: gateway → service → event consumer is one trace.
 */
export function registerRequestTracing(app: FastifyInstance): void {
  app.decorateRequest('traceContext', null);
  app.decorateRequest('traceSpan', null);

  // Callback hooks, not async ones: an async hook costs a promise and a microtask turn per
  // request, and these run on every request the gateway answers.
  app.addHook('onRequest', (request, _reply, done) => {
    const parent = request.headers.traceparent === undefined ? context.active() : extractTraceContext(request.headers as Record<string, string | string[] | undefined>);
    // `routeOptions` is a getter that builds a fresh object on each read: read it once.
    const route = request.routeOptions.url;
    const span = tracer.startSpan(
      `${request.method} ${route ?? 'unmatched'}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route ?? '', 'scai.request_id': request.id } },
      parent,
    );
    request.traceSpan = span;
    request.traceContext = trace.setSpan(parent, span);
    done();
  });

  app.addHook('onResponse', (request, reply, done) => {
    const span = request.traceSpan;
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });

  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function traced(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      return request.traceContext ? context.with(request.traceContext, () => handler.call(this, request, reply)) : handler.call(this, request, reply);
    } as RouteHandlerMethod;
  });
}
