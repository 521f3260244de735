import { v7 as uuidv7 } from 'uuid';
import { activeTraceHeaders } from './trace-context.ts';

/**
 * A CloudEvents 1.0 event in structured JSON mode. `tenantid`/`partnerid` are this
 * platform's extensions; `traceparent`/`tracestate` are the CloudEvents
 * distributed-tracing extension, so a consumer continues the producer's trace.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
  tenantid?: string;
  partnerid?: string;
  traceparent?: string;
  tracestate?: string;
}

export interface CreateEventInput<T> {
  /** `/apps/<app>` */
  source: string;
  /** `scai.<domain>.<entity>.<verb>` */
  type: string;
  /** What the event is about inside the source, typically the entity id. */
  subject?: string;
  data: T;
  tenantId?: string | null;
  partnerId?: string | null;
}

// Lower-case dotted tokens; at least `scai.<domain>.<something>`. Wildcards are for
// consumer filters, never for an event's own type.
const EVENT_TYPE = /^[a-z][a-z0-9_-]*(\.[A-Za-z0-9_-]+){2,}$/;

/** A new event with a UUIDv7 id, the current time and the active trace context. */
export function createEvent<T>(input: CreateEventInput<T>): CloudEvent<T> {
  if (!EVENT_TYPE.test(input.type)) {
    throw new TypeError(`event type "${input.type}" is not of the form scai.<domain>.<entity>.<verb>`);
  }
  if (!input.source) throw new TypeError('event source is required');
  const event: CloudEvent<T> = {
    specversion: '1.0',
    id: uuidv7(),
    source: input.source,
    type: input.type,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: input.data,
  };
  if (input.subject !== undefined) event.subject = input.subject;
  if (input.tenantId) event.tenantid = input.tenantId;
  if (input.partnerId) event.partnerid = input.partnerId;
  return { ...event, ...activeTraceHeaders() };
}

/**
 * Checks that a decoded message body has the envelope's required attributes; anything
 * else is a poison message that no retry can fix.
 */
export function isCloudEvent(value: unknown): value is CloudEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.specversion === '1.0' &&
    typeof v.id === 'string' &&
    v.id.length > 0 &&
    typeof v.source === 'string' &&
    typeof v.type === 'string' &&
    typeof v.time === 'string' &&
    'data' in v
  );
}
