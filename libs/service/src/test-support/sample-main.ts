// A main.ts for the runServiceMain test: a service without I/O that says what happens to it.
import { bool, loadConfig, str } from '@scai/config';
import { runServiceMain } from '../run-service-main.ts';

const schema = { SAMPLE_GREETING: str(), SAMPLE_FAIL_START: bool(false) };
// Stands for the servers of a real service, which keep the process alive until stopped.
let alive: NodeJS.Timeout | undefined;

await runServiceMain(
  'sample',
  () => loadConfig(schema),
  async (config) => ({
    async start() {
      if (config.SAMPLE_FAIL_START) throw new Error('port taken');
      alive = setInterval(() => undefined, 60_000);
      console.log(`started: ${config.SAMPLE_GREETING}`);
    },
    async stop() {
      clearInterval(alive);
      console.log('stopped');
    },
    grpcPort: 0,
    opsPort: 0,
  }),
);
