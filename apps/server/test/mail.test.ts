import { Db, enqueueMessage, migrate, outboxStats } from '@pakn/db';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpTransport, startOutboxWorker } from '../src/mailer.ts';

interface Received {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
}

let db: Db;
let sink: SMTPServer;
let received: Received[];
let port: number;

beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  received = [];
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  port = (sink.server.address() as { port: number }).port;
});
afterEach(async () => {
  db.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

describe('mail over SMTP', () => {
  it('delivers queued notifications to a real SMTP server, with Vietnamese intact', async () => {
    await db.write((tx) =>
      enqueueMessage(
        tx,
        { recipient: 'xuly@pakn.example', subject: '[PAKN] Phản ánh PAKN-2026-000001 được chuyển đến đơn vị', body: 'Đề nghị đơn vị xử lý.', caseId: null },
        new Date(),
      ),
    );
    const stop = startOutboxWorker(db, smtpTransport(`smtp://127.0.0.1:${port}`, 'PAKN <pakn@pakn.example>'), 50);
    try {
      await expect.poll(() => received.length, { timeout: 5000 }).toBe(1);
    } finally {
      stop();
    }
    expect(received[0]!.to).toEqual(['xuly@pakn.example']);
    expect(received[0]!.from).toBe('pakn@pakn.example');
    expect(received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
    await expect.poll(async () => (await outboxStats(db)).sent).toBe(1);
  });

  it('keeps a message for later when the server is down, and retries it', async () => {
    await db.write((tx) => enqueueMessage(tx, { recipient: 'a@pakn.example', subject: 'Thử', body: 'Nội dung', caseId: null }, new Date()));
    const stop = startOutboxWorker(db, smtpTransport('smtp://127.0.0.1:1', 'pakn@pakn.example'), 50);
    try {
      await expect.poll(async () => (await outboxStats(db)).failing, { timeout: 5000 }).toBe(1);
    } finally {
      stop();
    }
    expect(received).toHaveLength(0);
    const row = (await db.execute('SELECT attempts, last_error, sent_at FROM outbox')).rows[0];
    expect(row?.attempts).toBe(1);
    expect(row?.sent_at).toBeNull();
    expect(String(row?.last_error)).toMatch(/ECONNREFUSED|connect/i);
  });
});
