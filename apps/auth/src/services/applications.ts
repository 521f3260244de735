import { randomBytes } from 'node:crypto';
import { forbidden, newId, notFound } from '@scai/api';
import { ADMIN_ROLES, isSuperAdmin, reachOf, requireRole, type Caller } from '@scai/permissions';
import { applicationSpec, isConfidential, type ApplicationInput, type ApplicationSpec } from '../domain/application-rules.ts';
import { CLIENT_SECRET_PREFIX, generateSecret, keyedHash } from '../domain/secret-hash.ts';
import { applicationCreatedEvent, applicationSecretRotatedEvent, type AuditContext } from '../events/auth-events.ts';
import { findApplication, findByRegistration, reachesApplication, type ApplicationRow } from '../store/applications.ts';
import { isUniqueViolation } from '../store/prisma.ts';
import type { AuthDeps } from './deps.ts';

export interface CreatedApplication {
  application: ApplicationRow;
  /** Shown once; null for public clients. */
  clientSecret: string | null;
  created: boolean;
}

/** A client id: 128 random bits, lower-case hex, with the platform prefix. */
function newClientId(): string {
  return `scai_${randomBytes(16).toString('hex')}`;
}

/** OAuth applications. Created by the registrations app when a request is approved. */
export class Applications {
  constructor(private readonly deps: AuthDeps) {}

  /**
   * Idempotent on `registrationRequestId`: a repeat returns the same application with a
   * freshly rotated secret (the first answer may have been lost, and secrets are never stored).
   */
  async create(caller: Caller, input: ApplicationInput & { registrationRequestId?: string | null }, audit: AuditContext): Promise<CreatedApplication> {
    requireRole(caller, ADMIN_ROLES);
    const spec = applicationSpec(input);
    this.assertMayOwn(caller, spec);
    const registrationRequestId = input.registrationRequestId || null;

    if (registrationRequestId) {
      const existing = await findByRegistration(this.deps.db, registrationRequestId);
      if (existing) return this.repeat(caller, existing, audit);
    }
    const clientSecret = isConfidential(spec.applicationType) ? generateSecret(CLIENT_SECRET_PREFIX) : null;
    try {
      const application = await this.deps.db.$transaction(async (tx) => {
        const row = await tx.application.create({
          data: {
            id: newId('application'),
            clientId: newClientId(),
            clientSecretHash: clientSecret ? keyedHash(this.deps.secrets.tokenPepper, clientSecret) : null,
            ...spec,
            registrationRequestId,
          },
        });
        await this.deps.outbox.add(tx, applicationCreatedEvent(row, audit));
        return row;
      });
      this.deps.eventsWritten();
      return { application, clientSecret, created: true };
    } catch (error) {
      // The same approval raced with itself: answer like a repeat.
      if (registrationRequestId && isUniqueViolation(error)) {
        const existing = await findByRegistration(this.deps.db, registrationRequestId);
        if (existing) return this.repeat(caller, existing, audit);
      }
      throw error;
    }
  }

  async get(caller: Caller, idOrClientId: string): Promise<ApplicationRow> {
    requireRole(caller, ADMIN_ROLES);
    const app = await findApplication(this.deps.db, idOrClientId);
    if (!app || !reachesApplication(reachOf(caller), app)) throw notFound('Application');
    return app;
  }

  private async repeat(caller: Caller, existing: ApplicationRow, audit: AuditContext): Promise<CreatedApplication> {
    if (!reachesApplication(reachOf(caller), existing)) throw notFound('Application');
    if (!existing.clientSecretHash) return { application: existing, clientSecret: null, created: false };
    const clientSecret = generateSecret(CLIENT_SECRET_PREFIX);
    const application = await this.deps.db.$transaction(async (tx) => {
      const row = await tx.application.update({ where: { id: existing.id }, data: { clientSecretHash: keyedHash(this.deps.secrets.tokenPepper, clientSecret) } });
      await this.deps.outbox.add(tx, applicationSecretRotatedEvent(row, audit));
      return row;
    });
    this.deps.eventsWritten();
    return { application, clientSecret, created: false };
  }

  /** GLOBAL → super admin; PARTNER → its partner's admin; TENANT → also its tenant's admin. */
  private assertMayOwn(caller: Caller, spec: ApplicationSpec): void {
    if (isSuperAdmin(caller)) return;
    const reach = reachOf(caller);
    if (reachesApplication(reach, spec)) {
      // A partner admin registering a TENANT application must name the tenant's partner.
      if (reach.level !== 'partner' || spec.partnerId === reach.partnerId) return;
    }
    throw forbidden(`You may not register a ${spec.scope} application for this owner`);
  }
}
