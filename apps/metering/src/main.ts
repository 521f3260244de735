import { runServiceMain } from '@scai/service';
import { createApp } from './app.ts';
import { loadMeteringConfig } from './config.ts';

await runServiceMain('metering', () => loadMeteringConfig(), createApp);
