import { gatewayApp } from './apps.ts';
import { describeExit, spawnApp, type ChildApp } from './child-app.ts';
import type { LogMode } from './log-lines.ts';
import { appDir } from './repo-paths.ts';

/** The running children of one platform, and what happens when one of them dies. */
export class PlatformApps {
  private readonly children: ChildApp[] = [];
  private readonly latest = new Map<string, ChildApp>();
  private readonly gatewayChildren = new Set<ChildApp>();
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

  /** Starts `app` under `name` (an extra instance gets a name of its own, `partners-2`). */
  start(name: string, env: Record<string, string | undefined>, app = name): ChildApp {
    const child = spawnApp({ name, ...this.locate(app), env, log: this.log, write: this.write });
    this.children.push(child);
    this.latest.set(name, child);
    if (app === gatewayApp.name) this.gatewayChildren.add(child);
    void child.exited.then((exit) => {
      if (this.stopping || child.stopping) return;
      const tail = child.recentLines().slice(-10);
      const lastLines = tail.length ? `\nIts last lines:\n  ${tail.join('\n  ')}` : '';
      this.reportCrash(`${name} ${describeExit(exit)} unexpectedly; stopping the platform.${lastLines}`);
    });
    return child;
  }

  /** The newest child started under `name`. */
  get(name: string): ChildApp | undefined {
    return this.latest.get(name);
  }

  /**
   * Stops every child in two waves: the gateway (or, without one, the newest child), then
   * the rest together. A gateway restarted by a test counts as the gateway too.
   */
  async stopAll(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const newest = this.children.at(-1);
    const first = this.gatewayChildren.size ? [...this.gatewayChildren] : newest ? [newest] : [];
    await Promise.all(first.map((child) => child.stop(timeoutMs)));
    const rest = this.children.filter((child) => !first.includes(child));
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
