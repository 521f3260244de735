import { JetStreamApiCodes, JetStreamApiError, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/** Deletes a JetStream stream (a test platform's own); a missing stream is fine. */
export async function deleteEventsStream(natsUrl: string, stream: string): Promise<void> {
  const nc = await connect({ servers: natsUrl.split(',').map((url) => url.trim()) });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(stream).catch((error: unknown) => {
      if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) return;
      throw error;
    });
  } finally {
    await nc.close();
  }
}
