import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { outgoing } from '../partners/outgoing.ts';
import type { RouteModule } from '../types.ts';

/**
 * `PUT /api/v1/_test/clock`: moves the platform's clock (every app whose jobs read one:
 * billing, provisioning), one app after the other, and runs what came due in each. Registered only with TEST_CLOCK_CONTROL on, which no
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
      const jobsApplied: Record<string, number> = {};
      let now = '';
      for (const testClock of clients.testClocks) {
        const answer = await testClock.setClock({ now: request.body.now }, outgoing(request, config));
        Object.assign(jobsApplied, answer.jobsApplied);
        now ||= answer.now ?? '';
      }
      return dataBody({ now, jobs_applied: jobsApplied }, requestIdOf(request));
    },
  );
};
