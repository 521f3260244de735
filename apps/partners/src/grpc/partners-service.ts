import { requireCaller, unary, type ImplementationOf } from '@scai/grpc';
import { reachOf } from '@scai/permissions';
import { pageFromProto, pageInfoToProto, type partners } from '@scai/proto';
import { authorizePartner, authorizePartnerCollection, authorizePartnerDeletion, authorizePartnerPatch } from '../domain/access.ts';
import { validatePartnerCreate, validatePartnerPatch } from '../domain/partner.ts';
import type { PartnerStore } from '../store/partner-store.ts';
import { partnerCreateFromProto, partnerPatchFromProto, partnerStatusFromProto, partnerToProto } from './partner-codec.ts';

type PartnersServiceImpl = ImplementationOf<typeof partners.v1.PartnersServiceService>;

/** `partners.v1.PartnersService`: decode → check caller → store → encode. */
export function partnersServiceImpl(store: PartnerStore): PartnersServiceImpl {
  return {
    listPartners: unary(async (request: partners.v1.ListPartnersRequest, context) => {
      const caller = requireCaller(context);
      authorizePartnerCollection(caller, 'read');
      const page = pageFromProto(request.page);
      const status = partnerStatusFromProto(request.status);
      const { items, total } = await store.list(reachOf(caller), { page, search: request.search, status });
      return { partners: items.map(partnerToProto), pageInfo: pageInfoToProto(page, total) };
    }),

    createPartner: unary(async (request: partners.v1.CreatePartnerRequest, context) => {
      authorizePartnerCollection(requireCaller(context), 'write');
      const partner = await store.create(validatePartnerCreate(partnerCreateFromProto(request)));
      return { partner: partnerToProto(partner) };
    }),

    getPartner: unary(async (request: partners.v1.GetPartnerRequest, context) => {
      const reach = authorizePartner(requireCaller(context), request.id, 'read');
      return { partner: partnerToProto(await store.get(reach, request.id)) };
    }),

    updatePartner: unary(async (request: partners.v1.UpdatePartnerRequest, context) => {
      const caller = requireCaller(context);
      const patch = partnerPatchFromProto(request);
      authorizePartnerPatch(caller, request.id, patch);
      const valid = validatePartnerPatch(patch);
      return { partner: partnerToProto(await store.update(reachOf(caller), request.id, valid)) };
    }),

    deletePartner: unary(async (request: partners.v1.DeletePartnerRequest, context) => {
      const reach = authorizePartnerDeletion(requireCaller(context), request.id);
      await store.softDelete(reach, request.id);
      return {};
    }),
  };
}
