import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { databaseNameOf, gatewayApp, platformApps, serviceApps } from './apps.ts';
import { repoRoot } from './repo-paths.ts';

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  read_only?: boolean;
  build?: { context: string; target?: string };
}

/** Compose's `${VAR:-default}` as `docker compose` resolves it with nothing set. */
function withDefaults(text: string): string {
  return text.replace(/\$\{[A-Z_]+:?-([^}]*)\}/g, '$1');
}

const compose = parse(withDefaults(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('runs every app from the one image, with PostgreSQL, NATS (JetStream), a collector and migrations', () => {
    for (const app of platformApps) {
      const service = services[app.name];
      expect(service, app.name).toBeDefined();
      expect(service.image).toBe('scai-platform:local');
      expect(service.command).toEqual(['node', '--import', 'tsx', `apps/${app.name}/src/main.ts`]);
    }
    expect(services.nats.command).toContain('-js');
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services['otel-collector'].image).toMatch(/opentelemetry-collector/);
    expect(services.migrate.command?.join(' ')).toContain('tools/platform/src/migrate.ts');
  });

  it('gives every service its database, ports, NATS, stream and the addresses of the others', () => {
    for (const app of serviceApps) {
      const env = services[app.name].environment ?? {};
      expect(env.DATABASE_URL, app.name).toBe(`postgresql://postgres:postgres@postgres:5432/${databaseNameOf(app)}`);
      expect(env.GRPC_PORT).toBe(String(app.grpcPort));
      expect(env.OPS_PORT).toBe(String(app.opsPort));
      expect(env.GRPC_HOST).toBe('0.0.0.0');
      expect(env.OPS_HOST).toBe('0.0.0.0');
      expect(env.NATS_URL).toBe('nats://nats:4222');
      expect(env.EVENTS_STREAM).toBeTruthy();
      expect(env.EVENTS_SUBJECT_PREFIX).toBeTruthy();
      expect(env.PUBLIC_URL).toMatch(/^https?:\/\//);
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
      for (const other of serviceApps) expect(env[`${other.envName}_GRPC_URL`]).toBe(`${other.name}:${other.grpcPort}`);
    }
    const auth = services.auth.environment ?? {};
    expect(auth).toMatchObject({ AUTH_HTTP_PORT: '8081', AUTH_HTTP_HOST: '0.0.0.0' });
    expect(auth.TOKEN_PEPPER).toBeTruthy();
    expect(auth.SIGNING_KEY_ENCRYPTION_KEY).toBeTruthy();
    const gateway = services[gatewayApp.name].environment ?? {};
    expect(gateway).toMatchObject({ GATEWAY_PORT: '8080', GATEWAY_HOST: '0.0.0.0', AUTH_HTTP_URL: 'http://auth:8081' });
  });

  it('health-checks every app on its own ops port (the gateway on its own /readyz)', () => {
    for (const app of serviceApps) {
      expect(services[app.name].healthcheck?.test.join(' '), app.name).toContain(`http://127.0.0.1:${app.opsPort}/readyz`);
    }
    expect(services[gatewayApp.name].healthcheck?.test.join(' ')).toContain('http://127.0.0.1:8080/readyz');
    for (const name of ['postgres', 'nats']) expect(services[name].healthcheck, name).toBeDefined();
  });

  it('starts apps after migrations and infrastructure, and the gateway after every service', () => {
    for (const app of platformApps) {
      const deps = services[app.name].depends_on ?? {};
      expect(deps.migrate, app.name).toEqual({ condition: 'service_completed_successfully' });
      expect(deps.nats).toEqual({ condition: 'service_healthy' });
    }
    expect(services.migrate.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    const gatewayDeps = services[gatewayApp.name].depends_on ?? {};
    for (const app of serviceApps) expect(gatewayDeps[app.name], app.name).toEqual({ condition: 'service_healthy' });
    for (const [name, service] of Object.entries(services)) {
      for (const dep of Object.keys(service.depends_on ?? {})) expect(services[dep], `${name} → ${dep}`).toBeDefined();
    }
  });

  it('has no port collisions: published ports and app listeners are unique', () => {
    const published = Object.values(services).flatMap((s) => (s.ports ?? []).map((p) => p.split(':').slice(-2)[0]));
    expect(new Set(published).size).toBe(published.length);
    const listeners = serviceApps.flatMap((app) => {
      const env = services[app.name].environment ?? {};
      return [env.GRPC_PORT, env.OPS_PORT, env.AUTH_HTTP_PORT].filter(Boolean);
    });
    listeners.push(services[gatewayApp.name].environment?.GATEWAY_PORT ?? '');
    expect(new Set(listeners).size).toBe(listeners.length);
  });

  it('creates every app database in the PostgreSQL init script', () => {
    const sql = readFileSync(join(repoRoot, 'docker', 'postgres', 'init-databases.sql'), 'utf8');
    for (const app of serviceApps) expect(sql).toContain(`CREATE DATABASE ${databaseNameOf(app)};`);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');

  it('has the stage compose builds, runs as a non-root user and generates code at build time', () => {
    const targets = new Set(Object.values(services).flatMap((s) => (s.build?.target ? [s.build.target] : [])));
    expect(targets).toEqual(new Set(['runtime']));
    for (const target of targets) expect(dockerfile).toMatch(new RegExp(`^FROM \\S+ AS ${target}$`, 'm'));
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^RUN npm ci /m);
    expect(dockerfile).toMatch(/^RUN npm run generate$/m);
  });
});
