import { deliverOutbox, type MailTransport } from '@pakn/api';
import type { Db } from '@pakn/db';
import { createTransport } from 'nodemailer';
import { createLogger, type Logger } from './logger.ts';

/** SMTP through nodemailer, e.g. SMTP_URL=smtp://user:password@mail.example.gov.vn:587. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transport = createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** Delivers the outbox every `intervalMs` until stopped. One run at a time; errors are logged, never thrown. */
export function startOutboxWorker(db: Db, transport: MailTransport, intervalMs: number, logger: Logger = createLogger('info')): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await deliverOutbox(db, transport, new Date());
      // Counts only: a message's recipient is a citizen's address.
      if (result.failed > 0) logger.warn({ failed: result.failed }, 'mail: messages failed; they will be retried');
    } catch (error) {
      logger.error({ err: error }, 'mail: outbox delivery failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
