import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase } from './database-admin.ts';
import { databaseUrlFor } from './database-url.ts';
import { copySampleApp, type SampleCopy } from './test-support/sample-app.ts';
import { testServerUrl } from './testing.ts';

const bin = fileURLToPath(new URL('../bin/scai-db.mjs', import.meta.url));
const libDir = fileURLToPath(new URL('..', import.meta.url));
const copies: SampleCopy[] = [];
const databaseUrls: string[] = [];

afterAll(async () => {
  await Promise.all(databaseUrls.map((url) => dropDatabase(url)));
  await Promise.all(copies.map((copy) => copy.remove()));
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `scai-db` bin in `cwd`, like an app's npm script does. */
function scaiDb(cwd: string, args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function unusedDatabase(): string {
  const url = databaseUrlFor(testServerUrl(), `t_dbcli_${randomBytes(6).toString('hex')}`);
  databaseUrls.push(url);
  return url;
}

describe.concurrent('scai-db CLI', () => {
  it('check exits 1 and prints the SQL of a schema change without migration; fails without DATABASE_URL', async () => {
    const copy = await copySampleApp();
    copies.push(copy);
    await copy.appendToSchema('model Extra {\n  id Int @id\n}');
    const run = await scaiDb(copy.dir, ['check'], unusedDatabase());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CREATE TABLE "Extra"');
    expect(await scaiDb(copy.dir, ['deploy'], '')).toMatchObject({ code: 1, stderr: expect.stringContaining('DATABASE_URL is not set') });
  });

  it('create writes the migration and deploy creates the database and applies both', async () => {
    const copy = await copySampleApp();
    copies.push(copy);
    const url = unusedDatabase();
    await copy.appendToSchema('model Extra {\n  id Int @id\n}');

    const create = await scaiDb(copy.dir, ['create', '--name', 'add extra'], url);
    expect(create).toMatchObject({ code: 0, stdout: expect.stringMatching(/Created .*\d{14}_add_extra/) });

    const deploy = await scaiDb(copy.dir, ['deploy'], url);
    expect(deploy).toMatchObject({ code: 0, stdout: expect.stringMatching(/Applied 2 migration\(s\)/) });
  });

  it('generate writes the Prisma client from the app folder, offline', async () => {
    const copy = await copySampleApp(join(libDir, 'test-fixtures'));
    copies.push(copy);
    const run = await scaiDb(copy.dir, ['generate'], '');
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(copy.dir, 'src', 'generated', 'prisma', 'client.ts'))).toBe(true);
  });
});
