import { checkHealth } from '@scai/grpc';

/** How the starter learns an app is up: gRPC health of a service, or an HTTP GET. */
export type HealthProbe = { kind: 'grpc'; address: string } | { kind: 'http'; url: string };

export async function probeOnce(probe: HealthProbe, timeoutMs = 2000): Promise<boolean> {
  if (probe.kind === 'grpc') return checkHealth(probe.address, '', timeoutMs);
  try {
    const response = await fetch(probe.url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Polls `probe` until it answers healthy. Rejects when `deadline` passes or when
 * `abandon` settles first (the app died while we were waiting).
 */
export async function waitHealthy(
  probe: HealthProbe,
  options: { timeoutMs: number; intervalMs?: number; abandon?: Promise<unknown> },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let abandoned = false;
  void options.abandon?.then(() => {
    abandoned = true;
  });
  while (!abandoned) {
    if (await probeOnce(probe)) return;
    if (Date.now() > deadline) {
      throw new Error(`not healthy after ${Math.round(options.timeoutMs / 1000)} s (${describeProbe(probe)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
  throw new Error('exited before it became healthy');
}

export function describeProbe(probe: HealthProbe): string {
  return probe.kind === 'grpc' ? `gRPC health at ${probe.address}` : `GET ${probe.url}`;
}
