/** The reference's group names, used as OpenAPI tags; the registry's administration sits in "Admin — general" with the catalog's. */
export const REGISTRY_TAG = 'Service Registry';
export { ADMIN_CATALOG_TAG as ADMIN_REGISTRY_TAG } from '../catalog/tag.ts';
