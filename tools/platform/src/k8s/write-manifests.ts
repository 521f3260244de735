// Writes k8s/base from the app catalog (`npm run k8s -w @scai/platform`).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { repoRoot } from '../repo-paths.ts';
import { baseFiles } from './base-files.ts';

const baseDir = join(repoRoot, 'k8s', 'base');
for (const [path, content] of Object.entries(baseFiles())) {
  const file = join(baseDir, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  console.log(`wrote k8s/base/${path}`);
}
