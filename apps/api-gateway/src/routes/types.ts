import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { GatewayConfig } from '../config.ts';
import type { ServiceClients } from '../clients.ts';
import type { NamedSchema } from './schema-ref.ts';

export type GatewayApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export type ServiceHealth = 'serving' | 'unavailable';

export interface GatewayDeps {
  config: GatewayConfig;
  clients: ServiceClients;
  /** gRPC health of every service, by app name. */
  probeServices: () => Promise<Record<string, ServiceHealth>>;
}

/** One route, registered by a file of its own under `routes/<group>/`. */
export type RouteModule = (app: GatewayApp, deps: GatewayDeps) => void;

/** An endpoint group: its named schemas (for `components.schemas`) and its routes. */
export interface RouteGroup {
  /** The OpenAPI tag, e.g. "Partners" (the seed page's group name). */
  tag: string;
  description?: string;
  schemas: NamedSchema[];
  routes: RouteModule[];
}
