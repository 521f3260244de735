import { notFound } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import type { Caller } from '@scai/permissions';
import type { auth } from '@scai/proto';
import type { ServiceClients } from '../../clients.ts';

/** Test support for the users and groups route tests: fake auth clients and callers. */

export type Calls = Array<{ method: string; request: unknown; outgoing?: OutgoingCall }>;

export const storedUser: auth.v1.User = {
  id: 'usr_a1',
  email: 'ada@acme.test',
  displayName: 'Ada',
  status: 'ACTIVE',
  tenantId: 'tnt_a1',
  partnerId: 'prt_a',
  roles: ['tenant_admin', 'tenant_member'],
  permissions: ['admin:users'],
  roleGrants: [{ role: 'tenant_admin', tenantId: 'tnt_a1', partnerId: 'prt_a' }],
  groups: [{ id: 'grp_1', name: 'Members', role: 'tenant_member' }],
  passwordSet: false,
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
};

export const storedGroup: auth.v1.Group = {
  id: 'grp_1',
  tenantId: 'tnt_a1',
  partnerId: 'prt_a',
  name: 'Members',
  role: 'tenant_member',
  memberCount: 1,
  members: [{ id: 'usr_a1', email: 'ada@acme.test', displayName: 'Ada', status: 'ACTIVE' }],
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
};

/** Records every call; ids ending in `_missing` answer not_found, as the service would for ids out of reach. */
export function fakePeopleClients(calls: Calls): Pick<ServiceClients, 'users' | 'groups'> {
  const record = (method: string, request: unknown, outgoing?: OutgoingCall) => {
    calls.push({ method, request, outgoing });
    const { id } = request as { id?: string };
    if (id?.endsWith('_missing')) throw notFound(id.startsWith('grp') ? 'Group' : 'User');
  };
  const unused = async (): Promise<never> => {
    throw new Error('not used by these routes');
  };
  return {
    users: {
      createUser: unused,
      ensureSuperAdmin: unused,
      listUsers: async (request, outgoing) => (record('listUsers', request, outgoing), { users: [storedUser], pageInfo: { page: 1, pageSize: 20, total: 1, totalPages: 1 } }),
      inviteUser: async (request, outgoing) => (
        record('inviteUser', request, outgoing), { user: storedUser, invitationExpiresAt: '2026-11-29T00:00:00.000Z', invitationUrl: 'http://gw/api/v1/auth/invitations/scai_inv_x' }
      ),
      getUser: async (request, outgoing) => (record('getUser', request, outgoing), { user: storedUser }),
      updateUser: async (request, outgoing) => (record('updateUser', request, outgoing), { user: storedUser }),
      deactivateUser: async (request, outgoing) => (record('deactivateUser', request, outgoing), { user: { ...storedUser, status: 'DEACTIVATED' } }),
      changeUserRoles: async (request, outgoing) => (record('changeUserRoles', request, outgoing), { user: storedUser }),
    },
    groups: {
      listGroups: async (request, outgoing) => (record('listGroups', request, outgoing), { groups: [storedGroup] }),
      getGroup: async (request, outgoing) => (record('getGroup', request, outgoing), { group: storedGroup }),
      createGroup: async (request, outgoing) => (record('createGroup', request, outgoing), { group: storedGroup }),
      setGroupRole: async (request, outgoing) => (record('setGroupRole', request, outgoing), { group: storedGroup }),
      removeGroupRole: async (request, outgoing) => (record('removeGroupRole', request, outgoing), { group: { ...storedGroup, role: undefined } }),
      replaceGroupMembers: async (request, outgoing) => (record('replaceGroupMembers', request, outgoing), { group: storedGroup }),
    },
  } as Pick<ServiceClients, 'users' | 'groups'>;
}

const user = (roles: Caller['roles'], permissions: string[], extra: Partial<Caller> = {}): Caller => ({
  subject: `usr_${roles[0]}`,
  kind: 'user',
  tenantId: 'tnt_a1',
  partnerId: 'prt_a',
  roles,
  permissions,
  clientId: 'scai-admin-console',
  appScope: null,
  ...extra,
});

/** Tokens of the fake verifier: the token text names the caller. */
export const PEOPLE_CALLERS: Record<string, Caller> = {
  admin: user(['tenant_admin'], ['admin:users', 'admin:groups']),
  member: user(['tenant_member'], ['organization:read']),
};

export const bearer = (token: keyof typeof PEOPLE_CALLERS) => ({ authorization: `Bearer ${token}` });
