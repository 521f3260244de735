import { IssueList } from '@scai/api';
import { checkEmail, checkText } from './validation.ts';
import { checkSlug } from './slug.ts';
import { mergeTenantSettings, type TenantSettings, type TenantSettingsPatch } from './tenant-settings.ts';
import { mergeTenantBranding, type TenantBranding, type TenantBrandingPatch } from './tenant-branding.ts';

export type TenantStatus = 'ACTIVE' | 'SUSPENDED';

export interface Tenant {
  id: string;
  partnerId: string;
  name: string;
  slug: string;
  status: TenantStatus;
  contactEmail: string;
  settings: TenantSettings;
  branding: TenantBranding;
  createdAt: Date;
  updatedAt: Date;
}

export interface TenantCreate {
  /** Absent: the caller's own partner. */
  partnerId?: string;
  name: string;
  /** Absent: derived from the name, suffixed until unique. */
  slug?: string;
  contactEmail: string;
  settings?: TenantSettingsPatch;
  branding?: TenantBrandingPatch;
}

export interface TenantPatch {
  name?: string;
  slug?: string;
  status?: TenantStatus;
  contactEmail?: string;
  partnerId?: string;
  settings?: TenantSettingsPatch;
  branding?: TenantBrandingPatch;
}

export interface ValidTenantCreate {
  name: string;
  slug?: string;
  contactEmail: string;
  settings: TenantSettings;
  branding: TenantBranding;
}

const NAME_MAX = 200;

/** Checks a new tenant and fills settings defaults; throws 422 listing every problem. */
export function validateTenantCreate(input: TenantCreate): ValidTenantCreate {
  const issues = new IssueList();
  checkText(issues, ['name'], input.name, NAME_MAX);
  checkSlug(issues, ['slug'], input.slug);
  checkEmail(issues, ['contact_email'], input.contactEmail);
  const settings = mergeTenantSettings(issues, undefined, input.settings);
  const branding = mergeTenantBranding(issues, undefined, input.branding);
  issues.throwIfAny();
  return { name: input.name.trim(), slug: input.slug, contactEmail: input.contactEmail, settings, branding };
}

export interface ValidTenantPatch {
  name?: string;
  slug?: string;
  status?: TenantStatus;
  contactEmail?: string;
  partnerId?: string;
  settings?: TenantSettings;
  branding?: TenantBranding;
}

/** Checks an update against the tenant's current settings and branding, which patches merge over. */
export function validateTenantPatch(patch: TenantPatch, current: { settings: unknown; branding: unknown }): ValidTenantPatch {
  const issues = new IssueList();
  checkText(issues, ['name'], patch.name, NAME_MAX);
  checkSlug(issues, ['slug'], patch.slug);
  checkEmail(issues, ['contact_email'], patch.contactEmail);
  const settings = patch.settings ? mergeTenantSettings(issues, current.settings, patch.settings) : undefined;
  const branding = patch.branding ? mergeTenantBranding(issues, current.branding, patch.branding) : undefined;
  issues.throwIfAny();
  return { ...patch, name: patch.name?.trim(), settings, branding };
}
