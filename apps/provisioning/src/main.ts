import { runServiceMain } from '@scai/service';
import { createApp } from './app.ts';
import { loadProvisioningConfig } from './config.ts';

await runServiceMain('provisioning', () => loadProvisioningConfig(), createApp);
