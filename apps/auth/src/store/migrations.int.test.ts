import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { assertMigrationsCoverSchema } from '@scai/db/testing';

describe('migrations', () => {
  it('cover prisma/schema.prisma', async () => {
    await assertMigrationsCoverSchema(fileURLToPath(new URL('../..', import.meta.url)));
  });
});
