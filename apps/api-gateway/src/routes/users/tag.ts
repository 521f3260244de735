/** The catalog's group name, used as the OpenAPI tag. */
export const USERS_TAG = 'Admin — users';
