import { typeid } from 'typeid-js';

/**
 * Opaque ids with a type prefix (`prt_`, `tnt_`, `usr_`, …): a UUIDv7 in base32, so ids
 * sort by creation time and say what they name.
 */
export const ID_PREFIXES = {
  partner: 'prt',
  tenant: 'tnt',
  user: 'usr',
  group: 'grp',
  application: 'app',
  registrationRequest: 'rrq',
  session: 'ses',
  signingKey: 'key',
  subscription: 'sub',
  invoice: 'inv',
  event: 'evt',
  request: 'req',
  catalogService: 'svc',
  plan: 'pln',
  planVersion: 'plv',
  pricingTier: 'upt',
  servicePack: 'pck',
  packItem: 'pki',
  subscriptionTransition: 'str',
  billableItem: 'bli',
  packSubscription: 'psb',
  packSubscriptionTransition: 'pst',
  registeredService: 'rsv',
  registryVersionChange: 'rvc',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export function newId(kind: IdKind): string {
  return typeid(ID_PREFIXES[kind]).toString();
}

/** Whether a string has the shape of an id of that kind (cheap check before a lookup). */
export function looksLikeId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-7][0-9a-hjkmnp-tv-z]{25}$`).test(value);
}
