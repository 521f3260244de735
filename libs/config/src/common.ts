import { bool, int, oneOf, optionalStr, port, str, url } from './fields.ts';

/** Settings every app reads. Each app spreads these into its own schema. */
export const commonSchema = {
  NODE_ENV: oneOf(['development', 'test', 'production'] as const, 'development'),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  NATS_URL: url('nats://127.0.0.1:4222', ['nats', 'tls']),
  /** JetStream stream holding every domain event; tests use their own. */
  EVENTS_STREAM: str('SCAI_EVENTS'),
  /** First token of every event subject; tests use their own so streams do not overlap. */
  EVENTS_SUBJECT_PREFIX: str('scai'),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalStr(),
  OTEL_SDK_DISABLED: bool(false),
  /** Deadline for every outgoing gRPC call. */
  GRPC_DEADLINE_MS: int(5000, { min: 50, max: 120000 }),
  OPS_HOST: str('127.0.0.1'),
};

/** Settings of an app that owns a database and serves gRPC. */
export const serviceSchema = {
  ...commonSchema,
  GRPC_HOST: str('127.0.0.1'),
};

export { bool, int, oneOf, optionalStr, port, str, url };
