import { createApp } from './app.ts';
import { loadMeteringConfig } from './config.ts';

// Wiring only: configuration, the app, and a clean stop on signals.
const app = await createApp(loadMeteringConfig());
await app.start();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
