import type { LoadShape } from './http-load.ts';
import type { LoadResult } from './measure-grpc.ts';
import { cpuDuring, type ProcessMatcher } from './process-cpu.ts';

export interface MeasuredPath {
  load: LoadResult;
  /** CPU seconds each component spent while this path was under load. */
  cpuSeconds: Record<string, number>;
}

type Path = (load: LoadShape) => Promise<LoadResult>;

/**
 * Slices of the same load that ran one after another, as one result: req/s over the
 * whole time, p50 and p99 as the request-weighted mean of the slices' (autocannon only
 * reports percentiles, so both paths are merged the same way), max as the largest.
 */
export function mergeSlices(slices: LoadResult[], secondsEach: number): LoadResult {
  const requests = slices.reduce((sum, s) => sum + s.requests, 0);
  const weighted = (pick: (s: LoadResult) => number) =>
    Number((slices.reduce((sum, s) => sum + pick(s) * s.requests, 0) / Math.max(requests, 1)).toFixed(2));
  return {
    requests,
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    requestsPerSecond: Math.round(requests / (secondsEach * slices.length)),
    latencyMs: { p50: weighted((s) => s.latencyMs.p50), p99: weighted((s) => s.latencyMs.p99), max: Math.max(...slices.map((s) => s.latencyMs.max)) },
  };
}

/**
 * Measures the paths in alternating slices (A B A B …) instead of one long run each: on
 * shared cores the background load drifts over a minute, and a ratio of two runs taken a
 * minute apart measures that drift as much as the paths. Each path gets the same total time.
 */
export async function interleave<K extends string>(
  paths: Record<K, Path>,
  shape: LoadShape,
  slices: number,
  components: Record<string, ProcessMatcher>,
): Promise<Record<K, MeasuredPath>> {
  const secondsEach = shape.durationSeconds / slices;
  const names = Object.keys(paths) as K[];
  const runs = Object.fromEntries(names.map((name) => [name, { loads: [] as LoadResult[], cpu: {} as Record<string, number> }])) as Record<K, { loads: LoadResult[]; cpu: Record<string, number> }>;
  for (let slice = 0; slice < slices; slice += 1) {
    for (const name of names) {
      const { result, cpuSeconds } = await cpuDuring(components, () => paths[name]({ connections: shape.connections, durationSeconds: secondsEach }));
      runs[name].loads.push(result);
      for (const [component, seconds] of Object.entries(cpuSeconds)) runs[name].cpu[component] = (runs[name].cpu[component] ?? 0) + seconds;
    }
  }
  return Object.fromEntries(names.map((name) => [name, { load: mergeSlices(runs[name].loads, secondsEach), cpuSeconds: runs[name].cpu }])) as Record<K, MeasuredPath>;
}
