import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths } from '../app-paths.ts';

/** The sample app of the tests: one model and its committed initial migration. */
export const sampleAppDir = fileURLToPath(new URL('../../test-fixtures/sample', import.meta.url));
export const samplePaths = appPaths(sampleAppDir);

export interface SampleCopy {
  dir: string;
  schemaPath: string;
  migrationsDir: string;
  /** Appends Prisma schema text to the copy's schema.prisma. */
  appendToSchema(text: string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A scratch copy of the sample app (prisma/, prisma.config.ts, package.json), for tests
 * that change it. In the OS temp folder unless `parent` is given (a copy that must
 * resolve `prisma` from node_modules has to live inside the repository).
 */
export async function copySampleApp(parent = tmpdir()): Promise<SampleCopy> {
  const dir = await mkdtemp(join(parent, '.scai-db-sample-'));
  await cp(join(sampleAppDir, 'prisma'), join(dir, 'prisma'), { recursive: true });
  for (const file of ['prisma.config.ts', 'package.json']) await cp(join(sampleAppDir, file), join(dir, file));
  const paths = appPaths(dir);
  return {
    dir,
    ...paths,
    async appendToSchema(text) {
      await writeFile(paths.schemaPath, `${await readFile(paths.schemaPath, 'utf8')}\n${text}\n`);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
