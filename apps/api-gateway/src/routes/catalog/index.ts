import type { RouteGroup } from '../types.ts';
import { catalogSchemas } from './catalog-schemas.ts';
import { createCatalogService } from './create-catalog-service.ts';
import { createPlan } from './create-plan.ts';
import { getCatalogService } from './get-catalog-service.ts';
import { getPlan } from './get-plan.ts';
import { listCatalogServices } from './list-catalog-services.ts';
import { listPlans } from './list-plans.ts';
import { replacePricingTiers } from './replace-pricing-tiers.ts';
import { ADMIN_CATALOG_TAG, CATALOG_TAG } from './tag.ts';
import { updateCatalogService } from './update-catalog-service.ts';
import { updatePlan } from './update-plan.ts';

export const catalogGroup: RouteGroup = {
  tag: CATALOG_TAG,
  description: 'The services the platform sells, their plans (with versioned prices and usage pricing).',
  schemas: catalogSchemas,
  routes: [listCatalogServices, getCatalogService, listPlans, getPlan],
};

export const adminCatalogGroup: RouteGroup = {
  tag: ADMIN_CATALOG_TAG,
  description: 'Catalog and registry administration (platform admins): services, plans and their usage pricing; registered services, their approval, keys and health.',
  schemas: [],
  routes: [createCatalogService, updateCatalogService, createPlan, updatePlan, replacePricingTiers],
};
