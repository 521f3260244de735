import { createApp } from './app.ts';
import { loadRegistrationsConfig } from './config.ts';

const app = await createApp(loadRegistrationsConfig());
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
