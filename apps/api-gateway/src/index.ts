// What tools (the reference generator, the bench) may build from the gateway; other apps never import it.
export { buildGateway, type GatewayOptions } from './app.ts';
export { loadGatewayConfig, type GatewayConfig } from './config.ts';
export type { ServiceClients } from './clients.ts';
