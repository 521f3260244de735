import type { provisioning } from '@scai/proto';

function objectOf(json: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(json || '{}');
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** A registry entry as the REST API shows it. */
export function registeredServiceJson(service: provisioning.v1.RegisteredService | undefined) {
  if (!service) throw new Error('the registry answered without a service');
  return {
    id: service.id,
    slug: service.slug,
    name: service.name,
    version: service.version,
    description: service.description,
    base_url: service.baseUrl,
    health_check_url: service.healthCheckUrl,
    capabilities: service.capabilities,
    heartbeat_interval_seconds: service.heartbeatIntervalSeconds,
    provisioning: objectOf(service.provisioningJson),
    status: service.status,
    health: service.health,
    missed_heartbeats: service.missedHeartbeats,
    last_heartbeat_at: service.lastHeartbeatAt ?? null,
    reported_status: service.reportedStatus ?? null,
    uptime_seconds: service.uptimeSeconds ?? null,
    client_id: service.clientId,
    claimed_by_client_id: service.claimedByClientId ?? null,
    known: service.known,
    has_key: service.hasKey,
    key_rotated_at: service.keyRotatedAt ?? null,
    approved_at: service.approvedAt ?? null,
    suspended_at: service.suspendedAt ?? null,
    suspended_reason: service.suspendedReason ?? null,
    registered_at: service.registeredAt ?? '',
    updated_at: service.updatedAt ?? '',
  };
}

/** The registration body on the wire to the registry. */
export function registrationToProto(body: {
  slug: string;
  name: string;
  version: string;
  description?: string;
  base_url: string;
  health_check_url: string;
  capabilities?: string[];
  heartbeat_interval_seconds?: number;
  provisioning?: Record<string, unknown>;
}): provisioning.v1.ServiceRegistration {
  return {
    slug: body.slug,
    name: body.name,
    version: body.version,
    description: body.description ?? '',
    baseUrl: body.base_url,
    healthCheckUrl: body.health_check_url,
    capabilities: body.capabilities ?? [],
    heartbeatIntervalSeconds: body.heartbeat_interval_seconds ?? 0,
    provisioningJson: JSON.stringify(body.provisioning ?? {}),
  };
}
