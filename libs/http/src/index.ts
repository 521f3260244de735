export { errorHandling, type ErrorHandlingOptions } from './error-handling.ts';
export { errorReply, type ErrorReply } from './error-reply.ts';
export { requestIdFor, requestIdOf } from './request-id.ts';
export { validationIssues, type RequestPart } from './validation-issues.ts';
export { bodyAjvOptions, httpServerOptions, parameterAjvOptions } from './server-options.ts';
export { sendError } from './send-error.ts';
export { UNMATCHED_ROUTE } from './request-metrics.ts';
export { createOpsServer, type OpsServer, type OpsServerOptions } from './ops-server.ts';
export { ErrorEnvelopeSchema, ValidationIssueSchema } from './error-envelope-schema.ts';
