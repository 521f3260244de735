import { auth } from '@scai/proto';
import type { GroupView } from '../people/groups.ts';
import type { ApplicationRow } from '../store/applications.ts';
import type { UserView } from '../store/users.ts';
import { isConfidential } from '../domain/application-rules.ts';

const opt = (value: string | null) => value ?? undefined;

export function toProtoUser(user: UserView): auth.v1.User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    tenantId: opt(user.tenantId),
    partnerId: opt(user.partnerId),
    roles: user.roles,
    permissions: user.permissions,
    lastLoginAt: user.lastLoginAt?.toISOString(),
    createdAt: user.createdAt.toISOString(),
    passwordSet: user.passwordSet,
    roleGrants: user.roleGrants.map((grant) => ({
      role: grant.role,
      tenantId: opt(grant.tenantId),
      partnerId: opt(grant.partnerId),
      expiresAt: grant.expiresAt?.toISOString(),
    })),
    groups: user.groups.map((group) => ({ id: group.id, name: group.name, role: opt(group.role) })),
    deactivatedAt: user.deactivatedAt?.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function toProtoApplication(app: ApplicationRow): auth.v1.Application {
  return {
    id: app.id,
    clientId: app.clientId,
    name: app.name,
    description: opt(app.description),
    applicationType: app.applicationType,
    scope: app.scope,
    tenantId: opt(app.tenantId),
    partnerId: opt(app.partnerId),
    redirectUris: app.redirectUris,
    postLogoutRedirectUris: app.postLogoutRedirectUris,
    allowedOrigins: app.allowedOrigins,
    allowedScopes: app.allowedScopes,
    grantTypes: app.grantTypes,
    tokenLifetime: app.tokenLifetime,
    registrationRequestId: opt(app.registrationRequestId),
    status: app.status,
    confidential: isConfidential(app.applicationType),
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}

const { UserStatus, ApplicationStatus } = auth.v1;

/** The wire status of an application update; null for UNSPECIFIED (unchanged). */
export function applicationStatusFromProto(status: auth.v1.ApplicationStatus): 'ACTIVE' | 'DISABLED' | null {
  if (status === ApplicationStatus.ACTIVE) return 'ACTIVE';
  if (status === ApplicationStatus.DISABLED) return 'DISABLED';
  return null;
}

/** The wire status filter as the store's enum; null for UNSPECIFIED (any). */
export function userStatusFromProto(status: auth.v1.UserStatus): 'ACTIVE' | 'SUSPENDED' | 'DEACTIVATED' | null {
  if (status === UserStatus.ACTIVE) return 'ACTIVE';
  if (status === UserStatus.SUSPENDED) return 'SUSPENDED';
  if (status === UserStatus.DEACTIVATED) return 'DEACTIVATED';
  return null;
}


export function toProtoGroup(group: GroupView): auth.v1.Group {
  return {
    id: group.id,
    tenantId: group.tenantId,
    partnerId: group.partnerId,
    name: group.name,
    description: opt(group.description),
    role: opt(group.role),
    memberCount: group.memberCount,
    members: group.members,
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
  };
}
