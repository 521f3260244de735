/** The seed page's group name, used as the OpenAPI tag. */
export const PARTNERS_TAG = 'Partners';
