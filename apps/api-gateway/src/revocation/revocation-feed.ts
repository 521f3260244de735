import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream } from '@nats-io/jetstream';
import { connectEvents, subjectFor, type EventBus, type EventsConfig } from '@scai/events';
import type { Logger } from '@scai/telemetry';
import { applyRevocationEvent, REVOCATION_FILTERS } from './revocation-events.ts';
import type { RevocationView } from './revocation-view.ts';
import { followStream, type StreamFollower } from './stream-follower.ts';

export interface RevocationFeedOptions {
  logger: Logger;
  /** NATS connection name. Default `api-gateway`. */
  name?: string;
  /** Pause between attempts to reach NATS, and before recreating a failed consumer. Default 1 s. */
  retryDelayMs?: number;
}

export interface RevocationFeed {
  /** Seeded (history replayed), connected to NATS, and every consumer running. */
  ready(): boolean;
  /** Resolves true once seeded, or false after `timeoutMs`. */
  whenSeeded(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Keeps `view` in step with the events stream: connects to NATS (retrying until it
 * can; the gateway starts without it and is not ready meanwhile), replays the retained
 * history of every revocation subject, marks the view seeded when all have caught up,
 * then follows new events as they come.
 */
export function startRevocationFeed(config: EventsConfig, view: RevocationView, options: RevocationFeedOptions): RevocationFeed {
  const logger = options.logger.child({ component: 'revocation-feed' });
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const stopping = new AbortController();
  const followers: StreamFollower[] = [];
  let bus: EventBus | null = null;
  let connected = false;
  let signalSeeded: () => void = () => undefined;
  const seeded = new Promise<void>((resolve) => {
    signalSeeded = resolve;
  });

  const watchConnection = async (events: EventBus) => {
    for await (const status of events.connection.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnecting' || status.type === 'close') connected = false;
      else if (status.type === 'reconnect') connected = true;
    }
  };

  const connect = async (): Promise<EventBus | null> => {
    while (!stopping.signal.aborted) {
      try {
        return await connectEvents(config, { logger, name: options.name ?? 'api-gateway' });
      } catch (err) {
        logger.warn({ err }, 'NATS unreachable; revocation view not loaded yet');
        await sleep(retryDelayMs, undefined, { signal: stopping.signal }).catch(() => undefined);
      }
    }
    return null;
  };

  const started = (async () => {
    bus = await connect();
    if (!bus) return;
    connected = !bus.connection.isClosed();
    void watchConnection(bus);
    const js = jetstream(bus.connection);
    let pending = REVOCATION_FILTERS.length;
    const startedAt = Date.now();
    for (const filter of REVOCATION_FILTERS) {
      followers.push(
        followStream({
          js,
          stream: config.stream,
          filterSubject: subjectFor(filter, config.subjectPrefix),
          logger,
          retryDelayMs,
          onEvent: (event) => {
            const change = applyRevocationEvent(view, event);
            if (change === 'blocked' || change === 'lifted') {
              logger.info({ type: event.type, subject: event.subject, eventId: event.id, change }, 'revocation view updated');
            }
          },
          onCaughtUp: () => {
            pending -= 1;
            if (pending > 0) return;
            view.markSeeded();
            signalSeeded();
            logger.info(
              { ms: Date.now() - startedAt, tenants: view.tenants.blockedIds().length, users: view.users.blockedIds().length },
              'revocation view seeded',
            );
          },
        }),
      );
    }
  })();

  return {
    ready: () => view.seeded && connected && bus !== null && !bus.connection.isClosed() && followers.every((f) => f.running),

    async whenSeeded(timeoutMs) {
      const timeout = new AbortController();
      const outcome = await Promise.race([
        seeded.then(() => true),
        sleep(timeoutMs, false, { signal: timeout.signal }).catch(() => false),
      ]);
      timeout.abort();
      return outcome;
    },

    async stop() {
      stopping.abort();
      await started;
      await Promise.all(followers.map((follower) => follower.stop()));
      await (bus as EventBus | null)?.close();
    },
  };
}
