import { describe, expect, it } from 'vitest';
import { appDatabaseUrl, buildAppEnv, childEnv, type PlatformSettings } from './app-env.ts';
import { gatewayApp, serviceApps } from './apps.ts';
import { planPorts } from './port-plan.ts';

const settings: PlatformSettings = {
  serverUrl: 'postgresql://postgres:pw@db.local:5433/postgres?sslmode=disable',
  natsUrl: 'nats://127.0.0.1:4222',
  publicUrl: 'http://127.0.0.1:8080',
  eventsStream: 'SCAI_EVENTS',
  eventsSubjectPrefix: 'scai',
  databasePrefix: 'scai_',
  logLevel: 'info',
  nodeEnv: 'development',
  host: '127.0.0.1',
  ports: planPorts(),
  secrets: { TOKEN_PEPPER: 'pepper', SIGNING_KEY_ENCRYPTION_KEY: 'kek' },
};
const app = (name: string) => serviceApps.find((a) => a.name === name)!;

describe('buildAppEnv', () => {
  it('gives a service its own database, its ports and everyone else’s address', () => {
    const env = buildAppEnv(app('partners'), settings);
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://postgres:pw@db.local:5433/scai_partners?sslmode=disable',
      GRPC_PORT: '50052',
      OPS_PORT: '9102',
      NATS_URL: 'nats://127.0.0.1:4222',
      EVENTS_STREAM: 'SCAI_EVENTS',
      EVENTS_SUBJECT_PREFIX: 'scai',
      PUBLIC_URL: 'http://127.0.0.1:8080',
      LOG_LEVEL: 'info',
      AUTH_GRPC_URL: '127.0.0.1:50051',
      AUTH_HTTP_URL: 'http://127.0.0.1:8081',
      PARTNERS_GRPC_URL: '127.0.0.1:50052',
      REGISTRATIONS_GRPC_URL: '127.0.0.1:50053',
      BILLING_GRPC_URL: '127.0.0.1:50054',
      METERING_GRPC_URL: '127.0.0.1:50055',
      PROVISIONING_GRPC_URL: '127.0.0.1:50056',
      OTEL_SDK_DISABLED: 'true',
      MIGRATE_ON_START: 'false',
    });
    expect(env.TOKEN_PEPPER).toBeUndefined();
    expect(env.GATEWAY_PORT).toBeUndefined();
  });

  it('gives auth its HTTP port and the secrets it reads', () => {
    const env = buildAppEnv(app('auth'), settings);
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://postgres:pw@db.local:5433/scai_auth?sslmode=disable',
      AUTH_HTTP_PORT: '8081',
      TOKEN_PEPPER: 'pepper',
      SIGNING_KEY_ENCRYPTION_KEY: 'kek',
    });
  });

  it('gives the gateway its port and no database', () => {
    const env = buildAppEnv(gatewayApp, { ...settings, otelEndpoint: 'http://otel:4318' });
    expect(env.GATEWAY_PORT).toBe('8080');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel:4318');
    expect(env.OTEL_SDK_DISABLED).toBeUndefined();
  });

  it('follows the port plan, the database prefix and the event stream of a test platform', () => {
    const env = buildAppEnv(app('billing'), {
      ...settings,
      ports: planPorts({ portOffset: 100, gatewayPort: 18080 }),
      databasePrefix: 'e2e_1_',
      eventsStream: 'E2E_1',
      eventsSubjectPrefix: 'e2e1',
      publicUrl: 'http://127.0.0.1:18080',
    });
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://postgres:pw@db.local:5433/e2e_1_billing?sslmode=disable',
      GRPC_PORT: '50154',
      OPS_PORT: '9204',
      AUTH_GRPC_URL: '127.0.0.1:50151',
      EVENTS_STREAM: 'E2E_1',
      EVENTS_SUBJECT_PREFIX: 'e2e1',
      PUBLIC_URL: 'http://127.0.0.1:18080',
    });
  });
});

describe('childEnv', () => {
  it('keeps the system environment but not the starter’s settings and secrets', () => {
    const env = childEnv(
      { PATH: '/bin', DATABASE_URL: 'postgresql://server/postgres', SCAI_ADMIN_PASSWORD: 'secret', TOKEN_PEPPER: 'p', GRPC_PORT: '1' },
      { GRPC_PORT: '50052' },
    );
    expect(env).toEqual({ PATH: '/bin', GRPC_PORT: '50052' });
  });
});

describe('appDatabaseUrl', () => {
  it('swaps only the database name', () => {
    expect(appDatabaseUrl('postgresql://postgres@127.0.0.1:5432/postgres', 'scai_auth')).toBe(
      'postgresql://postgres@127.0.0.1:5432/scai_auth',
    );
    expect(appDatabaseUrl('postgres://u:p%40ss@h/', 'x')).toBe('postgres://u:p%40ss@h/x');
  });
});
