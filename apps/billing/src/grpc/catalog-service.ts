import { unary, type ImplementationOf } from '@scai/grpc';
import type { billing } from '@scai/proto';
import { authorizeCatalogRead, authorizeCatalogWrite, authorizeHidden } from '../catalog/catalog-access.ts';
import { validatePlanCreate, validatePlanPatch, validatePricingTiers, validateServiceCreate, validateServicePatch } from '../catalog/catalog-input.ts';
import type { CatalogStore } from '../catalog/catalog-store.ts';
import { planListingFromProto, planTermsFromProto, planToProto, serviceFieldsFromProto, serviceToProto, tierFromProto } from './catalog-codec.ts';

type CatalogServiceImpl = ImplementationOf<typeof billing.v1.CatalogServiceService>;

/** `billing.v1.CatalogService`: check caller → validate → store → encode. */
export function catalogServiceImpl(store: CatalogStore): CatalogServiceImpl {
  return {
    listServices: unary(async (request: billing.v1.ListServicesRequest, { caller }) => {
      if (request.includeHidden) authorizeHidden(caller);
      return { services: (await store.listServices(request.includeHidden)).map(serviceToProto) };
    }),

    getService: unary(async (request: billing.v1.GetServiceRequest, { caller }) => {
      authorizeCatalogRead(caller, { publicRoute: false });
      return { service: serviceToProto(await store.getService(request.slug, false)) };
    }),

    createService: unary(async (request: billing.v1.CreateServiceRequest, { caller }) => {
      authorizeCatalogWrite(caller, 'admin:registry');
      const listing = validateServiceCreate(request.slug, serviceFieldsFromProto(request.fields));
      return { service: serviceToProto(await store.createService(request.slug, listing)) };
    }),

    updateService: unary(async (request: billing.v1.UpdateServiceRequest, { caller }) => {
      authorizeCatalogWrite(caller, 'admin:registry');
      const patch = validateServicePatch(serviceFieldsFromProto(request.fields));
      return { service: serviceToProto(await store.updateService(request.slug, patch)) };
    }),

    listPlans: unary(async (request: billing.v1.ListPlansRequest, { caller }) => {
      authorizeCatalogRead(caller, { publicRoute: false });
      if (request.includeHidden) authorizeHidden(caller);
      const plans = await store.listPlans({ service: request.service, tier: request.tier, includeHidden: request.includeHidden });
      return { plans: plans.map(planToProto) };
    }),

    getPlan: unary(async (request: billing.v1.GetPlanRequest, { caller }) => {
      authorizeCatalogRead(caller, { publicRoute: false });
      return { plan: planToProto(await store.getPlan(request.keyOrId, false)) };
    }),

    createPlan: unary(async (request: billing.v1.CreatePlanRequest, { caller }) => {
      authorizeCatalogWrite(caller, 'admin:billing');
      const tiers = request.pricingTiers.map(tierFromProto);
      const { listing, terms } = validatePlanCreate(request.slug, planListingFromProto(request.fields), planTermsFromProto(request.fields), tiers);
      return { plan: planToProto(await store.createPlan(request.serviceId, request.slug, listing, terms)) };
    }),

    updatePlan: unary(async (request: billing.v1.UpdatePlanRequest, { caller }) => {
      authorizeCatalogWrite(caller, 'admin:billing');
      const listing = planListingFromProto(request.fields);
      const terms = planTermsFromProto(request.fields);
      validatePlanPatch(listing, terms);
      return { plan: planToProto(await store.updatePlan(request.id, listing, terms)) };
    }),

    replacePricingTiers: unary(async (request: billing.v1.ReplacePricingTiersRequest, { caller }) => {
      authorizeCatalogWrite(caller, 'admin:billing');
      const pricingTiers = validatePricingTiers(request.pricingTiers.map(tierFromProto));
      return { plan: planToProto(await store.updatePlan(request.id, {}, { pricingTiers })) };
    }),
  };
}
