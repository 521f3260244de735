export * from './fields.ts';
export * from './load-config.ts';
export { commonSchema, serviceSchema } from './common.ts';
