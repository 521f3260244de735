import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The stand-in schema engine binary; see bin/prisma-no-engine.sh for why it exists. */
export const noEngineBinary = fileURLToPath(new URL('../bin/prisma-no-engine.sh', import.meta.url));

/**
 * Environment under which the Prisma CLI runs offline: without a schema engine binary
 * it tries to download one on every command and fails; telemetry is switched off.
 */
export function offlinePrismaEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    PRISMA_SCHEMA_ENGINE_BINARY: base.PRISMA_SCHEMA_ENGINE_BINARY ?? noEngineBinary,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
}

/**
 * Runs `prisma generate` in `appDir` (which holds prisma.config.ts) with the offline
 * environment. Extra arguments are passed to the Prisma CLI unchanged.
 */
export function prismaGenerate(appDir: string, extraArgs: readonly string[] = []): Promise<void> {
  const cli = require.resolve('prisma/build/index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'generate', ...extraArgs], {
      cwd: appDir,
      env: offlinePrismaEnv(),
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`prisma generate failed in ${appDir} (${signal ?? `exit code ${code}`})`));
    });
  });
}
