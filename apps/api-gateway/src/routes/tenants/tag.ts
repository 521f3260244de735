/** The catalog's group name, used as the OpenAPI tag. */
export const TENANTS_TAG = 'Admin — tenants';
