import { Type } from '@fastify/type-provider-typebox';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from '@scai/api';
import { ref } from './schema-ref.ts';

/** The seeds' validation error entry. */
export const ValidationError = Type.Object(
  {
    loc: Type.Array(Type.Union([Type.String(), Type.Integer()])),
    msg: Type.String(),
    type: Type.String(),
  },
  { $id: 'ValidationError', title: 'ValidationError' },
);

/** The seeds' 422 body; ours carries the error envelope beside it. */
export const HTTPValidationError = Type.Object(
  { detail: Type.Optional(Type.Array(ref(ValidationError))) },
  { $id: 'HTTPValidationError', title: 'HTTPValidationError' },
);

export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      request_id: Type.String(),
    }),
  },
  { $id: 'ErrorEnvelope', title: 'ErrorEnvelope', description: 'The body of every non-2xx answer.' },
);

export const Meta = Type.Object({ request_id: Type.String() });

/** `page` of every list query: bounded, so no page number reaches the database as an inexact OFFSET. */
export const PageNumber = Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 }));
/** The page size of every list query, under either name the published references use (`per_page`, `page_size`). */
export const PageSize = Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }));

export const Pagination = Type.Object({
  page: Type.Integer(),
  page_size: Type.Integer(),
  total: Type.Integer(),
  total_pages: Type.Integer(),
});

/** The optional `authorization` header the seeds list on every authenticated route. */
export const AuthorizationHeader = Type.Object({
  authorization: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const sharedSchemas = [ValidationError, HTTPValidationError, ErrorEnvelope];

/** Standard error responses of an authenticated route, besides its success codes. */
export const errorResponses = {
  401: ref(ErrorEnvelope),
  403: ref(ErrorEnvelope),
  404: ref(ErrorEnvelope),
  422: ref(HTTPValidationError),
};
