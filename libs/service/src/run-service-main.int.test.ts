import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sampleMain = fileURLToPath(new URL('./test-support/sample-main.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the sample main.ts; `signal` is sent once it has printed that it started. */
function runMain(env: Record<string, string>, signal?: NodeJS.Signals): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', sampleMain], { env: { PATH: process.env.PATH, ...env } });
  const run: Run = { code: null, stdout: '', stderr: '' };
  let signalled = false;
  child.stdout.on('data', (chunk: Buffer) => {
    run.stdout += chunk.toString();
    // Once: a second signal while stopping ends the process at once (Node's default).
    if (signal && !signalled && run.stdout.includes('started')) {
      signalled = true;
      child.kill(signal);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ ...run, code })));
}

describe('runServiceMain', () => {
  it('prints one line for a bad setting and exits 1', async () => {
    const run = await runMain({});
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('sample: Configuration error: SAMPLE_GREETING is required (a non-empty string).\n');
    expect(run.stdout).toBe('');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stops the app on %s and exits 0', async (signal) => {
    const run = await runMain({ SAMPLE_GREETING: 'hello' }, signal);
    expect(run).toEqual({ code: 0, stdout: 'started: hello\nstopped\n', stderr: '' });
  });

  it('exits 1 when the app fails to start', async () => {
    const run = await runMain({ SAMPLE_GREETING: 'hello', SAMPLE_FAIL_START: 'true' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sample failed to start: Error: port taken');
  });
});
