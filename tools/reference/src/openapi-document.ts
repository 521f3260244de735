import { buildGateway, loadGatewayConfig, type ServiceClients } from '@scai/api-gateway';
import { createLogger } from '@scai/telemetry';

/**
 * The gateway's OpenAPI document built in-process, without any service running: the
 * same document `/api/v1/openapi.json` serves, since both come from the route schemas.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const unused = new Proxy({} as ServiceClients, {
    get: () => {
      throw new Error('the document needs no service');
    },
  });
  const app = await buildGateway({
    config: loadGatewayConfig({}),
    clients: unused,
    logger: createLogger({ name: 'reference', level: 'silent' }),
    verifyToken: async () => {
      throw new Error('the document needs no token');
    },
    probeServices: async () => ({}),
  });
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return document;
}
