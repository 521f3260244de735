import { runServiceMain } from '@scai/service';
import { createApp } from './app.ts';
import { loadRegistrationsConfig } from './config.ts';

await runServiceMain('registrations', () => loadRegistrationsConfig(), createApp);
