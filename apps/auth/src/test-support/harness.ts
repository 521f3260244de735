import { fileURLToPath } from 'node:url';
import { createChannelClient, bindClient, type BoundClient } from '@scai/grpc';
import { createMigratedTestDatabase, type TestDatabase } from '@scai/db/testing';
import { createTestEventsConfig, deleteTestStream } from '@scai/events/testing';
import { SYSTEM_CALLER } from '@scai/permissions';
import { auth } from '@scai/proto';
import { createLogger } from '@scai/telemetry';
import { createApp, type AuthApp } from '../app.ts';
import { loadAuthConfig, type AuthConfig } from '../config.ts';
import { fixedTenantMfa } from '../mfa/tenant-mfa.ts';
import { cachedDirectory, type TenantDirectory } from '../oidc/tenant-directory.ts';
import { fixedOrgDirectory, type OrgDirectory } from '../people/org-directory.ts';
import type { IssuerTenant } from '../oidc/issuer.ts';
import { createPrisma, type Db } from '../store/prisma.ts';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const PUBLIC_URL = 'http://gateway.test';

export interface Harness {
  app: AuthApp;
  config: AuthConfig;
  db: Db;
  httpUrl: string;
  adminAuth: BoundClient<auth.v1.AdminAuthServiceClient>;
  applications: BoundClient<auth.v1.ApplicationsServiceClient>;
  users: BoundClient<auth.v1.UsersServiceClient>;
  groups: BoundClient<auth.v1.GroupsServiceClient>;
  close(): Promise<void>;
}

/** The whole app on free ports, a fresh migrated database and its own event stream. */
/** A tenant directory over a fixed list, standing in for the partners app. */
export function fixedTenants(tenants: IssuerTenant[]): TenantDirectory {
  return cachedDirectory(async (slug) => tenants.find((tenant) => tenant.slug === slug) ?? null);
}

export async function startHarness(
  prefix: string,
  env: Record<string, string> = {},
  tenants: IssuerTenant[] = [],
  /** Ids of the tenants whose settings require MFA (stands in for the partners app). */
  mfaRequiredTenants: string[] = [],
  /** Tenants and partner limits for people management (stands in for the partners app). */
  orgs: OrgDirectory = fixedOrgDirectory(tenants.map((tenant) => ({ id: tenant.id, partnerId: tenant.partnerId, active: true, passwordPolicy: null }))),
): Promise<Harness> {
  const database: TestDatabase = await createMigratedTestDatabase(`auth_${prefix}`, APP_DIR);
  const events = createTestEventsConfig();
  const config = loadAuthConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    NATS_URL: events.natsUrl,
    EVENTS_STREAM: events.stream,
    EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
    GRPC_PORT: '0',
    AUTH_HTTP_PORT: '0',
    OPS_PORT: '0',
    PUBLIC_URL,
    TOKEN_PEPPER: 'test-pepper',
    SIGNING_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    SIGNING_KEY_PUBLISH_LEAD_SECONDS: '0',
    ...env,
  });
  const app = await createApp(config, { logger: createLogger({ name: 'auth-test', level: 'silent' }), tenants: fixedTenants(tenants), tenantMfa: fixedTenantMfa(mfaRequiredTenants), orgs });
  await app.start();
  const address = `127.0.0.1:${app.ports.grpc}`;
  const clients = [
    createChannelClient(auth.v1.AdminAuthServiceClient, address),
    createChannelClient(auth.v1.ApplicationsServiceClient, address),
    createChannelClient(auth.v1.UsersServiceClient, address),
  ] as const;
  const groupsChannel = createChannelClient(auth.v1.GroupsServiceClient, address);
  const db = createPrisma(database.url);
  return {
    groups: bindClient(groupsChannel),
    app,
    config,
    db,
    httpUrl: `http://127.0.0.1:${app.ports.http}`,
    adminAuth: bindClient(clients[0]),
    applications: bindClient(clients[1]),
    users: bindClient(clients[2]),
    async close() {
      clients.forEach((client) => client.close());
      groupsChannel.close();
      await db.$disconnect();
      await app.stop();
      await deleteTestStream(events);
      await database.drop();
    },
  };
}

export const system = { caller: SYSTEM_CALLER };

/** Creates a user through the internal service, as seeding does. */
export async function createUser(
  h: Harness,
  input: { email: string; password?: string; tenantId?: string; partnerId?: string; roles: auth.v1.RoleGrant[] },
): Promise<auth.v1.User> {
  const { user } = await h.users.createUser(
    { email: input.email, password: input.password ?? 'correct-horse-battery', displayName: input.email, tenantId: input.tenantId, partnerId: input.partnerId, roles: input.roles },
    system,
  );
  return user!;
}

/** Types of the events the app wrote to its outbox, oldest first. */
export async function outboxTypes(db: Db): Promise<string[]> {
  const rows = await db.outboxEvent.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map((row) => (row.payload as { type: string }).type);
}
