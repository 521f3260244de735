import type { EventBus, EventHandler, Consumer, TransactionalDb } from '@scai/events';
import { decisionNotice, type DecidedRequest } from '../domain/decision-notice.ts';
import { REQUEST_EVENT_TYPES } from './request-events.ts';
import type { Notifier } from './notifier.ts';

interface DecidedRow {
  id: string;
  name: string;
  contact_email: string;
  contact_name: string | null;
  status: string;
  client_id: string | null;
  rejection_reason: string | null;
}

/** Reads the contact from the row (events carry no personal data) and sends the notice. */
export function notifyRequesterHandler(notifier: Notifier): EventHandler {
  return async (event, tx) => {
    const id = event.subject ?? (event.data as { id?: string } | null)?.id;
    if (!id) return;
    const rows = await tx.$queryRawUnsafe<DecidedRow[]>(
      'SELECT id, name, contact_email, contact_name, status::text AS status, client_id, rejection_reason FROM registration_requests WHERE id = $1',
      id,
    );
    const row = rows[0];
    if (!row) return;
    const request: DecidedRequest = {
      id: row.id,
      name: row.name,
      contactEmail: row.contact_email,
      contactName: row.contact_name,
      status: row.status,
      clientId: row.client_id,
      rejectionReason: row.rejection_reason,
    };
    const notice = decisionNotice(request);
    if (notice) await notifier.send(notice);
  };
}

export const NOTIFY_DURABLES = {
  approved: 'registrations-notify-approved',
  rejected: 'registrations-notify-rejected',
} as const;

/** One durable per decision (nats-server 2.9 has no multi-subject filters); each event is handled once. */
export async function startRequesterNotifications(bus: EventBus, db: TransactionalDb, notifier: Notifier): Promise<Consumer[]> {
  const handler = notifyRequesterHandler(notifier);
  return Promise.all([
    bus.consume({ durable: NOTIFY_DURABLES.approved, filter: REQUEST_EVENT_TYPES.approved, db, handler }),
    bus.consume({ durable: NOTIFY_DURABLES.rejected, filter: REQUEST_EVENT_TYPES.rejected, db, handler }),
  ]);
}
