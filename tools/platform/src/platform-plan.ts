import type { PlatformSettings } from './app-env.ts';
import type { Secrets } from './dev-secrets.ts';
import { loadPlatformConfig, type PlatformConfig } from './platform-config.ts';
import { planPorts, type PortPlan } from './port-plan.ts';

/** What a platform start is made of, decided before anything runs. */
export interface PlatformPlan {
  /** process.env with the caller's settings on top: what the apps inherit. */
  env: Record<string, string | undefined>;
  config: PlatformConfig;
  ports: PortPlan;
  /** Where the gateway listens: `http://127.0.0.1:<port>`. */
  origin: string;
  databasePrefix: string;
}

export interface PlanOptions {
  env?: Record<string, string>;
  gatewayPort?: number;
  portOffset?: number;
  databasePrefix?: string;
}

/** Options win over the environment, the environment over docs/contracts.md. */
export function planPlatform(options: PlanOptions, baseEnv: Record<string, string | undefined> = process.env): PlatformPlan {
  const env = { ...baseEnv, ...options.env };
  const config = loadPlatformConfig(env);
  const ports = planPorts({
    portOffset: options.portOffset ?? config.PORT_OFFSET,
    gatewayPort: options.gatewayPort ?? (env.GATEWAY_PORT ? config.GATEWAY_PORT : undefined),
  });
  return {
    env,
    config,
    ports,
    origin: `http://127.0.0.1:${ports.gateway}`,
    databasePrefix: options.databasePrefix ?? config.DATABASE_PREFIX,
  };
}

/** The settings every app's environment is built from. */
export function settingsOf(plan: PlatformPlan, secrets: Secrets): PlatformSettings {
  const { config } = plan;
  return {
    serverUrl: config.DATABASE_URL,
    natsUrl: config.NATS_URL,
    publicUrl: (config.PUBLIC_URL ?? plan.origin).replace(/\/+$/, ''),
    eventsStream: config.EVENTS_STREAM,
    eventsSubjectPrefix: config.EVENTS_SUBJECT_PREFIX,
    databasePrefix: plan.databasePrefix,
    logLevel: config.LOG_LEVEL,
    nodeEnv: config.NODE_ENV,
    host: '127.0.0.1',
    ports: plan.ports,
    secrets,
    otelEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  };
}
