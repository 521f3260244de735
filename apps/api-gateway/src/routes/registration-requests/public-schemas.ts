import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { Meta } from '../common-schemas.ts';

const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) => Type.Union([schema, Type.Null()], options);

/** The answer to a self-registration: the status token is shown this once. */
export const PublicRegistrationCreated = Type.Object({
  data: Type.Object({
    request_id: Type.String(),
    status_token: Type.String({ description: 'Shown only once: keep it to poll the status and to cancel. It cannot be recovered.' }),
  }),
  meta: Meta,
});

/** What the holder of the status token sees of their request. */
export const PublicRegistrationStatus = Type.Object(
  {
    request_id: Type.String(),
    status: Type.String({ description: 'PENDING, APPROVED, REJECTED, CANCELLED or EXPIRED' }),
    scope: Type.String(),
    name: Type.String(),
    application_type: Type.String(),
    rejection_reason: Nullable(Type.String()),
    client_id: Nullable(Type.String(), { description: 'Set once approved.' }),
    client_secret: Nullable(Type.String(), {
      description: 'Set on the first status read after approval only (confidential application types); null on every later read.',
    }),
    client_secret_delivered: Type.Boolean({ description: 'Whether the client secret has been handed out already.' }),
    created_at: Nullable(Type.String({ format: 'date-time' })),
    reviewed_at: Nullable(Type.String({ format: 'date-time' })),
    expires_at: Nullable(Type.String({ format: 'date-time' })),
  },
  { $id: 'PublicRegistrationStatus', title: 'PublicRegistrationStatus' },
);

export const StatusTokenQuery = Type.Object({
  status_token: Type.String({ minLength: 1, description: 'The token answered when the request was filed.' }),
});

export const publicRegistrationSchemas = [PublicRegistrationStatus];
