import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { formatChildLine, RecentLines, type LogMode } from './log-lines.ts';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildApp {
  name: string;
  pid: number | undefined;
  /** Settles when the process has exited, for whatever reason. */
  exited: Promise<ChildExit>;
  /** True once `stop()` was called: an exit after that is expected. */
  stopping: boolean;
  recentLines(): string[];
  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves when the process is gone. */
  stop(timeoutMs: number): Promise<ChildExit>;
  /** Sends `signal` as an expected exit (crash tests); resolves when the process is gone. */
  kill(signal: NodeJS.Signals): Promise<ChildExit>;
}

export interface SpawnAppOptions {
  name: string;
  cwd: string;
  /** The TypeScript entry point, relative to `cwd` (`src/main.ts`). */
  entry: string;
  env: Record<string, string | undefined>;
  log: LogMode;
  /** Where prefixed lines go in `inherit` mode. */
  write?: (line: string) => void;
}

/** tsx's loader by absolute URL, so the child's working directory does not matter. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Starts an app as `node --import tsx <entry>`: what `tsx <entry>` does, in one process
 * instead of two, so the signals we send reach the app itself and a SIGKILL leaves no
 * orphan behind. Each child gets its own process group, so a Ctrl-C in the terminal
 * reaches only the starter, which then stops the apps in order.
 */
export function spawnApp(options: SpawnAppOptions): ChildApp {
  const child: ChildProcess = spawn(process.execPath, ['--import', tsxLoader, options.entry], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const recent = new RecentLines();
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      recent.push(line);
      if (options.log === 'inherit') write(formatChildLine(options.name, line));
    });
  }
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      recent.push(`failed to start: ${error.message}`);
      resolve({ code: null, signal: null });
    });
  });
  let exitedNow = false;
  void exited.then(() => {
    exitedNow = true;
  });

  const app: ChildApp = {
    name: options.name,
    pid: child.pid,
    exited,
    stopping: false,
    recentLines: () => recent.all(),
    async stop(timeoutMs) {
      app.stopping = true;
      if (exitedNow) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exitedNow) child.kill('SIGKILL');
      }, timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    async kill(signal) {
      app.stopping = true;
      if (!exitedNow) child.kill(signal);
      return exited;
    },
  };
  return app;
}

/** How an exit reads in a message: "exited with code 1", "was killed by SIGKILL". */
export function describeExit(exit: ChildExit): string {
  if (exit.signal) return `was killed by ${exit.signal}`;
  if (exit.code === null) return 'could not be started';
  return `exited with code ${exit.code}`;
}
