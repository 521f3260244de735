import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { reportCharColumnsAsText } from './char-as-text.ts';
import { dropDatabase, ensureDatabase } from './database-admin.ts';
import { databaseUrlFor, pgConfigOf, schemaOf } from './database-url.ts';

/**
 * @prisma/adapter-pg is typed against its own, newer copy of @types/pg than the root's;
 * the runtime `pg` is the same single package, so only the declarations differ.
 */
function asAdapterPool(pool: pg.Pool): ConstructorParameters<typeof PrismaPg>[0] {
  return pool as unknown as ConstructorParameters<typeof PrismaPg>[0];
}

/** Connects @prisma/adapter-pg for the schema engine, with the fixes it needs on that path. */
async function connectAdapter(databaseUrl: string): Promise<SqlDriverAdapter> {
  // Built from the parsed URL: node-postgres lets a connectionString override `database`.
  const pool = new pg.Pool({ ...pgConfigOf(databaseUrl), max: 2 });
  pool.on('connect', reportCharColumnsAsText);
  const schema = schemaOf(databaseUrl);
  const adapter = await new PrismaPg(asAdapterPool(pool), { disposeExternalPool: true, ...(schema ? { schema } : {}) }).connect();
  // The adapter's executeScript splits the script on ';' and runs the pieces one by one,
  // which breaks `$$` bodies and string literals and leaves a failed migration
  // half-applied. One simple-protocol query runs the whole script in one implicit
  // transaction instead, with the adapter's own error mapping.
  adapter.executeScript = async (script: string) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

/**
 * The driver adapter factory handed to the wasm schema engine. Compared with
 * `new PrismaPg(url)` it maps `"char"` columns, runs scripts whole, and makes the shadow
 * database itself: a real, separate database (the adapter's own connects to the main
 * database again) that is dropped after its pool closes (the adapter drops it first,
 * which fails while connected, and leaks it).
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  private readonly shadowUrls = new Set<string>();
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(private readonly databaseUrl: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.track(connectAdapter(this.databaseUrl));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowUrl = databaseUrlFor(this.databaseUrl, `prisma_migrate_shadow_db_${randomUUID()}`);
    this.shadowUrls.add(shadowUrl);
    await ensureDatabase(shadowUrl); // with the ?schema=NAME schema, when there is one
    const adapter = await this.track(connectAdapter(shadowUrl));
    const dispose = adapter.dispose;
    adapter.dispose = async () => {
      await dispose();
      await this.dropShadow(shadowUrl);
    };
    return adapter;
  }

  /**
   * Closes the pools the engine did not dispose (freeing the engine does not close its
   * main connection, whose idle clients would keep the process alive and the database
   * busy), then drops leftover shadow databases.
   */
  async cleanup(): Promise<void> {
    await Promise.all([...this.open].map((adapter) => adapter.dispose()));
    await Promise.all([...this.shadowUrls].map((url) => this.dropShadow(url)));
  }

  /** Remembers an adapter until it is disposed, by the engine or by cleanup(). */
  private async track(connecting: Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> {
    const adapter = await connecting;
    this.open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!this.open.delete(adapter)) return;
      await dispose();
    };
    return adapter;
  }

  private async dropShadow(shadowUrl: string): Promise<void> {
    if (!this.shadowUrls.delete(shadowUrl)) return;
    await dropDatabase(shadowUrl);
  }
}
