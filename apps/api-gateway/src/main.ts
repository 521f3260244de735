import { ConfigError } from '@scai/config';
import { checkHealth } from '@scai/grpc';
import { createLogger, createMetrics, initTracing } from '@scai/telemetry';
import { buildGateway } from './app.ts';
import { createTokenVerifier } from './auth/token-verifier.ts';
import { createServiceClients } from './clients.ts';
import { loadGatewayConfig, type GatewayConfig } from './config.ts';
import { startRevocationFeed } from './revocation/revocation-feed.ts';
import { createRevocationView } from './revocation/revocation-view.ts';

// How long start-up waits for the revocation view before listening anyway (then `/readyz`
// says 503 and token-bearing requests answer 503 until it is loaded).
const SEED_WAIT_MS = 10_000;

function serviceAddresses(config: GatewayConfig): Record<string, string> {
  return {
    auth: config.AUTH_GRPC_URL,
    partners: config.PARTNERS_GRPC_URL,
    registrations: config.REGISTRATIONS_GRPC_URL,
    billing: config.BILLING_GRPC_URL,
    metering: config.METERING_GRPC_URL,
    provisioning: config.PROVISIONING_GRPC_URL,
  };
}

async function main(): Promise<void> {
  let stopping = false;
  const config = loadGatewayConfig();
  const logger = createLogger({ name: 'api-gateway', level: config.LOG_LEVEL });
  const tracing = initTracing({
    serviceName: 'api-gateway',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    disabled: config.OTEL_SDK_DISABLED,
  });
  const revocations = createRevocationView();
  const feed = startRevocationFeed(
    { natsUrl: config.NATS_URL, stream: config.EVENTS_STREAM, subjectPrefix: config.EVENTS_SUBJECT_PREFIX },
    revocations,
    { logger },
  );
  const clients = createServiceClients(config);
  const addresses = serviceAddresses(config);
  const app = await buildGateway({
    config,
    clients,
    logger,
    metrics: createMetrics('api-gateway'),
    verifyToken: createTokenVerifier({
      jwks: new URL(`${config.AUTH_HTTP_URL}/api/v1/platform/.well-known/jwks.json`),
      publicUrl: config.PUBLIC_URL,
    }),
    revocations,
    ready: () => !stopping && feed.ready(),
    probeServices: async () => {
      const entries = await Promise.all(
        Object.entries(addresses).map(async ([name, address]) => [name, (await checkHealth(address)) ? 'serving' : 'unavailable'] as const),
      );
      return Object.fromEntries(entries);
    },
  });
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'api-gateway stopping');
    await app.close();
    await feed.stop();
    clients.close();
    await tracing.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (!(await feed.whenSeeded(SEED_WAIT_MS))) logger.warn('revocation view not loaded yet; listening, not ready');
  await app.listen({ host: config.GATEWAY_HOST, port: config.GATEWAY_PORT });
  logger.info({ url: `http://${config.GATEWAY_HOST}:${config.GATEWAY_PORT}` }, 'api-gateway listening');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`api-gateway failed to start: ${(error as Error).message}`);
  }
  process.exit(1);
});
