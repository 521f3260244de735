import type { provisioning } from '@scai/proto';
import type { RegisteredService } from '../registry/registered-service.ts';

/** The stored entry on the wire; the key hash never leaves, only whether there is one. */
export function registeredServiceToProto(service: RegisteredService): provisioning.v1.RegisteredService {
  return {
    id: service.id,
    slug: service.slug,
    name: service.name,
    version: service.version,
    description: service.description,
    baseUrl: service.baseUrl,
    healthCheckUrl: service.healthCheckUrl,
    capabilities: service.capabilities,
    heartbeatIntervalSeconds: service.heartbeatIntervalSeconds,
    provisioningJson: JSON.stringify(service.provisioning),
    status: service.status,
    health: service.health,
    missedHeartbeats: service.missedHeartbeats,
    lastHeartbeatAt: service.lastHeartbeatAt?.toISOString(),
    reportedStatus: service.reportedStatus ?? undefined,
    uptimeSeconds: service.uptimeSeconds ?? undefined,
    clientId: service.clientId,
    claimedByClientId: service.claimedByClientId ?? undefined,
    known: service.known,
    hasKey: service.keyHash !== null,
    keyRotatedAt: service.keyRotatedAt?.toISOString(),
    approvedAt: service.approvedAt?.toISOString(),
    suspendedAt: service.suspendedAt?.toISOString(),
    suspendedReason: service.suspendedReason ?? undefined,
    registeredAt: service.registeredAt.toISOString(),
    updatedAt: service.updatedAt.toISOString(),
  };
}
