import { afterAll, describe, expect, it } from 'vitest';
import { withClient } from './database-admin.ts';
import { copySampleApp, sampleAppDir, type SampleCopy } from './test-support/sample-app.ts';
import { assertMigrationsCoverSchema, createTestDatabase, testServerUrl } from './testing.ts';

const copies: SampleCopy[] = [];

afterAll(async () => {
  await Promise.all(copies.map((copy) => copy.remove()));
});

async function databaseExists(name: string): Promise<boolean> {
  return withClient(testServerUrl(), async (client) => Boolean((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount));
}

describe.concurrent('@scai/db/testing', () => {
  it('createTestDatabase makes a uniquely named empty database and drop() removes it, even with open connections', async () => {
    const [a, b] = await Promise.all([createTestDatabase('My App'), createTestDatabase('My App')]);
    const nameA = new URL(a.url).pathname.slice(1);
    expect(nameA).toMatch(/^t_my_app_[0-9a-f]{12}$/);
    expect(a.url).not.toBe(b.url);
    expect(await databaseExists(nameA)).toBe(true);

    await withClient(a.url, async () => {
      await a.drop();
    }).catch(() => undefined); // the forced drop ends this connection under it
    await b.drop();
    expect(await databaseExists(nameA)).toBe(false);
  });

  it('assertMigrationsCoverSchema passes for a covered schema and names the missing SQL otherwise', async () => {
    await expect(assertMigrationsCoverSchema(sampleAppDir)).resolves.toBeUndefined();

    const copy = await copySampleApp();
    copies.push(copy);
    await copy.appendToSchema('model Extra {\n  id Int @id\n}');
    await expect(assertMigrationsCoverSchema(copy.dir)).rejects.toThrow(/no migration covers[\s\S]*CREATE TABLE "Extra"/);
  });
});
