export * from './error-codes.ts';
export * from './app-error.ts';
export * from './envelope.ts';
export * from './pagination.ts';
export * from './responses.ts';
export * from './ids.ts';
export * from './issue-list.ts';
