export * from './scopes.ts';
export * from './roles.ts';
export * from './caller.ts';
export * from './check.ts';
export * from './reach.ts';
