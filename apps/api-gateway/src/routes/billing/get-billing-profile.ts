import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { profileOrNullJson } from './billing-profile-json.ts';
import { BillingProfile } from './billing-profile-schemas.ts';
import { ownTenantId } from './own-tenant.ts';
import { BILLING_TAG } from './tag.ts';

export const getBillingProfile: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/billing/billing-profile',
    {
      schema: {
        tags: [BILLING_TAG],
        summary: 'Get Billing Profile',
        description: "Your tenant's billing profile (the buyer on its invoices); `data` is null when none exists yet.",
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Union([ref(BillingProfile), Type.Null()]), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'billing:read' }, reach: 'own_tenant' },
    },
    async (request) => {
      const answer = await clients.billingProfiles.getBillingProfile({ tenantId: ownTenantId(request) }, outgoing(request, config));
      return dataBody(profileOrNullJson(answer.profile), requestIdOf(request));
    },
  );
};
