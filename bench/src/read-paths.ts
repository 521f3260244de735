import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER } from '@scai/permissions';
import type { RunningPlatform } from '@scai/platform';
import { partners } from '@scai/proto';
import { measureHttp, type LoadShape } from './http-load.ts';
import { interleave } from './interleave.ts';
import { measureCalls, type LoadResult } from './measure-grpc.ts';
import { cpuDuring, platformApp, postgresBackendsOf } from './process-cpu.ts';
import { gatewayRatio, perRequest, perSecondMs, type GatewayRatio } from './report.ts';

export interface ReadPathOptions {
  token: string;
  partnerId: string;
  /** The run's EVENTS_STREAM and database prefix, which tell its processes from others'. */
  stream: string;
  databasePrefix: string;
  shape: LoadShape;
  warmUpSeconds: number;
  /** Alternating slices each path's time is cut into (interleave.ts). */
  slices: number;
}

export interface ReadPathResults {
  gateway: LoadResult;
  direct: LoadResult;
  ratio: GatewayRatio;
  /** CPU ms per answered request, by component, on each path. */
  cpuMsPerRequest: { gateway: Record<string, number>; direct: Record<string, number> };
  /** What the components burn per second with no request at all (relays polling, timers). */
  idleCpuMsPerSecond: Record<string, number>;
}

const IDLE_SECONDS = 5;

export interface ReadPaths {
  throughGateway: (load: LoadShape) => Promise<LoadResult>;
  direct: (load: LoadShape) => Promise<LoadResult>;
}

/** GET /api/v1/admin/partners/{id} through the gateway, and the same read straight over gRPC. */
export function readPaths(platform: RunningPlatform, token: string, partnerId: string): ReadPaths {
  const client = bindClient(createChannelClient(partners.v1.PartnersServiceClient, `127.0.0.1:${platform.appEnv.partners.GRPC_PORT}`));
  return {
    throughGateway: (load) =>
      measureHttp(`${platform.gatewayUrl}/api/v1/admin/partners/${partnerId}`, { method: 'GET', headers: { authorization: `Bearer ${token}` } }, load),
    direct: (load) => measureCalls(() => client.getPartner({ id: partnerId }, { caller: SYSTEM_CALLER }), load),
  };
}

/** Phases 1 and 2 of the bench, and the ratio the gateway is held to. */
export async function measureReadPaths(platform: RunningPlatform, options: ReadPathOptions): Promise<ReadPathResults> {
  const paths = readPaths(platform, options.token, options.partnerId);
  // Both paths warm up before either is measured: the partners app, its database pool
  // and both processes' JIT are cold right after start, which otherwise only the path
  // measured first pays for.
  if (options.warmUpSeconds > 0) {
    const warmUp = { ...options.shape, durationSeconds: options.warmUpSeconds };
    await paths.throughGateway(warmUp);
    await paths.direct(warmUp);
  }
  const components = {
    'api-gateway': platformApp('api-gateway', options.stream),
    partners: platformApp('partners', options.stream),
    'PostgreSQL (partners)': postgresBackendsOf(`${options.databasePrefix}partners`),
  };
  const idle = await cpuDuring(components, () => new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000)));
  const measured = await interleave({ gateway: paths.throughGateway, direct: paths.direct }, options.shape, options.slices, components);
  const { gateway, direct } = { gateway: measured.gateway.load, direct: measured.direct.load };
  return {
    gateway,
    direct,
    ratio: gatewayRatio(gateway, direct),
    cpuMsPerRequest: { gateway: perRequest(measured.gateway.cpuSeconds, gateway), direct: perRequest(measured.direct.cpuSeconds, direct) },
    idleCpuMsPerSecond: perSecondMs(Object.fromEntries(Object.entries(idle.cpuSeconds).map(([name, seconds]) => [name, seconds / IDLE_SECONDS]))),
  };
}
