/**
 * Blocks of one kind of subject (tenants, users or partners), by id, as the event stream
 * tells them. Each entry remembers when its block began (`since`, so tokens issued
 * before it stay refused after a later lift) and the time of the last event applied to
 * it (so an event that arrives after a newer one for the same id changes nothing: two
 * outbox relays may publish a few events out of order).
 */
export interface BlockEntry {
  /** Start of the current (or last) block, ms since the epoch; -Infinity when never blocked. */
  since: number;
  /** The block was lifted (reactivation); tokens issued before `since` stay refused. */
  lifted: boolean;
  /** Deleted: blocked for good, whatever comes later. */
  permanent: boolean;
  /** Time of the last event applied to this id, ms since the epoch. */
  updatedAt: number;
}

export interface BlockLedger {
  /** Blocks `id` from `at` on; `permanent` for deletions. Returns whether anything changed. */
  block(id: string, at: number, options?: { permanent?: boolean }): boolean;
  /** Lifts the block on `id` as of `at`. Returns whether anything changed. */
  lift(id: string, at: number): boolean;
  get(id: string): Readonly<BlockEntry> | undefined;
  /** Ids blocked right now (not lifted). */
  blockedIds(): string[];
}

export function createBlockLedger(): BlockLedger {
  const entries = new Map<string, BlockEntry>();

  return {
    block(id, at, options = {}) {
      const entry = entries.get(id);
      if (options.permanent) {
        if (entry?.permanent) return false;
        const since = entry && !entry.lifted ? Math.min(entry.since, at) : at;
        entries.set(id, { since, lifted: false, permanent: true, updatedAt: Math.max(entry?.updatedAt ?? at, at) });
        return true;
      }
      if (!entry) {
        entries.set(id, { since: at, lifted: false, permanent: false, updatedAt: at });
        return true;
      }
      if (entry.permanent || at < entry.updatedAt) return false;
      entry.updatedAt = at;
      // A repeated block (tenant.updated beside tenant.suspended) keeps the first start.
      if (!entry.lifted) return false;
      entry.since = at;
      entry.lifted = false;
      return true;
    },

    lift(id, at) {
      const entry = entries.get(id);
      if (!entry) {
        // Remembered so that an older block delivered after this lift stays stale.
        entries.set(id, { since: Number.NEGATIVE_INFINITY, lifted: true, permanent: false, updatedAt: at });
        return false;
      }
      if (entry.permanent || at < entry.updatedAt) return false;
      entry.updatedAt = at;
      if (entry.lifted) return false;
      entry.lifted = true;
      return true;
    },

    get: (id) => entries.get(id),

    blockedIds: () => [...entries].filter(([, entry]) => !entry.lifted).map(([id]) => id),
  };
}
