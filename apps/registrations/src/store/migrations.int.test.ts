import { expect, it } from 'vitest';
import { assertMigrationsCoverSchema } from '@scai/db/testing';
import { APP_DIR } from '../app-dir.ts';

it('every schema change has a migration', async () => {
  await expect(assertMigrationsCoverSchema(APP_DIR)).resolves.toBeUndefined();
});
