import { conflict } from '@scai/api';
import { WIRE_NAMES, type BillingProfile, type BillingProfileFields } from './profile-fields.ts';

/** What an invoice's buyer must carry (domain.md "Finalize"), plus where to send it. */
const NEEDED_FOR_COMMERCE: (keyof BillingProfileFields)[] = ['companyName', 'addressLine1', 'postalCode', 'city', 'countryCode', 'contactEmail'];

/** The wire names of what a commerce action still needs; `['billing_profile']` when there is no profile at all. */
export function missingForCommerce(profile: BillingProfile | null): string[] {
  if (!profile) return ['billing_profile'];
  return NEEDED_FOR_COMMERCE.filter((key) => !profile.fields[key]).map((key) => WIRE_NAMES[key]);
}

/** Subscribing, buying a pack, invoicing: 409 `conflict` naming what is missing, before anything is written. */
export function requireCommerceProfile(profile: BillingProfile | null): BillingProfile {
  const missing = missingForCommerce(profile);
  if (missing.length === 0 && profile) return profile;
  const message = profile
    ? `The billing profile is incomplete: ${missing.join(', ')} required`
    : 'The tenant has no billing profile: set one with PUT /api/v1/billing/billing-profile first';
  throw conflict(message, { missing });
}
