import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { inject } from 'vitest';

export interface StreamEvent {
  type: string;
  subject?: string;
  data: Record<string, unknown>;
}

/** Every event of one app on the platform's stream so far (`<prefix>.<app>.>`), read with an ordered consumer from the start. */
export async function appEvents(nc: NatsConnection, app: string): Promise<StreamEvent[]> {
  const consumer = await jetstream(nc).consumers.get(inject('eventsStream'), { filter_subjects: `${inject('eventsSubjectPrefix')}.${app}.>` });
  const events: StreamEvent[] = [];
  const pending = (await consumer.info(true)).num_pending;
  if (pending === 0) return events;
  const messages = await consumer.fetch({ max_messages: pending, expires: 2000 });
  for await (const message of messages) {
    events.push(message.json<StreamEvent>());
    if (message.info.pending === 0) break;
  }
  return events;
}

/** Polls until the app's events hold `count` matches (the outbox relay publishes shortly after the request). */
export async function eventuallyMatching(nc: NatsConnection, app: string, predicate: (event: StreamEvent) => boolean, count = 1): Promise<StreamEvent[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = (await appEvents(nc, app)).filter(predicate);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`${count} matching ${app} event(s) not published within 10 s (found ${found.length})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
