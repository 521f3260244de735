import { describe, expect, it } from 'vitest';
import { createRevocationView, type TokenIdentity } from './revocation-view.ts';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const sec = (ms: number) => Math.floor(ms / 1000);

function user(overrides: Partial<TokenIdentity> = {}): TokenIdentity {
  return { kind: 'user', subject: 'usr_1', tenantId: 'tnt_a', partnerId: 'prt_a', issuedAt: sec(T0) - 60, ...overrides };
}

describe('revocation view: tenants', () => {
  it('refuses every token of a blocked tenant, whenever issued, and no one else', () => {
    const view = createRevocationView();
    view.tenants.block('tnt_a', T0);
    expect(view.revocationOf(user())).toBe('tenant_blocked');
    expect(view.revocationOf(user({ issuedAt: sec(T0) + 3600 }))).toBe('tenant_blocked');
    expect(view.revocationOf(user({ issuedAt: undefined }))).toBe('tenant_blocked');
    expect(view.revocationOf(user({ tenantId: 'tnt_b' }))).toBeNull();
    expect(view.revocationOf(user({ tenantId: null }))).toBeNull();
  });

  it("refuses a blocked tenant's service tokens too", () => {
    const view = createRevocationView();
    view.tenants.block('tnt_a', T0);
    expect(view.revocationOf({ kind: 'service', subject: 'cli_1', tenantId: 'tnt_a', partnerId: null, issuedAt: sec(T0) + 5 })).toBe('tenant_blocked');
  });

  it('after reactivation, keeps refusing tokens issued before the block and admits later ones', () => {
    const view = createRevocationView();
    view.tenants.block('tnt_a', T0 + 500);
    expect(view.tenants.lift('tnt_a', T0 + 2000)).toBe(true);
    expect(view.revocationOf(user({ issuedAt: sec(T0) - 1 }))).toBe('tenant_blocked');
    // The block's own second: cannot tell "just before" from "right after a quick reactivation".
    expect(view.revocationOf(user({ issuedAt: sec(T0) }))).toBeNull();
    expect(view.revocationOf(user({ issuedAt: sec(T0) + 3 }))).toBeNull();
  });

  it('a second suspension starts a new block', () => {
    const view = createRevocationView();
    view.tenants.block('tnt_a', T0);
    view.tenants.lift('tnt_a', T0 + 10_000);
    view.tenants.block('tnt_a', T0 + 20_000);
    expect(view.revocationOf(user({ issuedAt: sec(T0) + 15 }))).toBe('tenant_blocked');
    view.tenants.lift('tnt_a', T0 + 30_000);
    expect(view.revocationOf(user({ issuedAt: sec(T0) + 15 }))).toBe('tenant_blocked');
    expect(view.revocationOf(user({ issuedAt: sec(T0) + 31 }))).toBeNull();
  });

  it('keeps the first start when the same block is reported twice (tenant.suspended beside tenant.updated)', () => {
    const view = createRevocationView();
    expect(view.tenants.block('tnt_a', T0)).toBe(true);
    expect(view.tenants.block('tnt_a', T0 + 5000)).toBe(false);
    expect(view.tenants.get('tnt_a')?.since).toBe(T0);
  });

  it('ignores events older than the last one applied (relays may publish out of order)', () => {
    const view = createRevocationView();
    view.tenants.block('tnt_a', T0);
    view.tenants.lift('tnt_a', T0 + 5000);
    expect(view.tenants.block('tnt_a', T0 + 1000)).toBe(false);
    expect(view.tenants.blockedIds()).toEqual([]);

    // A reactivation that overtook its own suspension.
    expect(view.tenants.lift('tnt_b', T0 + 5000)).toBe(false);
    expect(view.tenants.block('tnt_b', T0)).toBe(false);
    expect(view.revocationOf(user({ tenantId: 'tnt_b' }))).toBeNull();

    // A late-arriving older suspension does not cut short a newer block.
    view.tenants.block('tnt_c', T0 + 5000);
    view.tenants.lift('tnt_c', T0 + 1000);
    expect(view.revocationOf(user({ tenantId: 'tnt_c', issuedAt: sec(T0) + 60 }))).toBe('tenant_blocked');
  });

  it('a deleted tenant stays blocked whatever follows', () => {
    const view = createRevocationView();
    view.tenants.block('tnt_a', T0, { permanent: true });
    expect(view.tenants.lift('tnt_a', T0 + 60_000)).toBe(false);
    expect(view.revocationOf(user({ issuedAt: sec(T0) + 120 }))).toBe('tenant_blocked');
  });
});

describe('revocation view: users', () => {
  it('refuses tokens issued at or before the block, admits later ones (auth issues none while blocked)', () => {
    const view = createRevocationView();
    view.users.block('usr_1', T0 + 400);
    expect(view.revocationOf(user({ issuedAt: sec(T0) - 600 }))).toBe('user_blocked');
    expect(view.revocationOf(user({ issuedAt: sec(T0) }))).toBe('user_blocked');
    expect(view.revocationOf(user({ issuedAt: sec(T0) + 1 }))).toBeNull();
    expect(view.revocationOf(user({ issuedAt: undefined }))).toBe('user_blocked');
    expect(view.revocationOf(user({ subject: 'usr_2' }))).toBeNull();
  });

  it('after reactivation, tokens from before the block stay refused', () => {
    const view = createRevocationView();
    view.users.block('usr_1', T0);
    view.users.lift('usr_1', T0 + 1000);
    expect(view.revocationOf(user({ issuedAt: sec(T0) - 1 }))).toBe('user_blocked');
    expect(view.revocationOf(user({ issuedAt: sec(T0) }))).toBeNull();
  });

  it('does not apply user blocks to service tokens with the same subject', () => {
    const view = createRevocationView();
    view.users.block('cli_1', T0);
    expect(view.revocationOf({ kind: 'service', subject: 'cli_1', tenantId: null, partnerId: null, issuedAt: sec(T0) - 5 })).toBeNull();
  });

  it('a deleted user is refused whenever the token was issued', () => {
    const view = createRevocationView();
    view.users.block('usr_1', T0, { permanent: true });
    expect(view.revocationOf(user({ issuedAt: sec(T0) + 100 }))).toBe('user_blocked');
  });
});

describe('revocation view: partners', () => {
  it("refuses every token that names a deleted partner (its admins and its tenants' users)", () => {
    const view = createRevocationView();
    view.partners.block('prt_a', T0, { permanent: true });
    expect(view.revocationOf(user({ tenantId: null, issuedAt: sec(T0) + 100 }))).toBe('partner_deleted');
    expect(view.revocationOf(user({ partnerId: 'prt_b' }))).toBeNull();
  });

  it('is not seeded until told', () => {
    const view = createRevocationView();
    expect(view.seeded).toBe(false);
    view.markSeeded();
    expect(view.seeded).toBe(true);
  });
});
