// Test-only implementation of echo.v1.EchoService over the @scai/grpc helpers.
import { setTimeout as sleep } from 'node:timers/promises';
import { trace } from '@opentelemetry/api';
import { conflict, notFound, rateLimited, validationFailed } from '@scai/api';
import { requireCaller, unary, type BoundClient, type ImplementationOf } from '../src/index.ts';
import { EchoServiceService, type EchoServiceClient } from './generated/echo/v1/echo.ts';

export { EchoServiceClient, EchoServiceService } from './generated/echo/v1/echo.ts';

export const SECRET_FAILURE = 'connect ECONNREFUSED while running SELECT * FROM users';

/** `relay`: for texts starting with `relay:`, the handler calls this client (a second hop). */
export function echoImplementation(relay?: () => BoundClient<EchoServiceClient>): ImplementationOf<typeof EchoServiceService> {
  return {
    echo: unary(async (request, context) => {
      if (request.delayMs > 0) await sleep(request.delayMs, undefined, { signal: context.signal });
      if (relay && request.text.startsWith('relay:')) {
        return relay().echo({ text: request.text.slice('relay:'.length), delayMs: 0 }, { caller: context.caller });
      }
      return {
        text: request.text,
        callerSubject: context.caller?.subject ?? '',
        requestId: context.requestId,
        traceId: trace.getActiveSpan()?.spanContext().traceId ?? '',
      };
    }),
    fail: unary(async (request, context) => {
      switch (request.kind) {
        case 'not_found':
          throw notFound('Partner');
        case 'validation_error':
          throw validationFailed([
            { loc: ['body', 'name'], msg: 'Field required', type: 'missing' },
            { loc: ['body', 'city', 0], msg: 'Zürich is not allowed — pick another', type: 'value_error' },
          ]);
        case 'conflict':
          throw conflict('Slug already taken', { slug: 'acme', owner: 'Müller GmbH' });
        case 'rate_limited':
          throw rateLimited(30);
        case 'unauthorized':
          requireCaller(context);
          return {};
        default:
          throw new Error(SECRET_FAILURE);
      }
    }),
  };
}
