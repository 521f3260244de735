import { unary, type ImplementationOf } from '@scai/grpc';
import { pageFromProto, pageInfoToProto, type billing } from '@scai/proto';
import { authorizeCatalogRead, authorizeCatalogWrite, authorizeHidden } from '../catalog/catalog-access.ts';
import { validatePackCreate, validatePackPatch } from '../catalog/catalog-input.ts';
import type { PackStore } from '../catalog/pack-store.ts';
import { packFieldsFromProto, packToProto } from './catalog-codec.ts';

type ServicePacksServiceImpl = ImplementationOf<typeof billing.v1.ServicePacksServiceService>;

/** `billing.v1.ServicePacksService`: the shop window of packs, and their admin. */
export function servicePacksServiceImpl(store: PackStore): ServicePacksServiceImpl {
  return {
    listPacks: unary(async (request: billing.v1.ListPacksRequest, { caller }) => {
      authorizeCatalogRead(caller, { publicRoute: false });
      if (request.includeHidden) authorizeHidden(caller);
      const page = pageFromProto(request.page);
      const { items, total } = await store.list(request.includeHidden, page);
      return { packs: items.map(packToProto), pageInfo: pageInfoToProto(page, total) };
    }),

    getPack: unary(async (request: billing.v1.GetPackRequest, { caller }) => {
      authorizeCatalogRead(caller, { publicRoute: false });
      if (request.includeHidden) authorizeHidden(caller);
      return { pack: packToProto(await store.get(request.slugOrId, request.includeHidden)) };
    }),

    createPack: unary(async (request: billing.v1.CreatePackRequest, { caller }) => {
      authorizeCatalogWrite(caller, 'admin:billing');
      const definition = validatePackCreate(request.slug, packFieldsFromProto(request.fields));
      return { pack: packToProto(await store.create(request.slug, definition)) };
    }),

    updatePack: unary(async (request: billing.v1.UpdatePackRequest, { caller }) => {
      authorizeCatalogWrite(caller, 'admin:billing');
      const patch = validatePackPatch(packFieldsFromProto(request.fields));
      return { pack: packToProto(await store.update(request.id, patch)) };
    }),

    deletePack: unary(async (request: billing.v1.DeletePackRequest, { caller }) => {
      authorizeCatalogWrite(caller, 'admin:billing');
      await store.deactivate(request.id);
      return {};
    }),
  };
}
