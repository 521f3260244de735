/** The table as the Prisma model of docs/contracts.md creates it, for this library's own tests. */
export const IDEMPOTENCY_TABLE_SQL = `
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  response JSONB,
  created_at TIMESTAMPTZ(3) NOT NULL,
  expires_at TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT idempotency_keys_pkey PRIMARY KEY (scope, key)
)`;
