import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tools/platform/src/repo-paths.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function appDir(name: string, root = repoRoot): string {
  return join(root, 'apps', name);
}

/** Where `npm start` keeps its development state (gitignored). */
export function devSecretsFile(root = repoRoot): string {
  return join(root, '.platform', 'dev-secrets.json');
}
