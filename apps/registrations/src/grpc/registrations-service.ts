import { badRequest, pagination } from '@scai/api';
import { requireCaller, unary, type ImplementationOf } from '@scai/grpc';
import { registrations } from '@scai/proto';
import { approveRegistration } from '../use-cases/approve-registration.ts';
import { cancelPublicRegistration } from '../use-cases/cancel-public-registration.ts';
import { cancelRegistration } from '../use-cases/cancel-registration.ts';
import { createPublicRegistration } from '../use-cases/create-public-registration.ts';
import { createRegistration } from '../use-cases/create-registration.ts';
import type { RegistrationDeps } from '../use-cases/deps.ts';
import { getRegistration } from '../use-cases/get-registration.ts';
import { listRegistrations } from '../use-cases/list-registrations.ts';
import { getPublicStatus } from '../use-cases/public-status.ts';
import { rejectRegistration } from '../use-cases/reject-registration.ts';
import { encodePublicStatus } from './encode-public-status.ts';
import { encodeRequest } from './encode-request.ts';

export const RegistrationsServiceDefinition = registrations.v1.RegistrationsServiceService;

/**
 * `registrations.v1.RegistrationsService`: decode → use case → encode. The three public
 * methods need no caller: the status token is the requester's proof.
 */
export function registrationsService(deps: RegistrationDeps): ImplementationOf<typeof RegistrationsServiceDefinition> {
  return {
    listRequests: unary(async (request, context) => {
      const { rows, total, page } = await listRegistrations(deps, requireCaller(context), {
        page: request.page?.page,
        pageSize: request.page?.pageSize,
        status: request.status,
        scope: request.scope,
      });
      const info = pagination(page, total);
      return {
        requests: rows.map(encodeRequest),
        pageInfo: { page: info.page, pageSize: info.page_size, total: info.total, totalPages: info.total_pages },
      };
    }),
    createRequest: unary(async (request, context) => {
      const row = await createRegistration(deps, requireCaller(context), request);
      return { request: encodeRequest(row) };
    }),
    getRequest: unary(async (request, context) => {
      return { request: encodeRequest(await getRegistration(deps, requireCaller(context), request.id)) };
    }),
    cancelRequest: unary(async (request, context) => {
      return { request: encodeRequest(await cancelRegistration(deps, requireCaller(context), request.id)) };
    }),
    approveRequest: unary(async (request, context) => {
      const outcome = await approveRegistration(deps, requireCaller(context), request.id, request.notes);
      return {
        request: encodeRequest(outcome.row),
        applicationId: outcome.applicationId,
        clientId: outcome.clientId,
        clientSecret: outcome.clientSecret ?? undefined,
      };
    }),
    rejectRequest: unary(async (request, context) => {
      return { request: encodeRequest(await rejectRegistration(deps, requireCaller(context), request.id, request.reason)) };
    }),
    createPublicRequest: unary(async (request) => {
      if (!request.registration) throw badRequest('registration is required');
      const { id, statusToken } = await createPublicRegistration(deps, request.registration);
      return { requestId: id, statusToken };
    }),
    getPublicRequestStatus: unary(async (request) => {
      const { row, clientSecret } = await getPublicStatus(deps, request.id, request.statusToken);
      return { status: encodePublicStatus(row, clientSecret) };
    }),
    cancelPublicRequest: unary(async (request) => {
      return { status: encodePublicStatus(await cancelPublicRegistration(deps, request.id, request.statusToken), null) };
    }),
  };
}
