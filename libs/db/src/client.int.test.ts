import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../test-fixtures/sample/src/generated/prisma/client.ts';
import { createPrismaPg } from './prisma-pg.ts';
import { sampleAppDir } from './test-support/sample-app.ts';
import { createMigratedTestDatabase, type TestDatabase } from './testing.ts';

let db: TestDatabase;
let schemaDb: TestDatabase;

beforeAll(async () => {
  [db, schemaDb] = await Promise.all([
    createMigratedTestDatabase('dbclient', sampleAppDir),
    createMigratedTestDatabase('dbclient', sampleAppDir).then(async (plain) => {
      // The same migrations once more, into schema "app" of a second database.
      const { migrateTestDatabase } = await import('./testing.ts');
      await migrateTestDatabase(`${plain.url}?schema=app`, sampleAppDir);
      return plain;
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([db?.drop(), schemaDb?.drop()]);
});

describe('the sample app client over @prisma/adapter-pg', () => {
  it('inserts and selects with new PrismaPg({ connectionString })', async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    try {
      await prisma.note.create({ data: { id: 'n1', title: 'first', body: 'hello' } });
      const notes = await prisma.note.findMany();
      expect(notes).toEqual([{ id: 'n1', title: 'first', body: 'hello', createdAt: expect.any(Date) }]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('uses the schema of ?schema=NAME with createPrismaPg', async () => {
    const prisma = new PrismaClient({ adapter: createPrismaPg(`${schemaDb.url}?schema=app`) });
    try {
      await prisma.note.create({ data: { id: 'in-app', title: 'schema app' } });
      expect(await prisma.note.count()).toBe(1);
      const rows = await prisma.$queryRaw<{ schema: string }[]>`SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'notes' ORDER BY 1`;
      expect(rows).toEqual([{ schema: 'app' }, { schema: 'public' }]);
      const inPublic = new PrismaClient({ adapter: createPrismaPg(schemaDb.url) });
      try {
        expect(await inPublic.note.count()).toBe(0);
      } finally {
        await inPublic.$disconnect();
      }
    } finally {
      await prisma.$disconnect();
    }
  });
});
