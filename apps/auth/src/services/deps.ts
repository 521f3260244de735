import type { Outbox } from '@scai/events';
import type { AuthConfig, AuthSecrets } from '../config.ts';
import type { SigningKeys } from '../keys/signing-keys.ts';
import type { TenantMfaSettings } from '../mfa/tenant-mfa.ts';
import type { Db } from '../store/prisma.ts';

/** What the use cases of this app need; built once by `createApp` (and by tests). */
export interface AuthDeps {
  db: Db;
  keys: SigningKeys;
  outbox: Outbox;
  config: AuthConfig;
  secrets: AuthSecrets;
  now: () => Date;
  /** Called after a transaction that wrote events commits (nudges the relay). */
  eventsWritten: () => void;
  /** Whether a user's tenant requires MFA (partners app `settings.mfa_required`). */
  tenantMfa: TenantMfaSettings;
}
