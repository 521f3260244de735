import type { RouteGroup } from '../types.ts';
import { adminCreateServicePack } from './admin-create-service-pack.ts';
import { adminDeleteServicePack } from './admin-delete-service-pack.ts';
import { adminGetServicePack } from './admin-get-service-pack.ts';
import { adminListServicePacks } from './admin-list-service-packs.ts';
import { adminUpdateServicePack } from './admin-update-service-pack.ts';
import { getServicePack } from './get-service-pack.ts';
import { listServicePacks } from './list-service-packs.ts';
import { cancelPackSubscription } from './cancel-pack-subscription.ts';
import { getPackSubscription } from './get-pack-subscription.ts';
import { listPackSubscriptions } from './list-pack-subscriptions.ts';
import { packSubscriptionSchemas } from './pack-subscription-schemas.ts';
import { subscribePack } from './subscribe-pack.ts';
import { ADMIN_SERVICE_PACKS_TAG, SERVICE_PACKS_TAG } from './tag.ts';

export const servicePacksGroup: RouteGroup = {
  tag: SERVICE_PACKS_TAG,
  description: 'Bundles of several services sold as one purchase, with their computed price; buy one for your tenant and cancel it as a whole.',
  schemas: packSubscriptionSchemas,
  // The static `/service-packs/subscriptions` before `/service-packs/{slug}` reads better; the router prefers it anyway.
  routes: [listServicePacks, listPackSubscriptions, getPackSubscription, getServicePack, subscribePack, cancelPackSubscription],
};

export const adminServicePacksGroup: RouteGroup = {
  tag: ADMIN_SERVICE_PACKS_TAG,
  description: 'Service pack administration (platform admins).',
  schemas: [],
  routes: [adminListServicePacks, adminCreateServicePack, adminGetServicePack, adminUpdateServicePack, adminDeleteServicePack],
};
