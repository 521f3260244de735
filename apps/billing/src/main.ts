import { runServiceMain } from '@scai/service';
import { createApp } from './app.ts';
import { loadBillingConfig } from './config.ts';

await runServiceMain('billing', () => loadBillingConfig(), createApp);
