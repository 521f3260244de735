export { createGrpcServer, type GrpcServer, type GrpcServerOptions, type ImplementationOf } from './server.ts';
export { unary, type UnaryHandler } from './unary.ts';
export { currentCall, requireCaller, type CallContext } from './call-context.ts';
export {
  DEFAULT_DEADLINE_MS,
  bindClient,
  callUnary,
  createChannelClient,
  type BoundClient,
  type OutgoingCall,
  type UnaryClientMethod,
} from './client.ts';
export { checkHealth } from './health.ts';
export { errorToStatus, statusToAppError, type ErrorStatus } from './errors.ts';
export {
  CALLER_KEY,
  ERROR_CODE_KEY,
  ERROR_DETAILS_KEY,
  ERROR_HEADERS_KEY,
  ERROR_ISSUES_KEY,
  REQUEST_ID_KEY,
} from './metadata.ts';
