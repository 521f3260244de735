/**
 * The apps of the platform and their local defaults (docs/contracts.md, "Ports,
 * databases and environment"). Order matters: apps start in this order and stop in
 * the reverse one, so the gateway comes last and goes first.
 */
export interface ServiceApp {
  kind: 'service';
  name: string;
  /** Prefix of its address variable: `AUTH` → `AUTH_GRPC_URL`. */
  envName: string;
  grpcPort: number;
  opsPort: number;
  /** Extra HTTP port (the auth app's OAuth/OIDC side). */
  httpPort?: number;
}

export interface GatewayApp {
  kind: 'gateway';
  name: 'api-gateway';
  port: number;
}

export type PlatformApp = ServiceApp | GatewayApp;

export const serviceApps: readonly ServiceApp[] = [
  { kind: 'service', name: 'auth', envName: 'AUTH', grpcPort: 50051, opsPort: 9101, httpPort: 8081 },
  { kind: 'service', name: 'partners', envName: 'PARTNERS', grpcPort: 50052, opsPort: 9102 },
  { kind: 'service', name: 'registrations', envName: 'REGISTRATIONS', grpcPort: 50053, opsPort: 9103 },
  { kind: 'service', name: 'billing', envName: 'BILLING', grpcPort: 50054, opsPort: 9104 },
  { kind: 'service', name: 'metering', envName: 'METERING', grpcPort: 50055, opsPort: 9105 },
  { kind: 'service', name: 'provisioning', envName: 'PROVISIONING', grpcPort: 50056, opsPort: 9106 },
];

export const gatewayApp: GatewayApp = { kind: 'gateway', name: 'api-gateway', port: 8080 };

export const platformApps: readonly PlatformApp[] = [...serviceApps, gatewayApp];

/** Database of an app: `scai_auth` with the default prefix. */
export function databaseNameOf(app: ServiceApp, prefix = 'scai_'): string {
  return `${prefix}${app.name.replaceAll('-', '_')}`;
}
