import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { packJson } from '../catalog/catalog-json.ts';
import { ServicePack, SlugParams } from '../catalog/catalog-schemas.ts';
import { SERVICE_PACKS_TAG } from './tag.ts';

export const getServicePack: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/service-packs/:slug',
    {
      schema: {
        tags: [SERVICE_PACKS_TAG],
        summary: 'Get Service Pack',
        description: 'One active public pack: its items (service, plan, list price, override) and its price.',
        params: SlugParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(ServicePack), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'services:read' }, reach: 'platform' },
    },
    async (request) => {
      const answer = await clients.servicePacks.getPack({ slugOrId: request.params.slug, includeHidden: false }, outgoing(request, config));
      return dataBody(packJson(answer.pack), requestIdOf(request));
    },
  );
};
