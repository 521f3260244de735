import { registrationRequestsGroup } from './registration-requests/index.ts';
import { partnersGroup } from './partners/index.ts';
import { tenantsGroup } from './tenants/index.ts';
import { adminAuthGroup } from './admin-auth/index.ts';
import { authenticationGroup } from './authentication/index.ts';
import { oauthGroup } from './oauth/index.ts';
import { usersGroup } from './users/index.ts';
import { groupsGroup } from './groups/index.ts';
import { applicationsGroup } from './applications/index.ts';
import { adminCatalogGroup, catalogGroup } from './catalog/index.ts';
import { adminServicePacksGroup, servicePacksGroup } from './service-packs/index.ts';
import { billingGroup } from './billing/index.ts';
import { adminSubscriptionsGroup, subscriptionsGroup } from './subscriptions/index.ts';
import { adminRegistryGroup, registryGroup } from './registry/index.ts';
import type { RouteGroup } from './types.ts';

/** Every endpoint group the gateway serves, in the order of the reference. */
export const routeGroups: RouteGroup[] = [adminAuthGroup, authenticationGroup, oauthGroup, partnersGroup, registrationRequestsGroup, tenantsGroup, usersGroup, groupsGroup, applicationsGroup, catalogGroup, servicePacksGroup, subscriptionsGroup, adminCatalogGroup, adminRegistryGroup, adminServicePacksGroup, adminSubscriptionsGroup, billingGroup, registryGroup];
