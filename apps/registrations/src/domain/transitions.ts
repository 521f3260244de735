import { conflict } from '@scai/api';
import type { RequestStatus } from './registration-values.ts';

export type RequestAction = 'approve' | 'reject' | 'cancel' | 'expire';

const PAST: Record<RequestAction, string> = { approve: 'approved', reject: 'rejected', cancel: 'cancelled', expire: 'expired' };

/** Only PENDING moves (domain.md); every other state is final, so any move from it is 409. */
export function assertPending(status: RequestStatus, action: RequestAction): void {
  if (status === 'PENDING') return;
  throw conflict(`Registration request is ${status}; only PENDING requests can be ${PAST[action]}`, { status });
}

export const TARGET_STATUS: Record<RequestAction, RequestStatus> = {
  approve: 'APPROVED',
  reject: 'REJECTED',
  cancel: 'CANCELLED',
  expire: 'EXPIRED',
};
