import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPgDb } from './pg-db.ts';
import type { PgDb } from './pg-db.ts';

// The two tables of contracts.md's Prisma models, as `prisma migrate` would create them.
const EVENTS_TABLES = `
CREATE TABLE outbox_events (
  id text PRIMARY KEY,
  subject text NOT NULL,
  payload jsonb NOT NULL,
  headers jsonb,
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  published_at timestamptz(3),
  attempts integer NOT NULL DEFAULT 0
);
CREATE INDEX outbox_events_published_at_created_at_idx ON outbox_events (published_at, created_at);
CREATE TABLE processed_events (
  consumer text NOT NULL,
  event_id text NOT NULL,
  processed_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (consumer, event_id)
);
`;

export interface TestDatabase {
  db: PgDb;
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  return process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
}

/** A fresh database holding the events tables plus whatever `extraSql` creates. */
export async function createTestDatabase(extraSql = ''): Promise<TestDatabase> {
  const name = `t_events_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = createPgDb(url.toString());
  await db.$executeRawUnsafe(EVENTS_TABLES + extraSql);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.end();
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
