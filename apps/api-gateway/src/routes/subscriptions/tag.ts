/** The reference's group names, used as OpenAPI tags. */
export const SUBSCRIPTIONS_TAG = 'Subscriptions';
export const ADMIN_SUBSCRIPTIONS_TAG = 'Admin — subscriptions';
