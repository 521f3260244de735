import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { serviceApps } from './apps.ts';
import { appDir, repoRoot } from './repo-paths.ts';

/** Generated code the running apps import, what it is made from, and its workspace. */
export interface GenerateTarget {
  workspace: string;
  inputs: string[];
  output: string;
}

export function generateTargets(root = repoRoot): GenerateTarget[] {
  const targets: GenerateTarget[] = [
    { workspace: join(root, 'libs', 'proto'), inputs: [join(root, 'proto')], output: join(root, 'libs', 'proto', 'src', 'generated') },
  ];
  for (const app of serviceApps) {
    const dir = appDir(app.name, root);
    const schema = join(dir, 'prisma', 'schema.prisma');
    if (existsSync(schema)) targets.push({ workspace: dir, inputs: [schema], output: join(dir, 'src', 'generated', 'prisma') });
  }
  return targets;
}

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** True when the output is missing or older than one of its inputs. */
export async function isStale(target: GenerateTarget): Promise<boolean> {
  if (!existsSync(target.output)) return true;
  const [inputs, output] = await Promise.all([
    Promise.all(target.inputs.map(newestMtime)).then((all) => Math.max(...all)),
    newestMtime(target.output),
  ]);
  return inputs > output;
}

/**
 * Runs `npm run generate` in every workspace whose generated code (ts-proto stubs,
 * Prisma clients: gitignored) is missing or stale, so a fresh clone starts.
 */
export async function generateCode(log: (line: string) => void, root = repoRoot): Promise<void> {
  for (const target of generateTargets(root)) {
    if (!(await isStale(target))) continue;
    log(`Generating code in ${target.workspace.slice(root.length)}…`);
    await runGenerate(target.workspace);
  }
}

function runGenerate(cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'generate', '--silent'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`\`npm run generate\` failed in ${cwd} (exit code ${code}):\n${output.trim()}`));
    });
  });
}
