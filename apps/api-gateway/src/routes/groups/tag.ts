/** The catalog's group name, used as the OpenAPI tag. */
export const GROUPS_TAG = 'Admin — groups & roles';
