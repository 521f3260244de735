import { describeExit, spawnApp, type ChildApp } from './child-app.ts';
import type { LogMode } from './log-lines.ts';
import { appDir } from './repo-paths.ts';

/** The running children of one platform, and what happens when one of them dies. */
export class PlatformApps {
  private readonly children: ChildApp[] = [];
  private stopping = false;
  private readonly killOnExit = () => {
    // The starter itself is going away without stop(): leave nothing listening behind.
    for (const child of this.children) if (child.pid) tryKill(child.pid);
  };
  /** Settles with a message when a child exits without being asked to. */
  readonly crashed: Promise<string>;
  private reportCrash!: (message: string) => void;

  constructor(
    private readonly log: LogMode,
    private readonly write: (line: string) => void,
    /** Where an app lives and which file starts it. */
    private readonly locate: (name: string) => { cwd: string; entry: string } = (name) => ({ cwd: appDir(name), entry: 'src/main.ts' }),
  ) {
    this.crashed = new Promise((resolve) => (this.reportCrash = resolve));
    process.on('exit', this.killOnExit);
  }

  start(name: string, env: Record<string, string | undefined>): ChildApp {
    const child = spawnApp({ name, ...this.locate(name), env, log: this.log, write: this.write });
    this.children.push(child);
    void child.exited.then((exit) => {
      if (this.stopping || child.stopping) return;
      const tail = child.recentLines().slice(-10);
      const lastLines = tail.length ? `\nIts last lines:\n  ${tail.join('\n  ')}` : '';
      this.reportCrash(`${name} ${describeExit(exit)} unexpectedly; stopping the platform.${lastLines}`);
    });
    return child;
  }

  /** Stops every child, newest first in two waves: the gateway, then the services together. */
  async stopAll(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const [last, ...rest] = [...this.children].reverse();
    if (last) await last.stop(timeoutMs);
    await Promise.all(rest.map((child) => child.stop(timeoutMs)));
    process.off('exit', this.killOnExit);
  }
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
