import type { CloudEvent } from '@scai/events';
import type { RevocationView } from './revocation-view.ts';

/** The event types that change who may use a token (publishers: partners, auth). */
export const RevocationEventTypes = {
  tenantUpdated: 'scai.partners.tenant.updated',
  tenantSuspended: 'scai.partners.tenant.suspended',
  tenantDeleted: 'scai.partners.tenant.deleted',
  partnerDeleted: 'scai.partners.partner.deleted',
  userSuspended: 'scai.auth.user.suspended',
  userDeactivated: 'scai.auth.user.deactivated',
  userReactivated: 'scai.auth.user.reactivated',
  userDeleted: 'scai.auth.user.deleted',
  applicationDisabled: 'scai.auth.application.disabled',
  applicationUpdated: 'scai.auth.application.updated',
  accessTokensRevoked: 'scai.auth.access_tokens.revoked',
} as const;

/**
 * Type patterns the feed follows, one consumer each (nats-server 2.9 allows a single
 * filter subject per consumer). Narrow, so a replay never walks billing or metering
 * events; every type of one entity shares a pattern, so its events arrive in order.
 */
export const REVOCATION_FILTERS = [
  'scai.partners.tenant.>',
  'scai.partners.partner.deleted',
  'scai.auth.user.>',
  'scai.auth.application.>',
  'scai.auth.access_tokens.>',
] as const;

export type RevocationChange = 'blocked' | 'lifted' | 'unchanged' | 'ignored';

function field(data: unknown, name: string): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Where a user event names the moment of its change (auth's `people-events.ts`). */
const CHANGE_TIME_FIELDS: Record<string, string> = {
  [RevocationEventTypes.userSuspended]: 'suspended_at',
  [RevocationEventTypes.userDeactivated]: 'deactivated_at',
  [RevocationEventTypes.userReactivated]: 'reactivated_at',
  [RevocationEventTypes.applicationDisabled]: 'disabled_at',
};

function parseTime(value: string | null | undefined): number | null {
  const at = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? null : at;
}

/** When the change happened: the data's own `<verb>_at` when it has one, else the event's `time` (same transaction). */
function changeTime(event: CloudEvent): number | null {
  const fieldName = CHANGE_TIME_FIELDS[event.type];
  return (fieldName ? parseTime(field(event.data, fieldName)) : null) ?? parseTime(event.time);
}

const outcome = (changed: boolean, kind: 'blocked' | 'lifted'): RevocationChange => (changed ? kind : 'unchanged');

/**
 * Applies one event to the view. Ids come from `data` (the publisher's snake_case
 * resource), falling back to the CloudEvents `tenantid`/`partnerid`/`subject`.
 */
export function applyRevocationEvent(view: RevocationView, event: CloudEvent, now: () => number = Date.now): RevocationChange {
  // An unreadable time counts as "now": later than the truth, so it refuses more, never less.
  const at = changeTime(event) ?? now();
  const data = event.data;
  switch (event.type) {
    case RevocationEventTypes.tenantSuspended:
    case RevocationEventTypes.tenantUpdated:
    case RevocationEventTypes.tenantDeleted: {
      const tenantId = field(data, 'id') ?? event.tenantid ?? event.subject ?? null;
      if (!tenantId) return 'ignored';
      if (event.type === RevocationEventTypes.tenantDeleted) return outcome(view.tenants.block(tenantId, at, { permanent: true }), 'blocked');
      if (event.type === RevocationEventTypes.tenantSuspended) return outcome(view.tenants.block(tenantId, at), 'blocked');
      const status = field(data, 'status');
      if (status === 'SUSPENDED') return outcome(view.tenants.block(tenantId, at), 'blocked');
      if (status === 'ACTIVE') return outcome(view.tenants.lift(tenantId, at), 'lifted');
      return 'ignored';
    }
    case RevocationEventTypes.partnerDeleted: {
      const partnerId = field(data, 'id') ?? event.partnerid ?? event.subject ?? null;
      return partnerId ? outcome(view.partners.block(partnerId, at, { permanent: true }), 'blocked') : 'ignored';
    }
    case RevocationEventTypes.userSuspended:
    case RevocationEventTypes.userDeactivated:
    case RevocationEventTypes.userDeleted:
    case RevocationEventTypes.userReactivated: {
      const userId = field(data, 'user_id') ?? event.subject ?? null;
      if (!userId) return 'ignored';
      if (event.type === RevocationEventTypes.userReactivated) return outcome(view.users.lift(userId, at), 'lifted');
      const permanent = event.type === RevocationEventTypes.userDeleted;
      return outcome(view.users.block(userId, at, { permanent }), 'blocked');
    }
    case RevocationEventTypes.applicationDisabled: {
      const clientId = field(data, 'client_id');
      return clientId ? outcome(view.clients.block(clientId, at), 'blocked') : 'ignored';
    }
    case RevocationEventTypes.applicationUpdated: {
      // Re-enabling is an update from DISABLED to ACTIVE; other updates change no token's fate.
      const clientId = field(data, 'client_id');
      const before = field((data as Record<string, unknown> | null)?.before, 'status');
      const after = field((data as Record<string, unknown> | null)?.after, 'status');
      if (!clientId || before !== 'DISABLED' || after !== 'ACTIVE') return 'ignored';
      return outcome(view.clients.lift(clientId, at), 'lifted');
    }
    case RevocationEventTypes.accessTokensRevoked: {
      const tokens = (data as { tokens?: unknown } | null)?.tokens;
      if (!Array.isArray(tokens)) return 'ignored';
      let changed = false;
      for (const token of tokens) {
        const jti = field(token, 'jti');
        if (jti) changed = view.tokens.revoke(jti, parseTime(field(token, 'expires_at'))) || changed;
      }
      return outcome(changed, 'blocked');
    }
    default:
      return 'ignored';
  }
}
