import { badRequest, validationFailed } from '@scai/api';
import { unary, type ImplementationOf } from '@scai/grpc';
import { pageFromProto, pageInfoToProto, type provisioning } from '@scai/proto';
import { SERVICE_HEALTHS, SERVICE_STATUSES, type ServiceHealth, type ServiceStatus } from '../registry/registered-service.ts';
import { registrationFrom } from '../registry/registration-input.ts';
import type { Registry } from '../registry/registry.ts';
import { requireRegistryAdmin, type RegistryAdmin } from '../registry/registry-admin.ts';
import { callingServiceClient } from '../registry/service-caller.ts';
import { registeredServiceToProto } from './registry-codec.ts';

type RegistryServiceImpl = ImplementationOf<typeof provisioning.v1.RegistryServiceService>;

const HEARTBEAT_STATUSES = ['healthy', 'degraded'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | undefined, loc: ['query' | 'body', string]): T | undefined {
  if (value === undefined || value === '') return undefined;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw validationFailed([{ loc, msg: `one of ${values.join(', ')}`, type: 'value_error' }]);
}

/** `provisioning.v1.RegistryService`: the service side (its own binding) and the administration. */
export function registryServiceImpl(registry: Registry, admin: RegistryAdmin): RegistryServiceImpl {
  return {
    registerService: unary(async (request: provisioning.v1.RegisterServiceRequest, { caller }) => {
      const clientId = callingServiceClient(caller);
      if (!request.registration) throw badRequest('registration is required');
      const result = await registry.register(clientId, registrationFrom(request.registration), request.key);
      return { service: registeredServiceToProto(result.service), created: result.created, key: result.key ?? undefined };
    }),

    heartbeat: unary(async (request: provisioning.v1.HeartbeatRequest, { caller }) => {
      const clientId = callingServiceClient(caller);
      const status = oneOf(HEARTBEAT_STATUSES, request.status, ['body', 'status']) ?? 'healthy';
      const uptime = request.uptimeSeconds ?? null;
      if (uptime !== null && (!Number.isInteger(uptime) || uptime < 0)) throw validationFailed([{ loc: ['body', 'uptime_seconds'], msg: 'a whole number of seconds, at least 0', type: 'value_error' }]);
      const service = await registry.heartbeat(clientId, { slug: request.slug, status, version: request.version ?? null, uptimeSeconds: uptime, key: request.key });
      return { service: registeredServiceToProto(service), nextHeartbeatInSeconds: service.heartbeatIntervalSeconds };
    }),

    deregister: unary(async (request: provisioning.v1.DeregisterRequest, { caller }) => {
      const clientId = callingServiceClient(caller);
      await registry.deregister(clientId, request.slug, request.reason.trim() || 'deregistered by the service', request.key);
      return {};
    }),

    listRegisteredServices: unary(async (request: provisioning.v1.ListRegisteredServicesRequest, { caller }) => {
      requireRegistryAdmin(caller, 'read');
      const page = pageFromProto(request.page);
      const filter = {
        status: oneOf<ServiceStatus>(SERVICE_STATUSES, request.status, ['query', 'status']),
        health: oneOf<ServiceHealth>(SERVICE_HEALTHS, request.health, ['query', 'health']),
      };
      const { items, total } = await admin.list(filter, page);
      return { services: items.map(registeredServiceToProto), page: pageInfoToProto(page, total) };
    }),

    approveService: unary(async (request: provisioning.v1.ApproveServiceRequest, { caller }) => {
      requireRegistryAdmin(caller, 'write');
      const { service, key } = await admin.approve(request.slug, request.clientId);
      return { service: registeredServiceToProto(service), key };
    }),

    rotateServiceKey: unary(async (request: provisioning.v1.RotateServiceKeyRequest, { caller }) => {
      requireRegistryAdmin(caller, 'write');
      const { service, key } = await admin.rotateKey(request.slug);
      return { service: registeredServiceToProto(service), key };
    }),

    suspendService: unary(async (request: provisioning.v1.SuspendServiceRequest, { caller }) => {
      requireRegistryAdmin(caller, 'write');
      return { service: registeredServiceToProto(await admin.suspend(request.slug, request.reason.trim())) };
    }),
  };
}
