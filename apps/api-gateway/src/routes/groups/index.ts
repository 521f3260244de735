import type { RouteGroup } from '../types.ts';
import { createGroup } from './create-group.ts';
import { getGroup } from './get-group.ts';
import { groupSchemas } from './group-schemas.ts';
import { listGroups } from './list-groups.ts';
import { listRoles } from './list-roles.ts';
import { removeGroupRole } from './remove-group-role.ts';
import { replaceGroupMembers } from './replace-group-members.ts';
import { setGroupRole } from './set-group-role.ts';
import { GROUPS_TAG } from './tag.ts';

export const groupsGroup: RouteGroup = {
  tag: GROUPS_TAG,
  description: 'Groups of a tenant, each with at most one role its members inherit, and the role catalog.',
  schemas: groupSchemas,
  routes: [listGroups, getGroup, setGroupRole, removeGroupRole, createGroup, replaceGroupMembers, listRoles],
};
