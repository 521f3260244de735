import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, Pagination, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { subscriptionJson } from './subscription-json.ts';
import { AdminSubscriptionListQuery, Subscription, SubscriptionListQuery } from './subscription-schemas.ts';
import { ADMIN_SUBSCRIPTIONS_TAG, SUBSCRIPTIONS_TAG } from './tag.ts';

const listResponse = { 200: Type.Object({ data: Type.Array(ref(Subscription)), pagination: Pagination, meta: Meta }), ...errorResponses };

export const listSubscriptions: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/subscriptions',
    {
      schema: {
        tags: [SUBSCRIPTIONS_TAG],
        summary: 'List Subscriptions',
        description: "Your tenant's subscriptions, newest first; `status` narrows them.",
        querystring: SubscriptionListQuery,
        headers: AuthorizationHeader,
        response: listResponse,
      },
      config: { auth: { scope: 'subscriptions:read' }, reach: { collection: 'subscription' } },
    },
    async (request) => {
      const page = pageRequest(request.query.page, request.query.page_size);
      const answer = await clients.subscriptions.listSubscriptions(
        { page: { page: page.page, pageSize: page.pageSize }, asAdmin: false, status: request.query.status ?? '', tenantId: '', service: '' },
        outgoing(request, config),
      );
      return pagedBody(answer.subscriptions.map(subscriptionJson), page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};

export const adminListSubscriptions: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/subscriptions',
    {
      schema: {
        tags: [ADMIN_SUBSCRIPTIONS_TAG],
        summary: 'List Subscriptions (admin)',
        description: 'Subscriptions of the tenants within your reach; narrow by `status`, `tenant_id` or `service` (slug).',
        querystring: AdminSubscriptionListQuery,
        headers: AuthorizationHeader,
        response: listResponse,
      },
      config: { auth: { scope: 'admin:subscriptions' }, reach: { collection: 'subscription' } },
    },
    async (request) => {
      const { query } = request;
      const page = pageRequest(query.page, query.page_size);
      const answer = await clients.subscriptions.listSubscriptions(
        { page: { page: page.page, pageSize: page.pageSize }, asAdmin: true, status: query.status ?? '', tenantId: query.tenant_id ?? '', service: query.service ?? '' },
        outgoing(request, config),
      );
      return pagedBody(answer.subscriptions.map(subscriptionJson), page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};
