import type { Logger } from 'pino';
import type { Notice } from '../domain/decision-notice.ts';

/** Delivers notices to people. An SMTP implementation can replace the logging one. */
export interface Notifier {
  send(notice: Notice): Promise<void>;
}

/** Writes each notice to the log (recipient, subject and body; notices never hold a secret). */
export function createLogNotifier(logger: Logger): Notifier {
  const log = logger.child({ component: 'notifier' });
  return {
    async send(notice) {
      log.info({ to: notice.to, subject: notice.subject, text: notice.text }, 'notification');
    },
  };
}
