import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, Pagination, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { registeredServiceJson } from './registered-service-json.ts';
import { RegisteredService, RegistryListQuery } from './registry-schemas.ts';
import { ADMIN_REGISTRY_TAG } from './tag.ts';

export const adminListRegisteredServices: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/registry/services',
    {
      schema: {
        tags: [ADMIN_REGISTRY_TAG],
        summary: 'List Registered Services',
        description: 'Every registered service by slug, with its binding, health, missed heartbeats and last heartbeat; narrow by `status` or `health`.',
        querystring: RegistryListQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(RegisteredService)), pagination: Pagination, meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:registry' }, reach: 'platform' },
    },
    async (request) => {
      const { query } = request;
      const page = pageRequest(query.page, query.page_size);
      const answer = await clients.registry.listRegisteredServices(
        { page: { page: page.page, pageSize: page.pageSize }, status: query.status, health: query.health },
        outgoing(request, config),
      );
      return pagedBody(answer.services.map(registeredServiceJson), page, answer.page?.total ?? 0, requestIdOf(request));
    },
  );
};
