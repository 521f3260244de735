import { JetStreamApiCodes, JetStreamApiError, StorageType } from '@nats-io/jetstream';
import type { JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';

/** JetStream drops a second message with the same `Nats-Msg-Id` within this window. */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

function isStreamNotFound(err: unknown): boolean {
  return err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound;
}

/**
 * Makes sure the events stream exists and captures `<prefix>.>` with a duplicate window
 * of at least two minutes. Several apps call this at start-up; creating a stream with
 * an identical config is idempotent on the server, so they do not race.
 */
export async function ensureStream(
  jsm: JetStreamManager,
  options: { stream: string; subjectPrefix: string; logger: Logger },
): Promise<void> {
  const subject = `${options.subjectPrefix}.>`;
  const window = nanos(DUPLICATE_WINDOW_MS);
  try {
    const { config } = await jsm.streams.info(options.stream);
    const subjects = config.subjects ?? [];
    const needsSubject = !subjects.includes(subject);
    const needsWindow = (config.duplicate_window ?? 0) < window;
    if (!needsSubject && !needsWindow) return;
    options.logger.info({ stream: options.stream, subject }, 'updating events stream');
    await jsm.streams.update(options.stream, {
      ...config,
      subjects: needsSubject ? [...subjects, subject] : subjects,
      duplicate_window: Math.max(config.duplicate_window ?? 0, window),
    });
  } catch (err) {
    if (!isStreamNotFound(err)) throw err;
    options.logger.info({ stream: options.stream, subject }, 'creating events stream');
    await jsm.streams.add({
      name: options.stream,
      subjects: [subject],
      storage: StorageType.File,
      duplicate_window: window,
    });
  }
}
