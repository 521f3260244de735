/** The reference's group name, used as the OpenAPI tag. */
export const BILLING_TAG = 'Billing';
