import type * as grpc from '@grpc/grpc-js';
import { splitPath } from './metadata.ts';

/** Reads change nothing, so running one twice is harmless: only these are retried. */
const IDEMPOTENT_METHOD = /^(Get|List|Check|Watch)/;

/** Attempts of a retried call in all (grpc-js caps it at 5). */
export const RETRY_MAX_ATTEMPTS = 4;

/**
 * The channel's service config: round-robin over every address the target resolves to
 * (`ipv4:10.0.0.1:50052,10.0.0.2:50052`, or a DNS name with several records), so an
 * instance that goes away takes no new calls once its connection closes; and reads that
 * fail UNAVAILABLE (the instance shut down between pick and call, or refused the
 * connection) are tried again on the next instance, within the call's own deadline.
 * Writes are never retried here: UNAVAILABLE does not prove the server did nothing.
 */
export function channelServiceConfig(service: grpc.ServiceDefinition | undefined): string {
  const names = Object.values(service ?? {})
    .map((definition) => splitPath(definition.path))
    .filter((name) => IDEMPOTENT_METHOD.test(name.method));
  const methodConfig = names.length
    ? [
        {
          name: names,
          retryPolicy: {
            maxAttempts: RETRY_MAX_ATTEMPTS,
            initialBackoff: '0.05s',
            maxBackoff: '0.5s',
            backoffMultiplier: 2,
            retryableStatusCodes: ['UNAVAILABLE'],
          },
        },
      ]
    : [];
  return JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }], methodConfig });
}
