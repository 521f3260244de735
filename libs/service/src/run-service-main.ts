import { ConfigError } from '@scai/config';
import type { Service } from './create-service.ts';

/**
 * The whole of a service app's `main.ts`: reads the config, starts the app, and stops it
 * cleanly on SIGINT/SIGTERM (exit 0), also when the signal comes while it is starting.
 * A bad setting prints its one line and exits 1, without a stack; any other failure to
 * start or stop prints the error and exits 1.
 */
export async function runServiceMain<C>(
  name: string,
  loadConfig: () => C,
  createApp: (config: C) => Promise<Service>,
): Promise<void> {
  const fail = (what: string) => (error: unknown) => {
    if (error instanceof ConfigError) console.error(`${name}: ${error.message}`);
    else console.error(`${name} failed to ${what}:`, error);
    // A failed start has already released what it took (createService).
    process.exit(1);
  };
  let app: Service;
  try {
    app = await createApp(loadConfig());
  } catch (error) {
    return fail('start')(error);
  }
  // Handlers go in before start: a signal while starting stops the app once it is up.
  let started: Promise<void> = Promise.resolve();
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      started.then(
        () => app.stop().then(() => process.exit(0), fail('stop')),
        () => undefined,
      );
    });
  }
  started = app.start();
  await started.catch(fail('start'));
}
