import { bool, port, serviceSchema, url, type ConfigOf } from '@scai/config';

export interface ServiceDefaults {
  /** Local database name, e.g. `scai_billing` (docs/contracts.md, "Ports, databases"). */
  database: string;
  grpcPort: number;
  opsPort: number;
}

/**
 * The settings of every app that owns a database and serves gRPC: `serviceSchema` of
 * @scai/config plus its database, its two ports and migrate-on-start, with the app's
 * local defaults. An app spreads it into its own schema and adds what only it reads.
 */
export function serviceConfigSchema(defaults: ServiceDefaults) {
  return {
    ...serviceSchema,
    DATABASE_URL: url(`postgresql://postgres@127.0.0.1:5432/${defaults.database}`, ['postgres', 'postgresql']),
    GRPC_PORT: port(defaults.grpcPort),
    OPS_PORT: port(defaults.opsPort),
    /** Apply pending migrations (creating the database if missing) before serving. */
    MIGRATE_ON_START: bool(true),
  };
}

/** What `createService` reads; every app's config has at least these fields. */
export type ServiceConfig = ConfigOf<ReturnType<typeof serviceConfigSchema>>;
