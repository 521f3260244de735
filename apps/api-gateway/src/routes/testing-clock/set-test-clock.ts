import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { outgoing } from '../partners/outgoing.ts';
import type { RouteModule } from '../types.ts';

/**
 * `PUT /api/v1/_test/clock`: moves the platform's clock (the billing app's, whose jobs read
 * it) and runs what came due. Registered only with TEST_CLOCK_CONTROL on, which no
 * production configuration accepts; hidden from the document; super admins only.
 */
export const setTestClock: RouteModule = (app, { clients, config }) => {
  app.put(
    '/api/v1/_test/clock',
    {
      schema: {
        hide: true,
        body: Type.Object({ now: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
      },
      config: { auth: { roles: ['super_admin'] }, reach: 'none' },
    },
    async (request) => {
      const answer = await clients.testClock.setClock({ now: request.body.now }, outgoing(request, config));
      return dataBody({ now: answer.now, jobs_applied: answer.jobsApplied }, requestIdOf(request));
    },
  );
};
