import type { Caller } from '@scai/permissions';
import { assertMayApprove } from '../domain/approval-rights.ts';
import { sealSecret } from '../domain/secret-box.ts';
import type { RegistrationRequest } from '../generated/prisma/client.ts';
import type { RegistrationDeps } from './deps.ts';
import { moveRequest } from './move-request.ts';

export interface ApprovalOutcome {
  row: RegistrationRequest;
  applicationId: string;
  clientId: string;
  /**
   * Shown to this caller once; never stored here. Null for a PUBLIC request: its secret
   * belongs to the anonymous requester, who reads it once with the status token.
   */
  clientSecret: string | null;
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Approves a PENDING request: the auth app creates the application (idempotent on the
 * request id, as the caller, with this call's request id and trace), then the request
 * becomes APPROVED with the application's ids. If the auth call fails nothing changes.
 *
 * A PUBLIC request's requester is not there to receive the secret, and the auth app keeps
 * only its hash: so, for those requests only, the secret is kept sealed (AES-256-GCM,
 * bound to the request id) in the same transaction until the requester's first status
 * read, which clears it; the approving admin does not see it.
 */
export async function approveRegistration(
  deps: RegistrationDeps,
  caller: Caller,
  id: string,
  notes: string | null | undefined,
): Promise<ApprovalOutcome> {
  const { row, result } = await moveRequest(deps, caller, id, 'approve', {
    authorize: (request) => assertMayApprove(caller, request, { requireSecondAdmin: deps.settings.requireSecondAdmin }),
    async perform(pending) {
      const response = await deps.applications.createApplication(
        {
          name: pending.name,
          description: pending.description ?? undefined,
          applicationType: pending.applicationType,
          scope: pending.scope,
          tenantId: pending.tenantId ?? undefined,
          partnerId: pending.partnerId ?? undefined,
          redirectUris: pending.redirectUris,
          postLogoutRedirectUris: pending.postLogoutRedirectUris,
          allowedOrigins: pending.allowedOrigins,
          allowedScopes: pending.requestedScopes,
          grantTypes: pending.grantTypes,
          tokenLifetime: 0,
          registrationRequestId: pending.id,
        },
        { caller, deadlineMs: deps.settings.grpcDeadlineMs },
      );
      const application = response.application;
      if (!application) throw new Error('auth CreateApplication answered without an application');
      const secret = response.clientSecret || null;
      const forRequester = pending.source === 'PUBLIC';
      return {
        data: {
          reviewedBy: caller.subject,
          reviewedAt: new Date(),
          reviewNotes: text(notes),
          applicationId: application.id,
          clientId: application.clientId,
          ...(forRequester && secret ? { pendingSecret: sealSecret(deps.secrets.credentialsKey, secret, pending.id) } : {}),
        },
        result: { applicationId: application.id, clientId: application.clientId, clientSecret: forRequester ? null : secret },
      };
    },
  });
  return { row, ...result };
}
