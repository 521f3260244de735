import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

const check = healthService.Check;

/**
 * Asks the standard `grpc.health.v1.Health/Check` of a server: true only for SERVING.
 * Unreachable, NOT_SERVING and unknown service names all answer false.
 */
export async function checkHealth(address: string, service = '', timeoutMs = 2_000): Promise<boolean> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  try {
    const response = await new Promise<object>((resolve, reject) => {
      client.makeUnaryRequest(
        check.path,
        check.requestSerialize,
        check.responseDeserialize,
        { service },
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
        (error, value) => (error || !value ? reject(error) : resolve(value)),
      );
    });
    return (response as { status?: unknown }).status === 'SERVING';
  } catch {
    return false;
  } finally {
    client.close();
  }
}
