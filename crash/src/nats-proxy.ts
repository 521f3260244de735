import net from 'node:net';

export interface NatsProxy {
  /** `nats://127.0.0.1:<port>`: give it to an app instead of the real NATS_URL. */
  url: string;
  /** A network outage: drops every connection and refuses new ones until closed. */
  cut(): void;
  close(): Promise<void>;
}

/**
 * A TCP pass-through to NATS. Cutting it is how a test holds an app's outbox relay back
 * for real: PostgreSQL keeps working (the soft delete commits), while nothing the relay
 * sends can reach JetStream, so the outbox row stays pending for as long as we like.
 */
export async function startNatsProxy(natsUrl: string): Promise<NatsProxy> {
  const target = new URL(natsUrl);
  const sockets = new Set<net.Socket>();
  let cut = false;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port || 4222), target.hostname);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `nats://127.0.0.1:${port}`,
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
