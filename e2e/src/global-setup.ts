import type { TestProject } from 'vitest/node';
import { startPlatform } from '@scai/platform';
import { startOtlpReceiver } from './otlp-receiver.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    adminEmail: string;
    adminPassword: string;
    authGrpcUrl: string;
    partnersGrpcUrl: string;
    otlpUrl: string;
    /** The platform's event stream and subject prefix (tests read the events the apps published). */
    eventsStream: string;
    eventsSubjectPrefix: string;
    natsUrl: string;
  }
}

/**
 * Starts the platform once, exactly as `npm start` does, on ports, databases and an event
 * stream of its own, exporting traces to an in-suite collector.
 */
export default async function setup(project: TestProject) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const otlp = await startOtlpReceiver();
  const eventsStream = `E2E_${suffix.toUpperCase()}`;
  const eventsSubjectPrefix = `e2e_${suffix}`;
  // Another offset lets two suites (or a suite beside a benchmark) run at once on one machine.
  const portOffset = Number(process.env.E2E_PORT_OFFSET ?? 1000);
  const platform = await startPlatform({
    portOffset,
    databasePrefix: `e2e_${suffix}_`,
    env: {
      EVENTS_STREAM: eventsStream,
      EVENTS_SUBJECT_PREFIX: eventsSubjectPrefix,
      SCAI_ADMIN_EMAIL: 'root@e2e.test',
      SCAI_ADMIN_PASSWORD: 'e2e-Root-Password-1',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'warn',
      // Every suite signs in from 127.0.0.1, and the fuzz file alone fails dozens of logins:
      // the per-address rule would lock out whichever file runs next (apps/auth tests it).
      LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
      // The hidden PUT /api/v1/_test/clock (gateway) and testing.v1.TestClockService (billing):
      // the lifecycle suite moves time to the trial's last days and past period ends.
      TEST_CLOCK_CONTROL: 'true',
    },
    log: 'quiet',
    dropDatabasesOnStop: true,
    deleteStreamOnStop: true,
  });
  project.provide('gatewayUrl', platform.gatewayUrl);
  project.provide('adminEmail', platform.adminEmail);
  project.provide('adminPassword', platform.adminPassword);
  project.provide('authGrpcUrl', `127.0.0.1:${platform.appEnv.auth.GRPC_PORT}`);
  project.provide('partnersGrpcUrl', `127.0.0.1:${platform.appEnv.partners.GRPC_PORT}`);
  project.provide('otlpUrl', otlp.url);
  project.provide('eventsStream', eventsStream);
  project.provide('eventsSubjectPrefix', eventsSubjectPrefix);
  project.provide('natsUrl', platform.appEnv.auth.NATS_URL ?? 'nats://127.0.0.1:4222');
  return async () => {
    await platform.stop();
    await platform.dropDatabases();
    await otlp.close();
  };
}
