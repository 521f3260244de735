import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EchoRequest, EchoResponse } from '../test-fixtures/generated/echo/v1/echo.ts';
import { EchoServiceClient } from '../test-fixtures/echo-service.ts';
import { bindClient, createChannelClient, type OutgoingCall } from './index.ts';

describe('bindClient', () => {
  // grpc-js connects lazily: building a client does no I/O.
  const raw = createChannelClient(EchoServiceClient, '127.0.0.1:1');

  it('exposes every unary method as a typed promise function and nothing else', () => {
    const client = bindClient(raw);
    expect(Object.keys(client).sort()).toEqual(['echo', 'fail']);
    expectTypeOf(client.echo).toEqualTypeOf<(request: EchoRequest, outgoing?: OutgoingCall) => Promise<EchoResponse>>();
    expectTypeOf(client).not.toHaveProperty('close');
    raw.close();
  });

  it('refuses an object that is not a generated client', () => {
    expect(() => bindClient(Object.create(null))).toThrow(TypeError);
  });
});
