import { deliverOutbox, type MailTransport } from '@pakn/api';
import type { Db } from '@pakn/db';
import { createTransport } from 'nodemailer';

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
export function startOutboxWorker(db: Db, transport: MailTransport, intervalMs: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await deliverOutbox(db, transport, new Date());
      if (result.failed > 0) console.warn(`[mail] ${result.failed} message(s) failed; they will be retried`);
    } catch (error) {
      console.error('[mail] outbox delivery failed:', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
