/** The reference's group names, used as OpenAPI tags. */
export const CATALOG_TAG = 'Catalog';
export const ADMIN_CATALOG_TAG = 'Admin — general';
