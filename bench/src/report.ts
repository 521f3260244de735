import type { LoadResult } from './measure-grpc.ts';
import type { ProfileSummary } from './profile-summary.ts';

export interface GatewayRatio {
  /** Gateway req/s ÷ direct gRPC req/s of the same run: the goal is ≥ 0.8. */
  ratio: number;
  p99GatewayMs: number;
  p99DirectMs: number;
}

export function gatewayRatio(gateway: LoadResult, direct: LoadResult): GatewayRatio {
  return {
    ratio: Number((gateway.requestsPerSecond / Math.max(direct.requestsPerSecond, 1)).toFixed(2)),
    p99GatewayMs: gateway.latencyMs.p99,
    p99DirectMs: direct.latencyMs.p99,
  };
}

/** The line a reader (or a script) looks for: `gateway ÷ direct: 0.83 (p99 gateway 40 ms, direct 31 ms)`. */
export function ratioLine(r: GatewayRatio): string {
  return `gateway ÷ direct: ${r.ratio.toFixed(2)} (p99 gateway ${r.p99GatewayMs} ms, direct ${r.p99DirectMs} ms)`;
}

export function resultTable(rows: Array<[string, LoadResult]>): string[] {
  return [
    '| path | req/s | p50 ms | p99 ms | errors |',
    '|---|---|---|---|---|',
    ...rows.map(([name, r]) => `| ${name} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.errors} |`),
  ];
}

export function profileTable(summary: ProfileSummary): string[] {
  return [
    `${summary.busySamples} busy samples, ${summary.idlePercent} % idle`,
    '| self % | frame |',
    '|---|---|',
    ...summary.top.map((entry) => `| ${entry.percent} | \`${entry.frame}\` |`),
  ];
}

/** CPU milliseconds per answered request, by component. */
export function perRequest(cpuSeconds: Record<string, number>, load: LoadResult): Record<string, number> {
  return Object.fromEntries(Object.entries(cpuSeconds).map(([name, seconds]) => [name, Number(((1000 * seconds) / Math.max(load.requests, 1)).toFixed(3))]));
}

export const perSecondMs = (cpuSeconds: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(cpuSeconds).map(([name, seconds]) => [name, Math.round(1000 * seconds)]));

/** Where the CPU of one request goes on each path: the gateway's own cost is its row. */
export function cpuTable(cpu: { gateway: Record<string, number>; direct: Record<string, number> }): string[] {
  const names = [...new Set([...Object.keys(cpu.gateway), ...Object.keys(cpu.direct)])];
  const total = (row: Record<string, number>) => Object.values(row).reduce((sum, ms) => sum + ms, 0).toFixed(2);
  return [
    '| CPU ms per request | via gateway | direct gRPC |',
    '|---|---|---|',
    ...names.map((name) => `| ${name} | ${cpu.gateway[name] ?? '–'} | ${cpu.direct[name] ?? '–'} |`),
    `| total | ${total(cpu.gateway)} | ${total(cpu.direct)} |`,
  ];
}
