import { Type } from '@fastify/type-provider-typebox';
import { AuthorizationHeader, PageNumber, PageSize } from '../common-schemas.ts';

const closed = { additionalProperties: false } as const;
const SLUG = '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$';
const Url = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000, description: 'http or https, without credentials.' });
const Slug = Type.String({ pattern: SLUG, description: 'The catalog service this application speaks for.' });

export const STATUSES = ['pending_approval', 'active', 'suspended', 'deregistered'] as const;
export const HEALTHS = ['unknown', 'healthy', 'degraded', 'unreachable'] as const;

/** One of some words: documented as an enum, typed as the string the registry answers. */
const word = (values: readonly string[], description: string) => Type.Unsafe<string>({ type: 'string', enum: [...values], description });
const Status = word(STATUSES, 'pending_approval (waiting for an administrator), active, suspended, deregistered.');
const Health = word(HEALTHS, 'unknown (never heard from), healthy, degraded (3 missed heartbeats or reported), unreachable (10 missed).');

/** Registry calls may carry the service's key; when one is sent it must match. */
export const RegistryHeaders = Type.Object({
  ...AuthorizationHeader.properties,
  'x-scaicontrol-key': Type.Optional(Type.String({ maxLength: 200, description: "The service's key (issued at approval and on rotation); when sent it must match." })),
});

export const ServiceRegistration = Type.Object(
  {
    slug: Slug,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    version: Type.String({ minLength: 1, maxLength: 64 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    base_url: Url,
    health_check_url: Url,
    capabilities: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
    heartbeat_interval_seconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 3600, default: 30 })),
    provisioning: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'How the provisioning workflows reach the service (a JSON object, at most 16 KB).' })),
  },
  { ...closed, $id: 'ServiceRegistration', title: 'ServiceRegistration' },
);

export const RegisteredService = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    version: Type.String(),
    description: Type.String(),
    base_url: Type.String(),
    health_check_url: Type.String(),
    capabilities: Type.Array(Type.String()),
    heartbeat_interval_seconds: Type.Integer(),
    provisioning: Type.Record(Type.String(), Type.Unknown()),
    status: Status,
    health: Health,
    missed_heartbeats: Type.Integer(),
    last_heartbeat_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    reported_status: Type.Union([Type.String(), Type.Null()]),
    uptime_seconds: Type.Union([Type.Integer(), Type.Null()]),
    client_id: Type.String({ description: 'The SERVICE application bound to the service.' }),
    claimed_by_client_id: Type.Union([Type.String(), Type.Null()], { description: 'An application whose claim was refused; an admin may re-bind the service to it.' }),
    known: Type.Boolean({ description: 'A catalog service (approved at registration).' }),
    has_key: Type.Boolean(),
    key_rotated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    approved_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    suspended_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    suspended_reason: Type.Union([Type.String(), Type.Null()]),
    registered_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'RegisteredService', title: 'RegisteredService' },
);

/** A registration or an admin action that issued a key: the key is in this answer and nowhere else, ever. */
export const KeyedRegisteredService = Type.Object(
  {
    service: RegisteredService,
    x_scaicontrol_key: Type.Union([Type.String(), Type.Null()], { description: 'The new key, shown once; null when this call issued none.' }),
  },
  { $id: 'KeyedRegisteredService', title: 'KeyedRegisteredService' },
);

export const Heartbeat = Type.Object(
  {
    slug: Slug,
    status: Type.Optional(Type.Union([Type.Literal('healthy'), Type.Literal('degraded')], { default: 'healthy' })),
    version: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    uptime_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
  },
  // Services send more (load, queue depth…): tolerated, not stored.
  { $id: 'Heartbeat', title: 'Heartbeat' },
);

export const HeartbeatAnswer = Type.Object(
  { service: RegisteredService, next_heartbeat_in_seconds: Type.Integer() },
  { $id: 'HeartbeatAnswer', title: 'HeartbeatAnswer' },
);

export const Deregistration = Type.Object({ slug: Slug, reason: Type.Optional(Type.String({ maxLength: 500 })) }, { ...closed, $id: 'Deregistration', title: 'Deregistration' });

export const RegistryListQuery = Type.Object(
  {
    page: PageNumber,
    page_size: PageSize,
    status: Type.Optional(Status),
    health: Type.Optional(Health),
  },
  closed,
);

export const SlugParams = Type.Object({ slug: Type.String({ pattern: SLUG }) });
export const ApproveBody = Type.Object(
  { client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Re-bind the service to the application whose claim was refused.' })) },
  { ...closed, $id: 'RegistryApproval', title: 'RegistryApproval' },
);
export const SuspendBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { ...closed, $id: 'RegistrySuspension', title: 'RegistrySuspension' });

export const registrySchemas = [ServiceRegistration, RegisteredService, KeyedRegisteredService, Heartbeat, HeartbeatAnswer, Deregistration, ApproveBody, SuspendBody];
