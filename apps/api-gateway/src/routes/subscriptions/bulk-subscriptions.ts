import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { BulkAction, BulkResult } from './subscription-schemas.ts';
import { ADMIN_SUBSCRIPTIONS_TAG } from './tag.ts';

export const bulkSubscriptions: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/subscriptions/bulk',
    {
      schema: {
        tags: [ADMIN_SUBSCRIPTIONS_TAG],
        summary: 'Bulk Subscription Action',
        description: 'One action on up to 100 subscriptions, each in its own transaction: what succeeded, and for each failure its error (an id out of reach fails as `not_found`).',
        headers: AuthorizationHeader,
        body: ref(BulkAction),
        response: { 200: Type.Object({ data: ref(BulkResult), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:subscriptions', access: 'write' }, reach: { collection: 'subscription' } },
    },
    async (request) => {
      const answer = await clients.subscriptions.bulkAction({ action: request.body.action, ids: request.body.ids }, outgoing(request, config));
      const failed = answer.failed.map((failure) => ({ id: failure.id, error: { code: failure.code, message: failure.message } }));
      return dataBody({ succeeded: answer.succeeded, failed }, requestIdOf(request));
    },
  );
};
