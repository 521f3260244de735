import { describe, expect, it } from 'vitest';
import type { Caller } from '@scai/permissions';
import { authorizeCatalogRead, authorizeCatalogWrite, authorizeHidden } from './catalog-access.ts';

const user = (roles: Caller['roles'], permissions: Caller['permissions'], extra: Partial<Caller> = {}): Caller =>
  ({ kind: 'user', subject: 'usr_1', roles, permissions, tenantId: 'tnt_1', partnerId: 'prt_1', clientId: null, appScope: null, ...extra });

const code = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('catalog access', () => {
  const superAdmin = user(['super_admin'], [], { tenantId: null, partnerId: null });
  const partnerAdmin = user(['partner_admin'], ['admin:billing', 'admin:registry', 'services:read'], { tenantId: null });
  const member = user(['tenant_member'], ['services:read']);

  it('opens public reads to anyone and the rest to services:read', () => {
    expect(code(() => authorizeCatalogRead(null, { publicRoute: true }))).toBe('ok');
    expect(code(() => authorizeCatalogRead(null, { publicRoute: false }))).toBe('unauthorized');
    expect(code(() => authorizeCatalogRead(member, { publicRoute: false }))).toBe('ok');
    expect(code(() => authorizeCatalogRead(user(['tenant_member'], []), { publicRoute: false }))).toBe('forbidden');
  });

  it('shows hidden entries to admin:billing only', () => {
    expect(code(() => authorizeHidden(member))).toBe('forbidden');
    expect(code(() => authorizeHidden(partnerAdmin))).toBe('ok');
  });

  it('leaves writes to the platform, even for a partner admin holding the scope', () => {
    expect(code(() => authorizeCatalogWrite(superAdmin, 'admin:billing'))).toBe('ok');
    expect(code(() => authorizeCatalogWrite(partnerAdmin, 'admin:billing'))).toBe('forbidden');
    expect(code(() => authorizeCatalogWrite(member, 'admin:registry'))).toBe('forbidden');
    expect(code(() => authorizeCatalogWrite(null, 'admin:billing'))).toBe('unauthorized');
  });
});
