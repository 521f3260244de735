import { randomBytes } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { AppError, newId, notFound } from '@scai/api';
import { createGrpcServer, unary, type GrpcServer } from '@scai/grpc';
import type { Caller } from '@scai/permissions';
import { auth, partners } from '@scai/proto';
import { pino } from 'pino';

/** What the fake auth app saw of one CreateApplication call. */
export interface CreateApplicationCall {
  request: auth.v1.CreateApplicationRequest;
  caller: Caller | null;
  requestId: string;
  traceparent: string | undefined;
}

/**
 * In-process stand-ins for the auth and partners apps, served over real gRPC on free
 * ports from the generated service definitions, so the registrations app is tested alone.
 */
export interface FakeUpstreams {
  authAddress: string;
  partnersAddress: string;
  calls: CreateApplicationCall[];
  /** Applications created, by registration request id (the idempotency key). */
  applications: Map<string, auth.v1.Application>;
  /** The last client secret answered, by registration request id. */
  secrets: Map<string, string>;
  /** The next CreateApplication calls fail with these errors, in order. */
  failures: AppError[];
  /** Delay of each CreateApplication answer (to let concurrent approvals overlap). */
  delayMs: number;
  stop(): Promise<void>;
}

/** tenant id → partner id of the fake partners app. */
export const TENANTS: Record<string, string> = { tnt_a1: 'prt_a', tnt_a2: 'prt_a', tnt_b1: 'prt_b' };
export const PARTNERS = ['prt_a', 'prt_b'];

const CONFIDENTIAL = new Set(['WEB', 'SERVICE', 'SAML_SP']);
const silent = pino({ level: 'silent' });

function applicationOf(request: auth.v1.CreateApplicationRequest): auth.v1.Application {
  return auth.v1.Application.fromPartial({
    id: newId('application'),
    clientId: `cli_${randomBytes(8).toString('hex')}`,
    name: request.name,
    applicationType: request.applicationType,
    scope: request.scope,
    tenantId: request.tenantId,
    partnerId: request.partnerId,
    registrationRequestId: request.registrationRequestId,
    status: 'ACTIVE',
    confidential: CONFIDENTIAL.has(request.applicationType),
  });
}

function startServer(name: string, add: (server: grpc.Server) => void): GrpcServer {
  const server = createGrpcServer({ serviceName: name, host: '127.0.0.1', port: 0, logger: silent });
  add(server.server);
  return server;
}

export async function startFakeUpstreams(): Promise<FakeUpstreams> {
  const state = {
    calls: [] as CreateApplicationCall[],
    applications: new Map<string, auth.v1.Application>(),
    secrets: new Map<string, string>(),
    failures: [] as AppError[],
    delayMs: 0,
  };

  const authServer = startServer('fake-auth', (server) => {
    // Only the method this app calls; grpc-js answers UNIMPLEMENTED for the others.
    server.addService(auth.v1.ApplicationsServiceService, {
      createApplication: unary<auth.v1.CreateApplicationRequest, auth.v1.CreateApplicationResponse>(async (request, context) => {
        const traceparent = context.metadata.get('traceparent')[0];
        state.calls.push({ request, caller: context.caller, requestId: context.requestId, traceparent: traceparent?.toString() });
        if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
        const failure = state.failures.shift();
        if (failure) throw failure;
        const key = request.registrationRequestId ?? '';
        const existing = state.applications.get(key);
        const application = existing ?? applicationOf(request);
        state.applications.set(key, application);
        const clientSecret = application.confidential ? `sec_${randomBytes(16).toString('hex')}` : undefined;
        if (clientSecret) state.secrets.set(key, clientSecret);
        return { application, clientSecret, created: !existing };
      }),
    });
  });

  const partnersServer = startServer('fake-partners', (server) => {
    server.addService(partners.v1.TenantsServiceService, {
      getTenant: unary<partners.v1.GetTenantRequest, partners.v1.GetTenantResponse>(async (request) => {
        const partnerId = TENANTS[request.id];
        if (!partnerId) throw notFound('Tenant');
        return { tenant: partners.v1.Tenant.fromPartial({ id: request.id, partnerId, name: request.id, slug: request.id }) };
      }),
    });
    server.addService(partners.v1.PartnersServiceService, {
      getPartner: unary<partners.v1.GetPartnerRequest, partners.v1.GetPartnerResponse>(async (request) => {
        if (!PARTNERS.includes(request.id)) throw notFound('Partner');
        return { partner: partners.v1.Partner.fromPartial({ id: request.id, name: request.id, slug: request.id }) };
      }),
    });
  });

  const [authPort, partnersPort] = await Promise.all([authServer.start(), partnersServer.start()]);
  const fakes: FakeUpstreams = {
    authAddress: `127.0.0.1:${authPort}`,
    partnersAddress: `127.0.0.1:${partnersPort}`,
    calls: state.calls,
    applications: state.applications,
    secrets: state.secrets,
    failures: state.failures,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    async stop() {
      await Promise.all([authServer.stop(100), partnersServer.stop(100)]);
    },
  };
  return fakes;
}
