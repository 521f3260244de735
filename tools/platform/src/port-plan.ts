import { gatewayApp, serviceApps } from './apps.ts';

export interface ServicePorts {
  grpc: number;
  ops: number;
  http?: number;
}

/** Every port the platform listens on, by app name. */
export interface PortPlan {
  gateway: number;
  services: Record<string, ServicePorts>;
}

/**
 * The contracts' ports shifted by `portOffset`, so a second platform (the e2e suite)
 * can run beside the first. The gateway takes `gatewayPort` when given.
 */
export function planPorts(options: { portOffset?: number; gatewayPort?: number } = {}): PortPlan {
  const offset = options.portOffset ?? 0;
  const services: Record<string, ServicePorts> = {};
  for (const app of serviceApps) {
    services[app.name] = {
      grpc: app.grpcPort + offset,
      ops: app.opsPort + offset,
      ...(app.httpPort === undefined ? {} : { http: app.httpPort + offset }),
    };
  }
  const plan = { gateway: options.gatewayPort ?? gatewayApp.port + offset, services };
  assertValidPlan(plan);
  return plan;
}

/** Every port of the plan, labelled, e.g. `auth gRPC` → 50051. */
export function portsOf(plan: PortPlan): Array<{ label: string; port: number }> {
  const ports = [{ label: 'api-gateway HTTP', port: plan.gateway }];
  for (const [name, p] of Object.entries(plan.services)) {
    ports.push({ label: `${name} gRPC`, port: p.grpc }, { label: `${name} ops`, port: p.ops });
    if (p.http !== undefined) ports.push({ label: `${name} HTTP`, port: p.http });
  }
  return ports;
}

function assertValidPlan(plan: PortPlan): void {
  const seen = new Map<number, string>();
  for (const { label, port } of portsOf(plan)) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`Port plan: ${label} would listen on ${port}, outside 1–65535.`);
    }
    const other = seen.get(port);
    if (other) throw new Error(`Port plan: ${label} and ${other} would both listen on ${port}.`);
    seen.set(port, label);
  }
}
