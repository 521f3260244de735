import type { RouteGroup } from '../types.ts';
import { adminListRegisteredServices } from './admin-list-registered-services.ts';
import { adminApproveService, adminRotateServiceKey, adminSuspendService } from './admin-service-actions.ts';
import { deregisterService } from './deregister-service.ts';
import { heartbeat } from './heartbeat.ts';
import { registerService, reregisterService } from './register-service.ts';
import { registrySchemas } from './registry-schemas.ts';
import { ADMIN_REGISTRY_TAG, REGISTRY_TAG } from './tag.ts';

export const registryGroup: RouteGroup = {
  tag: REGISTRY_TAG,
  description: "The platform's services say who they are (binding their SERVICE application to a catalog service), that they are alive, and when they leave.",
  schemas: registrySchemas,
  routes: [registerService, reregisterService, deregisterService, heartbeat],
};

export const adminRegistryGroup: RouteGroup = {
  tag: ADMIN_REGISTRY_TAG,
  schemas: [],
  routes: [adminListRegisteredServices, adminApproveService, adminRotateServiceKey, adminSuspendService],
};
