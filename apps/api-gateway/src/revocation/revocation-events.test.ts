import { describe, expect, it } from 'vitest';
import { createEvent, type CloudEvent } from '@scai/events';
import { applyRevocationEvent, RevocationEventTypes as T } from './revocation-events.ts';
import { createRevocationView } from './revocation-view.ts';

function at<D>(event: CloudEvent<D>, time: string): CloudEvent<D> {
  return { ...event, time };
}

const tenantEvent = (type: string, status: string, time: string, id = 'tnt_a') =>
  at(createEvent({ source: '/apps/partners', type, subject: id, tenantId: id, partnerId: 'prt_a', data: { id, partner_id: 'prt_a', status } }), time);

const userEvent = (type: string, time: string, userId = 'usr_1') =>
  at(createEvent({ source: '/apps/auth', type, subject: userId, tenantId: 'tnt_a', data: { user_id: userId, tenant_id: 'tnt_a', partner_id: 'prt_a' } }), time);

describe('applyRevocationEvent', () => {
  it('refuses each revoked access token by jti until it would have expired', () => {
    const view = createRevocationView();
    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 1_000).toISOString();
    const event = createEvent({ source: '/apps/auth', type: T.accessTokensRevoked, subject: 'grt_1', data: { grant_id: 'grt_1', tokens: [{ jti: 'jti-live', expires_at: future }, { jti: 'jti-expired', expires_at: past }] } });
    expect(applyRevocationEvent(view, event)).toBe('blocked');
    expect(applyRevocationEvent(view, event)).toBe('unchanged');
    const caller = { kind: 'user' as const, subject: 'usr_1', tenantId: null, partnerId: null };
    expect(view.revocationOf({ ...caller, tokenId: 'jti-live' })).toBe('token_revoked');
    expect(view.revocationOf({ ...caller, tokenId: 'jti-expired' })).toBeNull();
    expect(view.revocationOf({ ...caller, tokenId: 'jti-other' })).toBeNull();
    expect(view.tokens.size).toBe(1);
  });

  it('blocks a tenant on tenant.suspended and on tenant.updated with status SUSPENDED, lifts on ACTIVE', () => {
    const view = createRevocationView();
    expect(applyRevocationEvent(view, tenantEvent(T.tenantUpdated, 'SUSPENDED', '2030-01-01T00:00:00.000Z'))).toBe('blocked');
    expect(applyRevocationEvent(view, tenantEvent(T.tenantSuspended, 'SUSPENDED', '2030-01-01T00:00:00.000Z'))).toBe('unchanged');
    expect(view.tenants.get('tnt_a')).toMatchObject({ since: Date.parse('2030-01-01T00:00:00.000Z'), lifted: false });
    expect(applyRevocationEvent(view, tenantEvent(T.tenantUpdated, 'ACTIVE', '2030-01-01T00:01:00.000Z'))).toBe('lifted');
    expect(view.tenants.blockedIds()).toEqual([]);
    // A rename of an active tenant changes nothing.
    expect(applyRevocationEvent(view, tenantEvent(T.tenantUpdated, 'ACTIVE', '2030-01-01T00:02:00.000Z'))).toBe('unchanged');
  });

  it('blocks a deleted tenant for good', () => {
    const view = createRevocationView();
    applyRevocationEvent(view, tenantEvent(T.tenantDeleted, 'ACTIVE', '2030-01-01T00:00:00.000Z'));
    expect(view.tenants.get('tnt_a')).toMatchObject({ permanent: true, lifted: false });
  });

  it('blocks a disabled application by client id and lifts it only when re-enabled', () => {
    const view = createRevocationView();
    const appEvent = (type: string, data: Record<string, unknown>, time: string) =>
      at(createEvent({ source: '/apps/auth', type, subject: 'app_1', data: { application_id: 'app_1', client_id: 'cli_1', ...data } }), time);
    const disabledAt = '2030-01-01T00:00:10.000Z';
    expect(applyRevocationEvent(view, appEvent(T.applicationDisabled, { disabled_at: disabledAt }, '2030-01-01T00:00:11.000Z'))).toBe('blocked');
    expect(view.clients.get('cli_1')).toMatchObject({ since: Date.parse(disabledAt), lifted: false });
    const token = (iat: string) => ({ kind: 'service' as const, subject: 'cli_1', clientId: 'cli_1', tenantId: null, partnerId: null, issuedAt: Date.parse(iat) / 1000 });
    expect(view.revocationOf(token('2030-01-01T00:00:05.000Z'))).toBe('client_disabled');
    // A rename is not a re-enable.
    const rename = appEvent(T.applicationUpdated, { before: { status: 'DISABLED' }, after: { status: 'DISABLED' } }, '2030-01-01T00:01:00.000Z');
    expect(applyRevocationEvent(view, rename)).toBe('ignored');
    const enable = appEvent(T.applicationUpdated, { before: { status: 'DISABLED' }, after: { status: 'ACTIVE' } }, '2030-01-01T00:02:00.000Z');
    expect(applyRevocationEvent(view, enable)).toBe('lifted');
    expect(view.revocationOf(token('2030-01-01T00:00:05.000Z'))).toBe('client_disabled');
    expect(view.revocationOf(token('2030-01-01T00:03:00.000Z'))).toBeNull();
  });

  it('blocks a deleted partner by its id', () => {
    const view = createRevocationView();
    const event = createEvent({ source: '/apps/partners', type: T.partnerDeleted, subject: 'prt_x', partnerId: 'prt_x', data: { id: 'prt_x' } });
    expect(applyRevocationEvent(view, event)).toBe('blocked');
    expect(view.partners.blockedIds()).toEqual(['prt_x']);
  });

  it('blocks users on suspended/deactivated and lifts on reactivated, at the event time', () => {
    const view = createRevocationView();
    expect(applyRevocationEvent(view, userEvent(T.userSuspended, '2030-01-01T00:00:00.000Z'))).toBe('blocked');
    expect(applyRevocationEvent(view, userEvent(T.userDeactivated, '2030-01-01T00:00:00.000Z', 'usr_2'))).toBe('blocked');
    expect(view.users.blockedIds().sort()).toEqual(['usr_1', 'usr_2']);
    expect(applyRevocationEvent(view, userEvent(T.userReactivated, '2030-01-01T00:05:00.000Z'))).toBe('lifted');
    expect(view.users.blockedIds()).toEqual(['usr_2']);
    expect(view.users.get('usr_1')?.since).toBe(Date.parse('2030-01-01T00:00:00.000Z'));
  });

  it("prefers the data's own change time (`suspended_at`, `deactivated_at`, `reactivated_at`) to the envelope's", () => {
    const view = createRevocationView();
    const event = userEvent(T.userDeactivated, '2030-01-01T00:00:01.000Z');
    applyRevocationEvent(view, { ...event, data: { ...event.data, deactivated_at: '2030-01-01T00:00:00.250Z' } });
    expect(view.users.get('usr_1')?.since).toBe(Date.parse('2030-01-01T00:00:00.250Z'));
  });

  it('ignores unrelated types and events without an id; an unreadable time counts as now', () => {
    const view = createRevocationView();
    expect(applyRevocationEvent(view, userEvent('scai.auth.user.created', '2030-01-01T00:00:00.000Z'))).toBe('ignored');
    expect(applyRevocationEvent(view, tenantEvent(T.tenantUpdated, 'WEIRD', '2030-01-01T00:00:00.000Z'))).toBe('ignored');
    const anonymous = { ...userEvent(T.userSuspended, '2030-01-01T00:00:00.000Z'), subject: undefined, data: {} };
    expect(applyRevocationEvent(view, anonymous)).toBe('ignored');
    applyRevocationEvent(view, userEvent(T.userSuspended, 'not a time', 'usr_3'), () => 42_000);
    expect(view.users.get('usr_3')?.since).toBe(42_000);
  });
});
