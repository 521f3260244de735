import type { EventBus, Relay } from '@scai/events';
import type { GrpcServer } from '@scai/grpc';
import type { OpsServer } from '@scai/http';
import type { ServiceDb, ServiceParts } from './service-parts.ts';

/** What a service has running; fields fill in as `start()` gets further. */
export interface Running {
  db?: ServiceDb;
  events?: EventBus;
  relay?: Relay;
  parts: ServiceParts;
  grpc?: GrpcServer;
  grpcPort: number;
  ops?: OpsServer;
  /** Set first on stop: `/readyz` answers 503 from then on. */
  stopping: boolean;
}

/**
 * Stops a service outside in: no new gRPC calls (running ones finish), then what works in
 * the background (consumers and jobs finish the event or pass in hand), outgoing clients,
 * the relay, NATS and the database. The ops server goes last so liveness keeps answering
 * while the rest drains. Every step runs even when an earlier one fails.
 */
export async function stopRunning(running: Running): Promise<void> {
  running.stopping = true;
  const { parts } = running;
  const steps: (() => Promise<void> | void)[] = [
    () => running.grpc?.stop(),
    () => Promise.all([...(parts.consumers ?? []), ...(parts.jobs ?? [])].map((part) => part.stop())).then(() => undefined),
    () => parts.clients?.forEach((client) => client.close()),
    () => running.relay?.stop(),
    // Also stops any consumer `register` started without listing it.
    () => running.events?.close(),
    () => running.db?.$disconnect(),
    () => running.ops?.close(),
  ];
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'several parts of the service failed to stop');
}
