import { bool, int, loadConfig, optionalStr, str, type ConfigOf } from '@scai/config';
import { serviceConfigSchema } from '@scai/service';

export const provisioningSchema = {
  ...serviceConfigSchema({ database: 'scai_provisioning', grpcPort: 50056, opsPort: 9106 }),
  /** The billing app: whether a slug is a catalog service, and a service's live subscriptions. */
  BILLING_GRPC_URL: str('127.0.0.1:50054'),
  /** Pepper of the keyed hash of `x-scaicontrol-key` values. Required in production. */
  REGISTRY_KEY_PEPPER: optionalStr({ secret: true }),
  /** The heartbeat monitor's tick (domain.md: 60 s): one miss per tick of silence beyond 3 heartbeat intervals. */
  HEARTBEAT_MONITOR_TICK_SECONDS: int(60, { min: 1, max: 3600 }),
  /** Serves testing.v1.TestClockService so end-to-end tests can move time; refused with NODE_ENV=production. */
  TEST_CLOCK_CONTROL: bool(false),
};

export type ProvisioningConfig = ConfigOf<typeof provisioningSchema>;

export function loadProvisioningConfig(env: Record<string, string | undefined> = process.env): ProvisioningConfig {
  return loadConfig(provisioningSchema, env);
}
