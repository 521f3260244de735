import type { RouteGroup } from '../types.ts';
import { changeUserRoles } from './change-user-roles.ts';
import { deactivateUser } from './deactivate-user.ts';
import { getUser } from './get-user.ts';
import { inviteUser } from './invite-user.ts';
import { listUsers } from './list-users.ts';
import { USERS_TAG } from './tag.ts';
import { updateUser } from './update-user.ts';
import { userSchemas } from './user-schemas.ts';

export const usersGroup: RouteGroup = {
  tag: USERS_TAG,
  description: 'People within your reach: a partner admin administers its partner’s staff and its tenants’ users, a tenant admin its tenant’s users.',
  schemas: userSchemas,
  routes: [listUsers, inviteUser, getUser, updateUser, deactivateUser, changeUserRoles],
};
