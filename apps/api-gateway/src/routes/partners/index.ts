import type { RouteGroup } from '../types.ts';
import { createPartner } from './create-partner.ts';
import { deletePartner } from './delete-partner.ts';
import { getPartner } from './get-partner.ts';
import { listPartnerTenants } from './list-partner-tenants.ts';
import { listPartners } from './list-partners.ts';
import { partnerSchemas } from './partner-schemas.ts';
import { PARTNERS_TAG } from './tag.ts';
import { updatePartner } from './update-partner.ts';

export const partnersGroup: RouteGroup = {
  tag: PARTNERS_TAG,
  description: 'Partners (resellers) of the platform and their seller identity for invoices.',
  schemas: partnerSchemas,
  routes: [listPartners, createPartner, deletePartner, getPartner, updatePartner, listPartnerTenants],
};
