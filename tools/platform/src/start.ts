// `npm start`: the whole platform on this machine, until Ctrl-C or SIGTERM.
import { startPlatform, type RunningPlatform } from './start-platform.ts';

const abort = new AbortController();
let platform: RunningPlatform | undefined;
let stopping = false;
const starting: Promise<RunningPlatform> = startPlatform({ log: 'inherit', signal: abort.signal });

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the platform…`);
  abort.abort();
  // During start-up, startPlatform stops what it started and rejects; afterwards, stop().
  if (platform) await platform.stop();
  else await starting.catch(() => undefined);
  process.exit(0);
}

function fail(error: unknown): never {
  // Preflight, configuration and crash messages are made to be read as they are.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));

starting.then(
  (running) => {
    platform = running;
    running.done.catch((error: unknown) => {
      if (!stopping) fail(error);
    });
  },
  (error: unknown) => {
    if (!stopping) fail(error);
  },
);
