import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformApps } from './platform-apps.ts';

let dir: string;
const locate = (name: string) => ({ cwd: dir, entry: `${name}.ts` });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'platform-apps-'));
  await writeFile(join(dir, 'steady.ts'), `process.on('SIGTERM', () => process.exit(0));\nconsole.log('up');\nsetInterval(() => undefined, 1000);\n`);
  await writeFile(join(dir, 'fragile.ts'), `console.log('starting');\nsetTimeout(() => { console.error('lost the database'); process.exit(2); }, 300);\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PlatformApps', () => {
  it('reports an app that dies unexpectedly, with its last lines', async () => {
    const apps = new PlatformApps('quiet', () => undefined, locate);
    apps.start('steady', { ...process.env });
    apps.start('fragile', { ...process.env });
    const message = await apps.crashed;
    expect(message).toBe('fragile exited with code 2 unexpectedly; stopping the platform.\nIts last lines:\n  starting\n  lost the database');
    await apps.stopAll(2_000);
  });

  it('stops every app without reporting a crash', async () => {
    const apps = new PlatformApps('quiet', () => undefined, locate);
    const a = apps.start('steady', { ...process.env });
    const b = apps.start('steady', { ...process.env });
    let crashed = false;
    void apps.crashed.then(() => (crashed = true));
    await expect.poll(() => [...a.recentLines(), ...b.recentLines()], { timeout: 15_000 }).toEqual(['up', 'up']);
    await apps.stopAll(2_000);
    expect(await a.exited).toEqual({ code: 0, signal: null });
    expect(await b.exited).toEqual({ code: 0, signal: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(crashed).toBe(false);
  });

  it('lets a test kill an app and start it again without reporting a crash', async () => {
    const apps = new PlatformApps('quiet', () => undefined, locate);
    const first = apps.start('steady', { ...process.env });
    let crashed = false;
    void apps.crashed.then(() => (crashed = true));
    await expect.poll(() => first.recentLines(), { timeout: 15_000 }).toEqual(['up']);
    expect(await apps.get('steady')?.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    const second = apps.start('steady-2', { ...process.env }, 'steady');
    expect(apps.get('steady-2')).toBe(second);
    await expect.poll(() => second.recentLines(), { timeout: 15_000 }).toEqual(['up']);
    await apps.stopAll(2_000);
    expect(await second.exited).toEqual({ code: 0, signal: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(crashed).toBe(false);
  });
});
