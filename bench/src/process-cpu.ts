import { readdir, readFile } from 'node:fs/promises';

/** Linux reports utime and stime in clock ticks of USER_HZ, which is 100 on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/** How to recognise one component's processes in /proc. */
export type ProcessMatcher = (proc: { environ: string[]; cmdline: string }) => boolean;

/** CPU seconds (user + system) of every matching process, by pid. */
type Snapshot = Map<number, number>;

async function readProc(pid: number): Promise<{ environ: string[]; cmdline: string; cpuSeconds: number } | undefined> {
  try {
    const [environ, cmdline, stat] = await Promise.all([
      readFile(`/proc/${pid}/environ`, 'utf8'),
      readFile(`/proc/${pid}/cmdline`, 'utf8'),
      readFile(`/proc/${pid}/stat`, 'utf8'),
    ]);
    // Fields after the command name (which may hold spaces, hence the last ')'): state is
    // field 3, utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    return { environ: environ.split('\0'), cmdline: cmdline.split('\0').join(' '), cpuSeconds };
  } catch {
    return undefined; // gone, or not ours to read
  }
}

async function snapshot(matchers: Record<string, ProcessMatcher>): Promise<Record<string, Snapshot>> {
  const result: Record<string, Snapshot> = Object.fromEntries(Object.keys(matchers).map((name) => [name, new Map()]));
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry)).map(Number);
  await Promise.all(
    pids.map(async (pid) => {
      const proc = await readProc(pid);
      if (!proc) return;
      for (const [name, matches] of Object.entries(matchers)) if (matches(proc)) result[name].set(pid, proc.cpuSeconds);
    }),
  );
  return result;
}

/**
 * Measures how much CPU each component's processes spend while `run` runs: the
 * per-request cost of the gateway, the partners app and PostgreSQL, which a req/s figure
 * on shared cores only hints at. A process that starts during the run counts from zero.
 */
export async function cpuDuring<T>(matchers: Record<string, ProcessMatcher>, run: () => Promise<T>): Promise<{ result: T; cpuSeconds: Record<string, number> }> {
  const before = await snapshot(matchers);
  const selfBefore = process.cpuUsage();
  const result = await run();
  const self = process.cpuUsage(selfBefore);
  const after = await snapshot(matchers);
  const cpuSeconds: Record<string, number> = { 'load generator': (self.user + self.system) / 1e6 };
  for (const [name, pids] of Object.entries(after)) {
    let spent = 0;
    for (const [pid, seconds] of pids) spent += seconds - (before[name].get(pid) ?? 0);
    cpuSeconds[name] = spent;
  }
  return { result, cpuSeconds };
}

/** A platform app of this bench run: its OTEL_SERVICE_NAME and the run's own event stream. */
export const platformApp =
  (name: string, stream: string): ProcessMatcher =>
  ({ environ }) =>
    environ.includes(`OTEL_SERVICE_NAME=${name}`) && environ.includes(`EVENTS_STREAM=${stream}`);

/** PostgreSQL backends serving `database` (their process title names it). */
export const postgresBackendsOf =
  (database: string): ProcessMatcher =>
  ({ cmdline }) =>
    cmdline.startsWith('postgres: ') && cmdline.includes(` ${database} `);
