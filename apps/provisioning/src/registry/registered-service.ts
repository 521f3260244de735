import type { RegisteredService as Row } from '../generated/prisma/client.ts';

export const SERVICE_STATUSES = ['pending_approval', 'active', 'suspended', 'deregistered'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const SERVICE_HEALTHS = ['unknown', 'healthy', 'degraded', 'unreachable'] as const;
export type ServiceHealth = (typeof SERVICE_HEALTHS)[number];

/** What a service says about itself when it registers (validated by `registrationFrom`). */
export interface Registration {
  slug: string;
  name: string;
  version: string;
  description: string;
  baseUrl: string;
  healthCheckUrl: string;
  capabilities: string[];
  heartbeatIntervalSeconds: number;
  provisioning: Record<string, unknown>;
}

export interface RegisteredService extends Registration {
  id: string;
  status: ServiceStatus;
  health: ServiceHealth;
  missedHeartbeats: number;
  lastHeartbeatAt: Date | null;
  reportedStatus: string | null;
  uptimeSeconds: number | null;
  clientId: string;
  claimedByClientId: string | null;
  known: boolean;
  keyHash: string | null;
  keyRotatedAt: Date | null;
  approvedAt: Date | null;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  registeredAt: Date;
  updatedAt: Date;
}

export function registeredServiceOf(row: Row): RegisteredService {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    version: row.version,
    description: row.description,
    baseUrl: row.baseUrl,
    healthCheckUrl: row.healthCheckUrl,
    capabilities: row.capabilities,
    heartbeatIntervalSeconds: row.heartbeatIntervalSeconds,
    provisioning: (row.provisioning ?? {}) as Record<string, unknown>,
    status: row.status as ServiceStatus,
    health: row.health as ServiceHealth,
    missedHeartbeats: row.missedHeartbeats,
    lastHeartbeatAt: row.lastHeartbeatAt,
    reportedStatus: row.reportedStatus,
    uptimeSeconds: row.uptimeSeconds === null ? null : Number(row.uptimeSeconds),
    clientId: row.clientId,
    claimedByClientId: row.claimedByClientId,
    known: row.known,
    keyHash: row.keyHash,
    keyRotatedAt: row.keyRotatedAt,
    approvedAt: row.approvedAt,
    suspendedAt: row.suspendedAt,
    suspendedReason: row.suspendedReason,
    registeredAt: row.registeredAt,
    updatedAt: row.updatedAt,
  };
}
