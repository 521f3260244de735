import type { RouteGroup } from '../types.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { me } from './me.ts';
import { refresh } from './refresh.ts';
import { adminAuthSchemas, TAG } from './schemas.ts';

/** Seed 003: sign-in to the admin console, served by the auth app over gRPC. */
export const adminAuthGroup: RouteGroup = {
  tag: TAG,
  description: 'Sign-in to the admin console: login, token refresh (rotating), logout and the current admin.',
  schemas: adminAuthSchemas,
  routes: [login, logout, me, refresh],
};
