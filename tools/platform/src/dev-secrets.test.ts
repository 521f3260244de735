import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDevSecrets, requireProductionSecrets } from './dev-secrets.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'platform-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ensureDevSecrets', () => {
  it('generates the secrets once and keeps them across restarts', async () => {
    const file = join(dir, '.platform', 'dev-secrets.json');
    const first = await ensureDevSecrets(file, {});
    expect(Object.keys(first).sort()).toEqual(['CREDENTIALS_ENCRYPTION_KEY', 'SIGNING_KEY_ENCRYPTION_KEY', 'STATUS_TOKEN_PEPPER', 'TOKEN_PEPPER']);
    expect(first.TOKEN_PEPPER).toMatch(/^[0-9a-f]{64}$/);
    expect(first.STATUS_TOKEN_PEPPER).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(first.SIGNING_KEY_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(Buffer.from(first.CREDENTIALS_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(first.TOKEN_PEPPER).not.toBe(first.SIGNING_KEY_ENCRYPTION_KEY);
    expect(await ensureDevSecrets(file, {})).toEqual(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('prefers the environment and never writes its values', async () => {
    const file = join(dir, 'dev-secrets.json');
    const secrets = await ensureDevSecrets(file, { TOKEN_PEPPER: 'from-env' });
    expect(secrets.TOKEN_PEPPER).toBe('from-env');
    expect(await readFile(file, 'utf8')).not.toContain('from-env');
  });
});

describe('requireProductionSecrets', () => {
  it('names every missing secret', () => {
    expect(() => requireProductionSecrets({ TOKEN_PEPPER: 'x' })).toThrow('NODE_ENV=production needs SIGNING_KEY_ENCRYPTION_KEY');
    const all = { TOKEN_PEPPER: 'a', SIGNING_KEY_ENCRYPTION_KEY: 'b', STATUS_TOKEN_PEPPER: 'c', CREDENTIALS_ENCRYPTION_KEY: 'd' };
    expect(requireProductionSecrets(all)).toEqual(all);
  });
});
