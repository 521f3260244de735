import { canReachPartner, canReachTenant, type Reach } from '@scai/permissions';

/** Who owns a target: a partner, or a tenant under a partner. */
export interface Owner {
  partnerId: string;
  tenantId: string | null;
}

/** Whether a caller's reach (from the permissions library) covers a target's owner. */
export function reaches(reach: Reach | null, owner: Owner): boolean {
  if (!reach) return false;
  if (owner.tenantId === null) return canReachPartner(reach, owner.partnerId);
  return canReachTenant(reach, { id: owner.tenantId, partnerId: owner.partnerId });
}

/**
 * Whether a target's id may appear in what the caller reads: what it reaches, and the
 * partner its own tenant belongs to (every record of the tenant names it).
 */
export function visibleTo(reach: Reach | null, owner: Owner): boolean {
  if (reaches(reach, owner)) return true;
  return owner.tenantId === null && reach?.level === 'tenant' && reach.partnerId === owner.partnerId;
}

export interface Cell {
  status: number;
  body: string;
}

/**
 * The verdict on one answer, or `null` when it is allowed. Out of reach: 401, 403 or 404,
 * never a 2xx. In reach: a read answers 200, or 403 when the caller's role lacks the
 * route's permission; a super admin is never refused. Never a 5xx, always the envelope.
 */
export function judgeCell(cell: Cell, expected: { inReach: boolean; read: boolean; unrestricted: boolean }): string | null {
  if (cell.status >= 500) return `answered ${cell.status}`;
  if (cell.status >= 400 && !/"error":\{"code":/.test(cell.body)) return `answered ${cell.status} outside the envelope`;
  if (!expected.inReach) return [401, 403, 404].includes(cell.status) ? null : `out of reach, answered ${cell.status}`;
  if (!expected.read) return null;
  if (expected.unrestricted) return cell.status === 200 ? null : `unrestricted caller, answered ${cell.status}`;
  return [200, 403].includes(cell.status) ? null : `in reach, answered ${cell.status}`;
}
