import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeExit, spawnApp } from './child-app.ts';

let dir: string;

async function script(name: string, body: string): Promise<string> {
  await writeFile(join(dir, name), body);
  return name;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'platform-child-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('spawnApp', () => {
  it('prefixes plain lines, passes JSON through and stops the app with SIGTERM', async () => {
    const entry = await script(
      'polite.ts',
      `const label: string = 'ready';
console.log(label);
console.log(JSON.stringify({ level: 30, msg: 'json' }));
process.on('SIGTERM', () => { console.log('bye'); process.exit(0); });
setInterval(() => undefined, 1000);
`,
    );
    const lines: string[] = [];
    const app = spawnApp({ name: 'polite', cwd: dir, entry, env: { ...process.env }, log: 'inherit', write: (l) => lines.push(l) });
    await expect.poll(() => lines.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const exit = await app.stop(5_000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(lines).toEqual(['polite        | ready', '{"level":30,"msg":"json"}', 'polite        | bye']);
  });

  it('kills an app that ignores SIGTERM once the grace period is over', async () => {
    const entry = await script(
      'stubborn.ts',
      `process.on('SIGTERM', () => console.log('ignoring'));
console.log('up');
setInterval(() => undefined, 1000);
`,
    );
    const app = spawnApp({ name: 'stubborn', cwd: dir, entry, env: { ...process.env }, log: 'quiet' });
    await expect.poll(() => app.recentLines(), { timeout: 15_000 }).toContain('up');
    const exit = await app.stop(300);
    expect(exit.signal).toBe('SIGKILL');
    expect(app.recentLines()).toContain('ignoring');
  });

  it('reports how an app ended', async () => {
    const entry = await script('crash.ts', `console.error('boom'); process.exit(3);\n`);
    const app = spawnApp({ name: 'crash', cwd: dir, entry, env: { ...process.env }, log: 'quiet' });
    const exit = await app.exited;
    expect(describeExit(exit)).toBe('exited with code 3');
    expect(app.recentLines()).toEqual(['boom']);
    expect(describeExit({ code: null, signal: 'SIGKILL' })).toBe('was killed by SIGKILL');
  });
});
