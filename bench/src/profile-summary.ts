import { readFile } from 'node:fs/promises';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) this summary reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  /** Microseconds on the system's monotonic clock, the one `process.hrtime` reads on Linux. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfFrame {
  /** `functionName (file:line)`, the path cut to what follows `node_modules/` or the repository. */
  frame: string;
  /** Share of the non-idle samples in the window, in percent. */
  percent: number;
}

export interface ProfileSummary {
  /** Samples the process was busy for (idle left out) in the window. */
  busySamples: number;
  /** Share of the window's samples that were idle, in percent. */
  idlePercent: number;
  top: SelfFrame[];
}

/** A monotonic timestamp in microseconds, comparable with a child's profile times. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const repo = url.search(/\/(apps|libs|tools)\//);
  return repo >= 0 ? url.slice(repo + 1) : url.replace(/^file:\/\//, '');
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name} (${shortUrl(frame.url)}:${frame.lineNumber + 1})` : name;
}

/**
 * The frames with the most self time among the samples taken between `from` and `to`
 * (monotonic µs), so start-up (tsx compiling the gateway) and idle phases do not count.
 */
export async function summarizeProfile(path: string, window: { from: number; to: number }, limit = 12): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const names = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame)]));
  const self = new Map<string, number>();
  let at = profile.startTime;
  let idle = 0;
  let total = 0;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at < window.from || at > window.to) return;
    total += 1;
    const name = names.get(id) ?? '?';
    if (name === '(idle)') idle += 1;
    else self.set(name, (self.get(name) ?? 0) + 1);
  });
  const busy = total - idle;
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([frame, count]) => ({ frame, percent: Number(((100 * count) / Math.max(busy, 1)).toFixed(1)) }));
  return { busySamples: busy, idlePercent: Number(((100 * idle) / Math.max(total, 1)).toFixed(1)), top };
}
