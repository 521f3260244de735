import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gatewayApp, type RunningPlatform } from '@scai/platform';
import { monotonicMicros, summarizeProfile, type ProfileSummary } from './profile-summary.ts';

export interface ProfiledRun<T> {
  result: T;
  /** The `.cpuprofile` the gateway wrote when it was stopped (open it in Chrome DevTools or speedscope). */
  file: string;
  /** When `measure` ran, in monotonic µs (the profile's own clock). */
  window: { from: number; to: number };
  summary: ProfileSummary;
}

const preload = fileURLToPath(new URL('./cpu-profile-preload.mjs', import.meta.url));

/**
 * Runs `measure` against a gateway started with the profiling preload (only the gateway:
 * the other apps keep running unprofiled), then stops it with SIGTERM — its shutdown ends
 * in process.exit, when the preload writes the profile — and starts a plain one for the
 * rest of the bench. Only the samples taken while `measure` ran are summarised.
 */
export async function profileGateway<T>(platform: RunningPlatform, dir: string, measure: () => Promise<T>): Promise<ProfiledRun<T>> {
  const profileDir = resolve(dir);
  await mkdir(profileDir, { recursive: true });
  const name = gatewayApp.name;
  await platform.apps.kill(name, 'SIGTERM');
  const file = join(profileDir, `api-gateway-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
  await platform.apps.start(name, { env: { NODE_OPTIONS: `--import ${preload}`, BENCH_PROFILE_FILE: file } });
  const from = monotonicMicros();
  const result = await measure();
  const to = monotonicMicros();
  await platform.apps.kill(name, 'SIGTERM');
  await platform.apps.start(name);
  return { result, file, window: { from, to }, summary: await summarizeProfile(file, { from, to }) };
}
