import { createEvent, type CloudEvent } from '@scai/events';
import type { RegisteredService, ServiceHealth } from './registered-service.ts';

export const PROVISIONING_EVENT_SOURCE = '/apps/provisioning';

export const RegistryEvents = {
  registered: 'scai.provisioning.service.registered',
  approved: 'scai.provisioning.service.approved',
  versionChanged: 'scai.provisioning.service.version_changed',
  healthChanged: 'scai.provisioning.service.health_changed',
  keyRotated: 'scai.provisioning.service.key_rotated',
  suspended: 'scai.provisioning.service.suspended',
  deregistered: 'scai.provisioning.service.deregistered',
  claimRefused: 'scai.provisioning.service.claim_refused',
} as const;

/** Every registry event names the service, its binding and its state; never its key. */
export interface ServiceEventBase {
  service_id: string;
  slug: string;
  client_id: string;
  status: string;
  health: string;
  version: string;
}

const base = (service: RegisteredService): ServiceEventBase => ({
  service_id: service.id,
  slug: service.slug,
  client_id: service.clientId,
  status: service.status,
  health: service.health,
  version: service.version,
});

function serviceEvent<T extends object>(type: string, service: RegisteredService, extra: T): CloudEvent<ServiceEventBase & T> {
  return createEvent({ source: PROVISIONING_EVENT_SOURCE, type, subject: service.slug, data: { ...base(service), ...extra } });
}

export const registeredEvent = (service: RegisteredService) => serviceEvent(RegistryEvents.registered, service, { known: service.known, base_url: service.baseUrl });
export const approvedEvent = (service: RegisteredService, rebound: boolean) => serviceEvent(RegistryEvents.approved, service, { rebound });
export const versionChangedEvent = (service: RegisteredService, previous: string | null) =>
  serviceEvent(RegistryEvents.versionChanged, service, { previous_version: previous });
export const healthChangedEvent = (service: RegisteredService, previous: ServiceHealth, cause: 'heartbeat' | 'monitor') =>
  serviceEvent(RegistryEvents.healthChanged, service, { previous_health: previous, missed_heartbeats: service.missedHeartbeats, cause });
export const keyRotatedEvent = (service: RegisteredService) => serviceEvent(RegistryEvents.keyRotated, service, { key_rotated_at: service.keyRotatedAt?.toISOString() ?? null });
export const suspendedEvent = (service: RegisteredService) => serviceEvent(RegistryEvents.suspended, service, { reason: service.suspendedReason });
export const deregisteredEvent = (service: RegisteredService, reason: string) => serviceEvent(RegistryEvents.deregistered, service, { reason });
export const claimRefusedEvent = (service: RegisteredService, claimant: string) => serviceEvent(RegistryEvents.claimRefused, service, { claimed_by_client_id: claimant });
