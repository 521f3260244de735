import { conflict, forbidden, newId, notFound } from '@scai/api';
import type { Clock } from '@scai/clock';
import type { Outbox } from '@scai/events';
import type { Db, Tx } from '../store/prisma.ts';
import type { BillingDirectory } from './billing-directory.ts';
import { registeredServiceOf, type RegisteredService, type Registration, type ServiceHealth } from './registered-service.ts';
import { approvedEvent, claimRefusedEvent, deregisteredEvent, healthChangedEvent, registeredEvent, versionChangedEvent } from './registry-events.ts';
import type { ServiceKeys } from './service-key.ts';

export interface RegistryDeps {
  db: Db;
  outbox: Outbox;
  keys: ServiceKeys;
  billing: BillingDirectory;
  clock: Clock;
  /** After a commit that wrote events: publish them now rather than at the relay's next poll. */
  eventsWritten: () => void;
}

export interface RegisterResult {
  service: RegisteredService;
  created: boolean;
  /** Only when this call issued one: shown once. */
  key: string | null;
}

export interface HeartbeatInput {
  slug: string;
  status: 'healthy' | 'degraded';
  version: string | null;
  uptimeSeconds: number | null;
  key: string | undefined;
}

/** One registration at a time per slug, whether or not its row exists yet. */
export async function lockSlug(tx: Tx, slug: string): Promise<RegisteredService | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registry:${slug}`}))`;
  // The row lock too: the heartbeat monitor locks rows (not slugs), and a change must not read a health it is about to overwrite.
  await tx.$executeRaw`SELECT 1 FROM registered_services WHERE slug = ${slug} FOR UPDATE`;
  const row = await tx.registeredService.findUnique({ where: { slug } });
  return row ? registeredServiceOf(row) : null;
}

export async function recordVersion(tx: Tx, serviceId: string, from: string | null, to: string, at: Date): Promise<void> {
  await tx.registryVersionChange.create({ data: { id: newId('registryVersionChange'), serviceId, fromVersion: from, toVersion: to, changedAt: at } });
}

function listingOf(registration: Registration) {
  const { provisioning, ...rest } = registration;
  return { ...rest, provisioning: provisioning as object };
}

/**
 * The service side of the registry: a SERVICE application binds itself to a slug, says it
 * is alive, and leaves. Each change is one transaction with its events (outbox).
 */
export function createRegistry(deps: RegistryDeps) {
  const { db, outbox, keys, clock } = deps;

  /** The caller's own live binding of a slug; anything else (unknown, deregistered, another application's) is 404. */
  async function ownBinding(tx: Tx, clientId: string, slug: string): Promise<RegisteredService> {
    const service = await lockSlug(tx, slug);
    if (!service || service.status === 'deregistered' || service.clientId !== clientId) throw notFound('Registered service');
    return service;
  }

  return {
    async register(clientId: string, registration: Registration, presentedKey: string | undefined): Promise<RegisterResult> {
      const known = await deps.billing.isCatalogService(registration.slug);
      const now = clock.now();
      const outcome = await db.$transaction(async (tx): Promise<RegisterResult | { refused: RegisteredService }> => {
        const existing = await lockSlug(tx, registration.slug);
        if (existing && existing.status !== 'deregistered' && existing.clientId !== clientId) {
          if (existing.claimedByClientId === clientId) return { refused: existing };
          const row = await tx.registeredService.update({ where: { id: existing.id }, data: { claimedByClientId: clientId, updatedAt: now } });
          const claimed = registeredServiceOf(row);
          await outbox.add(tx, claimRefusedEvent(claimed, clientId));
          return { refused: claimed };
        }
        if (!existing || existing.status === 'deregistered') {
          // A new binding (or a deregistered slug taken up again): catalog services start active with a key.
          const issued = known ? keys.issue() : null;
          const fields = {
            ...listingOf(registration),
            status: known ? 'active' : 'pending_approval',
            health: 'unknown',
            missedHeartbeats: 0,
            lastHeartbeatAt: null,
            reportedStatus: null,
            uptimeSeconds: null,
            clientId,
            claimedByClientId: null,
            known,
            keyHash: issued?.hash ?? null,
            keyRotatedAt: issued ? now : null,
            approvedAt: known ? now : null,
            suspendedAt: null,
            suspendedReason: null,
            deregisteredAt: null,
            deregisteredReason: null,
            registeredAt: now,
            updatedAt: now,
          };
          const row = existing
            ? await tx.registeredService.update({ where: { id: existing.id }, data: fields })
            : await tx.registeredService.create({ data: { id: newId('registeredService'), ...fields } });
          const service = registeredServiceOf(row);
          await recordVersion(tx, service.id, existing?.version ?? null, service.version, now);
          await outbox.add(tx, registeredEvent(service));
          if (known) await outbox.add(tx, approvedEvent(service, false));
          return { service, created: true, key: issued?.key ?? null };
        }
        keys.check(presentedKey, existing.keyHash);
        const row = await tx.registeredService.update({ where: { id: existing.id }, data: { ...listingOf(registration), known, updatedAt: now } });
        const service = registeredServiceOf(row);
        if (existing.version !== service.version) {
          await recordVersion(tx, service.id, existing.version, service.version, now);
          await outbox.add(tx, versionChangedEvent(service, existing.version));
        }
        return { service, created: false, key: null };
      });
      deps.eventsWritten();
      if ('refused' in outcome) {
        throw conflict('Another application is bound to this service; an administrator can re-bind it to yours', { slug: registration.slug, status: outcome.refused.status });
      }
      return outcome;
    },

    async heartbeat(clientId: string, input: HeartbeatInput): Promise<RegisteredService> {
      const now = clock.now();
      const service = await db.$transaction(async (tx) => {
        const current = await ownBinding(tx, clientId, input.slug);
        keys.check(input.key, current.keyHash);
        if (current.status === 'suspended') throw forbidden('This service is suspended by an administrator');
        const health: ServiceHealth = input.status === 'degraded' ? 'degraded' : 'healthy';
        const version = input.version?.trim() || current.version;
        const row = await tx.registeredService.update({
          where: { id: current.id },
          data: { health, missedHeartbeats: 0, lastHeartbeatAt: now, reportedStatus: input.status, uptimeSeconds: input.uptimeSeconds ?? undefined, version, updatedAt: now },
        });
        const after = registeredServiceOf(row);
        if (current.version !== version) {
          await recordVersion(tx, after.id, current.version, version, now);
          await outbox.add(tx, versionChangedEvent(after, current.version));
        }
        if (current.health !== health) await outbox.add(tx, healthChangedEvent(after, current.health, 'heartbeat'));
        return after;
      });
      deps.eventsWritten();
      return service;
    },

    async deregister(clientId: string, slug: string, reason: string, presentedKey: string | undefined): Promise<void> {
      // Asked before the transaction: a subscription sold in between is the billing app's race, not a half-written registry.
      const live = await deps.billing.liveSubscriptions(slug);
      const now = clock.now();
      await db.$transaction(async (tx) => {
        const current = await ownBinding(tx, clientId, slug);
        keys.check(presentedKey, current.keyHash);
        if (live > 0) throw conflict(`The service still has ${live} live subscription(s); it can deregister once they have ended`, { live_subscriptions: live });
        const row = await tx.registeredService.update({
          where: { id: current.id },
          data: { status: 'deregistered', health: 'unknown', missedHeartbeats: 0, keyHash: null, claimedByClientId: null, deregisteredAt: now, deregisteredReason: reason, updatedAt: now },
        });
        await outbox.add(tx, deregisteredEvent(registeredServiceOf(row), reason));
      });
      deps.eventsWritten();
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
