import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { profileFieldsFromBody, profileJson } from './billing-profile-json.ts';
import { BillingProfile, BillingProfileCreateUpdate } from './billing-profile-schemas.ts';
import { ownTenantId } from './own-tenant.ts';
import { BILLING_TAG } from './tag.ts';

export const putBillingProfile: RouteModule = (app, { clients, config }) => {
  app.put(
    '/api/v1/billing/billing-profile',
    {
      schema: {
        tags: [BILLING_TAG],
        summary: 'Set Billing Profile',
        description:
          "Create or replace your tenant's billing profile. The VAT number is checked against the country's format, the Peppol id against its scheme. The first save links the tenant for billing (`tenant.billing_linked`); later changes publish `tenant.billing_updated`.",
        headers: AuthorizationHeader,
        body: ref(BillingProfileCreateUpdate),
        response: { 200: Type.Object({ data: ref(BillingProfile), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'billing:manage', access: 'write' }, reach: 'own_tenant' },
    },
    async (request) => {
      const answer = await clients.billingProfiles.putBillingProfile(
        { tenantId: ownTenantId(request), fields: profileFieldsFromBody(request.body) },
        outgoing(request, config),
      );
      return dataBody(profileJson(answer.profile), requestIdOf(request));
    },
  );
};
