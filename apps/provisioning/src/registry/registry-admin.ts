import { badRequest, forbidden, notFound, pageWindow, unauthorized, type PageRequest } from '@scai/api';
import { reachOf, requirePermission, type Access, type Caller } from '@scai/permissions';
import type { Prisma } from '../generated/prisma/client.ts';
import { registeredServiceOf, type RegisteredService, type ServiceHealth, type ServiceStatus } from './registered-service.ts';
import { lockSlug, type RegistryDeps } from './registry.ts';
import { approvedEvent, keyRotatedEvent, suspendedEvent } from './registry-events.ts';

/** The registry belongs to the platform: its administration needs admin:registry and platform reach. */
export function requireRegistryAdmin(caller: Caller | null, access: Access): Caller {
  if (!caller) throw unauthorized();
  requirePermission(caller, 'admin:registry', access);
  if (reachOf(caller).level !== 'platform') throw forbidden('The service registry is administered by the platform');
  return caller;
}

export interface KeyedService {
  service: RegisteredService;
  /** The new x-scaicontrol-key: shown once. */
  key: string;
}

/** Registry administration: see every service, approve or re-bind, rotate keys, suspend. */
export function createRegistryAdmin(deps: RegistryDeps) {
  const { db, outbox, keys, clock } = deps;

  async function change<T>(slug: string, work: (tx: Prisma.TransactionClient, current: RegisteredService, now: Date) => Promise<T>): Promise<T> {
    const now = clock.now();
    const result = await db.$transaction(async (tx) => {
      const current = await lockSlug(tx, slug);
      if (!current) throw notFound('Registered service');
      return work(tx, current, now);
    });
    deps.eventsWritten();
    return result;
  }

  return {
    async list(filter: { status?: ServiceStatus; health?: ServiceHealth }, page: PageRequest): Promise<{ items: RegisteredService[]; total: number }> {
      const where: Prisma.RegisteredServiceWhereInput = { ...(filter.status ? { status: filter.status } : {}), ...(filter.health ? { health: filter.health } : {}) };
      const [rows, total] = await Promise.all([
        db.registeredService.findMany({ where, orderBy: [{ slug: 'asc' }], ...pageWindow(page) }),
        db.registeredService.count({ where }),
      ]);
      return { items: rows.map(registeredServiceOf), total };
    },

    /**
     * pending_approval or suspended → active with a new key. With `clientId` the service is
     * re-bound to the application whose claim was refused (and only to that one: an admin
     * confirms a claim, never invents one).
     */
    approve: (slug: string, clientId: string | undefined) =>
      change(slug, async (tx, current, now): Promise<KeyedService> => {
        if (current.status === 'deregistered') throw badRequest('A deregistered service registers again itself');
        const rebind = clientId !== undefined && clientId !== '' && clientId !== current.clientId;
        if (rebind && current.claimedByClientId !== clientId) throw badRequest('Only the application whose claim was refused can be bound instead', { claimed_by_client_id: current.claimedByClientId });
        if (!rebind && current.status === 'active') throw badRequest('The service is already active; rotate its key to issue a new one');
        const issued = keys.issue();
        const row = await tx.registeredService.update({
          where: { id: current.id },
          data: {
            status: 'active',
            ...(rebind ? { clientId, claimedByClientId: null, health: 'unknown', missedHeartbeats: 0, lastHeartbeatAt: null } : {}),
            keyHash: issued.hash,
            keyRotatedAt: now,
            approvedAt: now,
            suspendedAt: null,
            suspendedReason: null,
            updatedAt: now,
          },
        });
        const service = registeredServiceOf(row);
        await outbox.add(tx, approvedEvent(service, rebind));
        return { service, key: issued.key };
      }),

    rotateKey: (slug: string) =>
      change(slug, async (tx, current, now): Promise<KeyedService> => {
        if (current.status !== 'active') throw badRequest(`A ${current.status} service has no key to rotate`);
        const issued = keys.issue();
        const row = await tx.registeredService.update({ where: { id: current.id }, data: { keyHash: issued.hash, keyRotatedAt: now, updatedAt: now } });
        const service = registeredServiceOf(row);
        await outbox.add(tx, keyRotatedEvent(service));
        return { service, key: issued.key };
      }),

    suspend: (slug: string, reason: string) =>
      change(slug, async (tx, current, now): Promise<RegisteredService> => {
        if (current.status === 'suspended') return current;
        if (current.status === 'deregistered') throw badRequest('A deregistered service cannot be suspended');
        const row = await tx.registeredService.update({ where: { id: current.id }, data: { status: 'suspended', suspendedAt: now, suspendedReason: reason || 'admin', updatedAt: now } });
        const service = registeredServiceOf(row);
        await outbox.add(tx, suspendedEvent(service));
        return service;
      }),
  };
}

export type RegistryAdmin = ReturnType<typeof createRegistryAdmin>;
