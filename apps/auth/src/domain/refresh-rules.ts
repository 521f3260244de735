/** What the store knows about a presented refresh token. */
export interface RefreshTokenState {
  status: 'active' | 'rotated' | 'revoked';
  expiresAt: Date;
}

/**
 * What to do with a presented refresh token:
 * - `rotate`: spend it and issue the next token of the family;
 * - `revoke_family`: a spent token came back (stolen, or replayed), so every token of
 *   its family is revoked and the caller must sign in again;
 * - `reject`: unknown, revoked or expired.
 */
export type RefreshOutcome = 'rotate' | 'revoke_family' | 'reject';

export function refreshOutcome(state: RefreshTokenState | null, now: Date): RefreshOutcome {
  if (!state) return 'reject';
  if (state.status === 'rotated') return 'revoke_family';
  if (state.status === 'revoked') return 'reject';
  if (state.expiresAt.getTime() <= now.getTime()) return 'reject';
  return 'rotate';
}
