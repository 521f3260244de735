import { ERROR_CODES } from '@scai/api';
import { Type } from 'typebox';

/** One entry of the seeds' `HTTPValidationError.detail[]`, for OpenAPI documents. */
export const ValidationIssueSchema = Type.Object({
  loc: Type.Array(Type.Union([Type.String(), Type.Integer()])),
  msg: Type.String(),
  type: Type.String(),
});

/**
 * The error envelope (`errorEnvelope()` of `@scai/api`) as a schema, so routes can declare
 * their error responses in OpenAPI. It describes the envelope; it does not build one.
 */
export const ErrorEnvelopeSchema = Type.Object({
  error: Type.Object({
    code: Type.Union(ERROR_CODES.map((code) => Type.Literal(code))),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    request_id: Type.String(),
  }),
  detail: Type.Optional(Type.Array(ValidationIssueSchema)),
});
