import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { AppError, conflict, forbidden, notFound, rateLimited, unauthorized, unavailable, validationFailed } from '@scai/api';
import { createLogger, type Logger, type Metrics } from '@scai/telemetry';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type RawServerDefault } from 'fastify';
import { Type } from 'typebox';
import { errorHandling } from './error-handling.ts';
import { httpServerOptions } from './server-options.ts';

export const PartnerBody = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    email: Type.String({ format: 'email' }),
    kind: Type.Union([Type.Literal('reseller'), Type.Literal('direct')]),
    seats: Type.Optional(Type.Integer({ minimum: 1 })),
    website: Type.Optional(Type.String({ format: 'uri' })),
    parent_id: Type.Optional(Type.Union([Type.String({ pattern: '^prt_' }), Type.Null()])),
    contact: Type.Optional(Type.Object({ phone: Type.String() }, { additionalProperties: false })),
    tags: Type.Optional(Type.Array(Type.String(), { maxItems: 2 })),
    tier: Type.Optional(Type.Union([Type.Union([Type.Literal('gold'), Type.Literal('silver')]), Type.Null()])),
  },
  { additionalProperties: false },
);

const APP_ERRORS: Record<string, () => AppError> = {
  not_found: () => notFound('Partner'),
  conflict: () => conflict('Slug already taken', { field: 'slug' }),
  forbidden: () => forbidden(),
  unauthorized: () => unauthorized(),
  rate_limited: () => rateLimited(30),
  unavailable: () => unavailable(),
  validation: () => validationFailed([{ loc: ['body', 'vat_id'], msg: 'Invalid VAT number', type: 'value_error.vat' }]),
  internal: () => new AppError('internal_error', 'Something went wrong'),
};

export type TestApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger, TypeBoxTypeProvider>;

/** A server like the gateway's, with routes that fail in every way the handler maps. */
export async function buildTestApp(options: { metrics?: Metrics } = {}): Promise<{ app: TestApp; logs: Record<string, unknown>[] }> {
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  const app = Fastify({
    ...httpServerOptions(),
    loggerInstance: createLogger({ name: 'http-test', level: 'info', destination }),
    bodyLimit: 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(errorHandling, { metrics: options.metrics });

  app.post('/partners', { schema: { body: PartnerBody } }, async (request, reply) => reply.code(201).send({ data: request.body }));
  app.get(
    '/partners',
    {
      schema: {
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, default: 1 }),
          page_size: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          status: Type.Optional(Type.Enum(['active', 'suspended'])),
          tag: Type.Optional(Type.Array(Type.String())),
        }),
      },
    },
    async (request) => ({ query: request.query }),
  );
  app.get(
    '/partners/:partner_id',
    { schema: { params: Type.Object({ partner_id: Type.String({ pattern: '^prt_' }) }) } },
    async (request) => ({ id: request.params.partner_id }),
  );
  app.get(
    '/tenant',
    { schema: { headers: Type.Object({ 'x-tenant-id': Type.String({ pattern: '^tnt_' }) }) } },
    async () => ({ ok: true }),
  );
  app.get('/app-error/:kind', async (request) => {
    throw APP_ERRORS[(request.params as { kind: string }).kind]();
  });
  app.get('/boom', async () => {
    throw new Error('duplicate key value violates unique constraint: INSERT INTO partners (name) VALUES ($1)');
  });
  app.get('/plugin-429', async (_request, reply) => {
    reply.header('retry-after', '12');
    throw Object.assign(new Error('Rate limit exceeded, retry in 12 seconds'), { statusCode: 429 });
  });
  app.get('/plugin-401', async () => {
    throw Object.assign(new Error('secret token abc invalid for user 42'), { statusCode: 401 });
  });
  app.get('/plugin-503', async () => {
    throw Object.assign(new Error('pool exhausted at db-1:5432'), { statusCode: 503 });
  });
  app.get('/ok', async () => ({ ok: true }));
  app.post('/things/:id', async () => ({ ok: true }));
  await app.ready();
  return { app, logs };
}
