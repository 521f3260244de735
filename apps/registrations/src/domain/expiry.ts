const DAY_MS = 24 * 60 * 60 * 1000;

/** A PENDING request expires this long after it was filed (REGISTRATION_TTL_DAYS). */
export function expiresAt(createdAt: Date, ttlDays: number): Date {
  return new Date(createdAt.getTime() + ttlDays * DAY_MS);
}

export function isExpired(expiry: Date, now: Date): boolean {
  return expiry.getTime() <= now.getTime();
}
