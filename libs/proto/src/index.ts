// Every package under proto/ appears here as a namespace, by its proto package name:
// `common.v1.PageRequest`, `partners.v1.PartnersServiceClient`, … (generated index, see
// proto/buf.gen.yaml). Adding a .proto file needs no change here.
export * from './generated/index.ts';
export * from './page-codec.ts';
