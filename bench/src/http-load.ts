import autocannon from 'autocannon';
import type { LoadResult } from './measure-grpc.ts';

export interface LoadShape {
  connections: number;
  durationSeconds: number;
}

function fromAutocannon(result: autocannon.Result): LoadResult {
  return {
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

/** Closed-loop HTTP load with autocannon: `connections` requests in flight for `durationSeconds`. */
export async function measureHttp(
  url: string,
  options: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  shape: LoadShape,
): Promise<LoadResult> {
  const result = await autocannon({ url, connections: shape.connections, duration: shape.durationSeconds, ...options });
  return fromAutocannon(result);
}
