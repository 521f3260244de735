/** The reference's group names, used as OpenAPI tags. */
export const SERVICE_PACKS_TAG = 'Service packs';
export const ADMIN_SERVICE_PACKS_TAG = 'Admin — service packs';
