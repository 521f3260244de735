import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER } from '@scai/permissions';
import { auth } from '@scai/proto';
import { generateSecret } from './dev-secrets.ts';

export interface AdminResult {
  email: string;
  /** The password when it is known: given, or generated now; '' when the admin already existed. */
  password: string;
  created: boolean;
  /** True when the starter made the password up (and must show it once). */
  generated: boolean;
}

/**
 * Makes sure the super admin exists, through the auth app's `EnsureSuperAdmin` as the
 * system caller. Without a password a strong one is generated; auth leaves an existing
 * admin's password alone, so a generated one is only reported when the admin is new.
 */
export async function ensureSuperAdmin(authGrpcUrl: string, email: string, password: string | undefined): Promise<AdminResult> {
  const client = createChannelClient(auth.v1.UsersServiceClient, authGrpcUrl);
  try {
    const chosen = password || generateSecret().slice(0, 24);
    const response = await bindClient(client).ensureSuperAdmin(
      { email, password: chosen },
      { caller: SYSTEM_CALLER, deadlineMs: 15_000 },
    );
    const known = Boolean(password) || response.created;
    return { email, password: known ? chosen : '', created: response.created, generated: !password && response.created };
  } finally {
    client.close();
  }
}
