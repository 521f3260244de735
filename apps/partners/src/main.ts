import { runServiceMain } from '@scai/service';
import { createApp } from './app.ts';
import { loadPartnersConfig } from './config.ts';

await runServiceMain('partners', () => loadPartnersConfig(), createApp);
