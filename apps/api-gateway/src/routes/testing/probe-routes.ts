import { Type } from '@fastify/type-provider-typebox';
import type { RouteGroup } from '../types.ts';

/**
 * Two probe routes for tests of the auth hook: `whoami` (authenticated, answers the
 * caller's subject) and `public` (answers the caller's subject or null).
 */
export const probeGroup: RouteGroup = {
  tag: 'Probe',
  schemas: [],
  routes: [
    (app) =>
      app.get(
        '/api/v1/probe/whoami',
        { schema: { summary: 'Who Am I', tags: ['Probe'], response: { 200: Type.Object({ subject: Type.String() }) } }, config: { auth: 'authenticated' } },
        async (request) => ({ subject: request.caller?.subject ?? '' }),
      ),
    (app) =>
      app.get(
        '/api/v1/probe/public',
        { schema: { summary: 'Public', tags: ['Probe'], response: { 200: Type.Object({ caller: Type.Union([Type.String(), Type.Null()]) }) } }, config: { auth: 'public' } },
        async (request) => ({ caller: request.caller?.subject ?? null }),
      ),
  ],
};
