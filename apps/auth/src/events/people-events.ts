import { createEvent, type CloudEvent } from '@scai/events';
import { auditData, type AuditContext } from './auth-events.ts';

const SOURCE = '/apps/auth';

interface Owner {
  tenantId: string | null;
  partnerId: string | null;
}

/** A user as the audit trail records it before and after a change (never a password or token). */
export interface UserSnapshot {
  email: string;
  display_name: string;
  status: string;
  roles: { role: string; tenant_id: string | null; partner_id: string | null; expires_at: string | null }[];
}

export interface GroupSnapshot {
  name: string;
  description: string | null;
  role: string | null;
  member_ids: string[];
}

/** Every change of a user or group: who, from where, which request, on whom, and the state either side. */
function auditEvent(type: string, target: { id: string; kind: 'user' | 'group' } & Owner, data: Record<string, unknown>, audit: AuditContext): CloudEvent {
  return createEvent({
    source: SOURCE,
    type,
    subject: target.id,
    tenantId: target.tenantId,
    partnerId: target.partnerId,
    data: {
      [target.kind === 'user' ? 'user_id' : 'group_id']: target.id,
      tenant_id: target.tenantId,
      partner_id: target.partnerId,
      ...data,
      ...auditData(audit),
    },
  });
}

export const userInvitedEvent = (user: { id: string } & Owner, after: UserSnapshot, expiresAt: Date, audit: AuditContext) =>
  auditEvent('scai.auth.user.invited', { ...user, kind: 'user' }, { before: null, after, invitation_expires_at: expiresAt.toISOString() }, audit);

export const invitationAcceptedEvent = (user: { id: string } & Owner, audit: AuditContext) =>
  auditEvent('scai.auth.user.invitation_accepted', { ...user, kind: 'user' }, {}, audit);

export const userUpdatedEvent = (user: { id: string } & Owner, before: UserSnapshot, after: UserSnapshot, audit: AuditContext) =>
  auditEvent('scai.auth.user.updated', { ...user, kind: 'user' }, { before, after }, audit);

export const userSuspendedEvent = (user: { id: string } & Owner, at: Date, audit: AuditContext) =>
  auditEvent('scai.auth.user.suspended', { ...user, kind: 'user' }, { suspended_at: at.toISOString() }, audit);

export const userReactivatedEvent = (user: { id: string } & Owner, at: Date, audit: AuditContext) =>
  auditEvent('scai.auth.user.reactivated', { ...user, kind: 'user' }, { reactivated_at: at.toISOString() }, audit);

/** The gateway refuses the user's outstanding access tokens from this event on: keep `user_id` and `deactivated_at`. */
export const userDeactivatedEvent = (user: { id: string } & Owner, before: UserSnapshot, at: Date, audit: AuditContext) =>
  auditEvent('scai.auth.user.deactivated', { ...user, kind: 'user' }, { deactivated_at: at.toISOString(), before }, audit);

export const userRolesChangedEvent = (user: { id: string } & Owner, before: UserSnapshot, after: UserSnapshot, audit: AuditContext) =>
  auditEvent('scai.auth.user.roles_changed', { ...user, kind: 'user' }, { before, after }, audit);

export const groupCreatedEvent = (group: { id: string } & Owner, after: GroupSnapshot, audit: AuditContext) =>
  auditEvent('scai.auth.group.created', { ...group, kind: 'group' }, { before: null, after }, audit);

export const groupRoleChangedEvent = (group: { id: string } & Owner, before: GroupSnapshot, after: GroupSnapshot, audit: AuditContext) =>
  auditEvent('scai.auth.group.role_changed', { ...group, kind: 'group' }, { before, after }, audit);

export const groupMembersReplacedEvent = (group: { id: string } & Owner, before: GroupSnapshot, after: GroupSnapshot, audit: AuditContext) =>
  auditEvent('scai.auth.group.members_replaced', { ...group, kind: 'group' }, { before, after }, audit);
