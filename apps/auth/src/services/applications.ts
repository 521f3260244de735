import { randomBytes } from 'node:crypto';
import { AppError, conflict, forbidden, newId, notFound, type PageRequest } from '@scai/api';
import { ADMIN_ROLES, isSuperAdmin, reachOf, requireRole, type Access, type Caller } from '@scai/permissions';
import {
  applicationPatch,
  applicationSpec,
  isConfidential,
  type ApplicationInput,
  type ApplicationPatchInput,
  type ApplicationSpec,
} from '../domain/application-rules.ts';
import { generateSecret, keyedHash } from '@scai/secrets';
import { CLIENT_SECRET_PREFIX } from '../domain/secret-hash.ts';
import {
  applicationCreatedEvent,
  applicationDisabledEvent,
  applicationSecretRotatedEvent,
  applicationSnapshot,
  applicationUpdatedEvent,
  type AuditContext,
} from '../events/auth-events.ts';
import {
  findApplication,
  findByRegistration,
  listApplications,
  reachesApplication,
  revokeClientArtefacts,
  type ApplicationListQuery,
  type ApplicationRow,
} from '../store/applications.ts';
import { isUniqueViolation } from '../store/prisma.ts';
import type { AuthDeps } from './deps.ts';

export interface RotatedSecret {
  application: ApplicationRow;
  /** Shown once. */
  clientSecret: string;
  /** Until then the previous secret still works; null when it stopped at once (grace 0). */
  previousSecretExpiresAt: Date | null;
}

/**
 * Admin roles pass (reach decides on whose applications); a GLOBAL platform token passes
 * with admin:read, and its writes need admin:write (as the registration routes).
 */
function requireAdmin(caller: Caller, access: Access): void {
  requireRole(caller, ADMIN_ROLES);
  const platformToken = caller.kind === 'service' && caller.appScope === 'GLOBAL' && !isSuperAdmin(caller);
  const adminByRole = caller.roles.some((role) => ADMIN_ROLES.includes(role));
  if (platformToken && !adminByRole && access === 'write' && !caller.permissions.includes('admin:write')) {
    throw new AppError('forbidden', 'Platform token requires admin:read or admin:write scope');
  }
}

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
    return this.inReach(caller, idOrClientId);
  }

  /** Super admin: all; partner admin: its partner's PARTNER and TENANT applications; tenant admin: its tenant's TENANT ones. */
  async list(caller: Caller, query: ApplicationListQuery): Promise<{ items: ApplicationRow[]; total: number; page: PageRequest }> {
    requireAdmin(caller, 'read');
    const { items, total } = await listApplications(this.deps.db, reachOf(caller), query);
    return { items, total, page: query.page };
  }

  /**
   * Changes what an admin may change (application-rules `applicationPatch`); `allowed_scopes`
   * replaces the list. DISABLED: the token endpoint answers invalid_client at once (clients
   * are read from the table on every request) and every grant, refresh and access token
   * already issued to the client is removed in the same transaction.
   */
  async update(caller: Caller, idOrClientId: string, input: ApplicationPatchInput, audit: AuditContext): Promise<ApplicationRow> {
    requireAdmin(caller, 'write');
    const current = await this.inReach(caller, idOrClientId);
    const patch = applicationPatch(current, input);
    const disabling = patch.status === 'DISABLED' && current.status !== 'DISABLED';
    const application = await this.deps.db.$transaction(async (tx) => {
      const row = await tx.application.update({ where: { id: current.id }, data: patch });
      await this.deps.outbox.add(tx, applicationUpdatedEvent(row, applicationSnapshot(current), applicationSnapshot(row), audit));
      if (disabling) {
        const revoked = await revokeClientArtefacts(tx, row.clientId);
        await this.deps.outbox.add(tx, applicationDisabledEvent(row, this.deps.now(), revoked, audit));
      }
      return row;
    });
    this.deps.eventsWritten();
    return application;
  }

  /**
   * A new secret for a confidential application, shown once. The previous one keeps
   * working until now + APPLICATION_SECRET_GRACE_SECONDS (0: at once), so clients can
   * switch without downtime; a second rotation within the grace ends the older secret.
   */
  async rotateSecret(caller: Caller, idOrClientId: string, audit: AuditContext): Promise<RotatedSecret> {
    requireAdmin(caller, 'write');
    const current = await this.inReach(caller, idOrClientId);
    if (!isConfidential(current.applicationType) || !current.clientSecretHash) {
      throw conflict(`A ${current.applicationType} application has no client secret to rotate`);
    }
    const graceSeconds = this.deps.config.APPLICATION_SECRET_GRACE_SECONDS;
    const previousSecretExpiresAt = graceSeconds > 0 ? new Date(this.deps.now().getTime() + graceSeconds * 1000) : null;
    const clientSecret = generateSecret(CLIENT_SECRET_PREFIX);
    const application = await this.deps.db.$transaction(async (tx) => {
      const row = await tx.application.update({
        where: { id: current.id },
        data: {
          clientSecretHash: keyedHash(this.deps.secrets.tokenPepper, clientSecret),
          previousSecretHash: previousSecretExpiresAt ? current.clientSecretHash : null,
          previousSecretExpiresAt,
        },
      });
      await this.deps.outbox.add(tx, applicationSecretRotatedEvent(row, audit));
      return row;
    });
    this.deps.eventsWritten();
    return { application, clientSecret, previousSecretExpiresAt };
  }

  /** The application, or 404 when unknown or outside the caller's reach (GLOBAL: super admin only). */
  private async inReach(caller: Caller, idOrClientId: string): Promise<ApplicationRow> {
    const app = idOrClientId ? await findApplication(this.deps.db, idOrClientId) : null;
    if (!app || !reachesApplication(reachOf(caller), app)) throw notFound('Application');
    return app;
  }

  private async repeat(caller: Caller, existing: ApplicationRow, audit: AuditContext): Promise<CreatedApplication> {
    if (!reachesApplication(reachOf(caller), existing)) throw notFound('Application');
    if (!existing.clientSecretHash) return { application: existing, clientSecret: null, created: false };
    const clientSecret = generateSecret(CLIENT_SECRET_PREFIX);
    const application = await this.deps.db.$transaction(async (tx) => {
      const row = await tx.application.update({ where: { id: existing.id }, data: { clientSecretHash: keyedHash(this.deps.secrets.tokenPepper, clientSecret), previousSecretHash: null, previousSecretExpiresAt: null } });
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
