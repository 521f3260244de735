import type { JsMsg } from '@nats-io/jetstream';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { isCloudEvent } from './cloud-event.ts';
import type { CloudEvent } from './cloud-event.ts';
import { traceFromHeaders } from './nats-headers.ts';
import { handleOnce } from './processed-events.ts';
import type { SqlClient, TransactionalDb } from './sql-client.ts';
import { contextFromTraceHeaders } from './trace-context.ts';

export interface MessageContext<Tx extends SqlClient> {
  durable: string;
  db: TransactionalDb<Tx>;
  handler: (event: CloudEvent, tx: Tx) => Promise<void>;
  maxDeliver: number;
  initialDelayMs: number;
  maxDelayMs: number;
  transactionTimeoutMs: number;
  logger: Logger;
}

export type MessageOutcome = 'handled' | 'duplicate' | 'failed' | 'rejected';

const tracer = trace.getTracer('@scai/events');

/** Delay before the next delivery after `delivery` failed: doubling, capped. */
export function retryDelayMs(delivery: number, initialDelayMs: number, maxDelayMs: number): number {
  return Math.min(initialDelayMs * 2 ** Math.max(delivery - 1, 0), maxDelayMs);
}

function decode(msg: JsMsg): CloudEvent | undefined {
  try {
    const body: unknown = msg.json();
    return isCloudEvent(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

function spanAttributes(msg: JsMsg, event: CloudEvent, durable: string): Record<string, string> {
  return {
    'messaging.system': 'nats',
    'messaging.operation.type': 'process',
    'messaging.destination.name': msg.subject,
    'messaging.consumer.group.name': durable,
    'messaging.message.id': event.id,
    'cloudevents.event_id': event.id,
    'cloudevents.event_type': event.type,
    'cloudevents.event_source': event.source,
  };
}

/**
 * Handles one delivery: the handler's transaction, then ack; on failure nak with
 * backoff, or term on the last allowed delivery. Runs in a span that continues the
 * producer's trace. `term()` is sent without a reason on purpose: nats-server 2.9 does
 * not recognise `+TERM <reason>` and would leave the message pending.
 */
export async function handleMessage<Tx extends SqlClient>(msg: JsMsg, ctx: MessageContext<Tx>): Promise<MessageOutcome> {
  const event = decode(msg);
  if (!event) {
    ctx.logger.error({ subject: msg.subject, seq: msg.seq }, 'message is not a CloudEvent; terminated');
    msg.term();
    return 'rejected';
  }
  const fromMessage = traceFromHeaders(msg.headers);
  const parent = contextFromTraceHeaders(
    fromMessage.traceparent ? fromMessage : { traceparent: event.traceparent, tracestate: event.tracestate },
  );
  const options = { kind: SpanKind.CONSUMER, attributes: spanAttributes(msg, event, ctx.durable) };
  return tracer.startActiveSpan(`process ${event.type}`, options, parent, async (span) => {
    try {
      const ran = await handleOnce(ctx.db, ctx.durable, event, ctx.handler, ctx.transactionTimeoutMs);
      msg.ack();
      span.setAttribute('scai.event.duplicate', !ran);
      return ran ? 'handled' : 'duplicate';
    } catch (err) {
      recordFailure(span, err);
      settleFailure(msg, event, err, ctx);
      return 'failed';
    } finally {
      span.end();
    }
  });
}

function recordFailure(span: Span, err: unknown): void {
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({ code: SpanStatusCode.ERROR });
}

function settleFailure<Tx extends SqlClient>(msg: JsMsg, event: CloudEvent, err: unknown, ctx: MessageContext<Tx>): void {
  const delivery = msg.info.deliveryCount;
  const log = { err, eventId: event.id, type: event.type, delivery, maxDeliver: ctx.maxDeliver };
  if (ctx.maxDeliver > 0 && delivery >= ctx.maxDeliver) {
    ctx.logger.error(log, 'event handler failed on its last delivery; giving up');
    msg.term();
    return;
  }
  const delayMs = retryDelayMs(delivery, ctx.initialDelayMs, ctx.maxDelayMs);
  ctx.logger.warn({ ...log, retryInMs: delayMs }, 'event handler failed; will retry');
  msg.nak(delayMs);
}
