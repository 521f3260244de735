import type { CloudEvent } from './cloud-event.ts';
import type { SqlClient } from './sql-client.ts';
import { subjectFor } from './subject.ts';
import type { TraceHeaders } from './trace-context.ts';

/** Writes events into `outbox_events` as part of the caller's transaction. */
export interface Outbox {
  /**
   * Call with the `tx` of the transaction that makes the state change, so the event
   * exists exactly when the change commits. The relay publishes it afterwards.
   */
  add(tx: SqlClient, event: CloudEvent): Promise<void>;
}

/** An outbox on its own, for code (and tests) that writes events without a NATS connection. */
export function createOutbox(options: { subjectPrefix: string }): Outbox {
  return {
    async add(tx, event) {
      const subject = subjectFor(event.type, options.subjectPrefix);
      const trace: TraceHeaders = {};
      if (event.traceparent) trace.traceparent = event.traceparent;
      if (event.tracestate) trace.tracestate = event.tracestate;
      await tx.$executeRawUnsafe(
        'INSERT INTO outbox_events (id, subject, payload, headers) VALUES ($1, $2, $3::jsonb, $4::jsonb)',
        event.id,
        subject,
        JSON.stringify(event),
        trace.traceparent ? JSON.stringify(trace) : null,
      );
    },
  };
}
