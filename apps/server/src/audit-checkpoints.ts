import { createLogger, type Logger } from './logger.ts';
import { appendCheckpointFile, checkpointLine, createAuditCheckpoint, enqueueMessage, sealAuditChain, type AuditCheckpoint, type Db } from '@pakn/db';

export interface AuditCheckpointOptions {
  readonly file: string;
  /** A checkpoint at least this often while the chain grows. */
  readonly intervalMs: number;
  /** …and as soon as this many entries were added since the last one. */
  readonly everyEntries: number;
  /** Also queue each checkpoint as a mail to this address. */
  readonly mailTo?: string | undefined;
  /** How often the chain's head is looked at (one primary-key read). */
  readonly pollMs?: number;
  readonly now?: () => Date;
  /** Where a failed checkpoint is reported (they are never thrown). */
  readonly logger?: Logger;
}

export interface AuditCheckpointWriter {
  /** Writes a checkpoint now if the chain moved since the last one; resolves with it (or null). */
  checkpoint(): Promise<AuditCheckpoint | null>;
  /** Stops the timer and writes a last checkpoint: call before closing the database. */
  stop(): Promise<void>;
}

function mailBody(c: AuditCheckpoint): string {
  return [
    'Điểm neo của nhật ký kiểm tra PAKN. Lưu thư này: nó cho phép phát hiện việc sửa hoặc xoá nhật ký về sau.',
    'A checkpoint of the PAKN audit log. Keep this mail: it lets a later check detect edited or removed entries.',
    '',
    checkpointLine(c).trim(),
  ].join('\n');
}

/**
 * Anchors the audit chain outside the database: seals it under the current key, then appends a signed
 * checkpoint of its head to `file` at start, every `intervalMs` and after `everyEntries` new entries while it
 * grows, and at stop. Rows removed after the last checkpoint cannot be detected: these two numbers bound that
 * window. Errors are logged, never thrown: the server keeps serving, and the next tick tries again.
 */
export async function startAuditCheckpoints(db: Db, options: AuditCheckpointOptions): Promise<AuditCheckpointWriter> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger('info');
  let last: { seq: number; atMs: number } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const write = (): Promise<AuditCheckpoint | null> => {
    const run = queue.then(async () => {
      const at = now();
      const c = await createAuditCheckpoint(db, at);
      if (last && c.seq === last.seq) return null;
      appendCheckpointFile(options.file, c);
      last = { seq: c.seq, atMs: at.getTime() };
      if (options.mailTo) {
        const recipient = options.mailTo;
        await db.write((tx) =>
          enqueueMessage(tx, { recipient, subject: `[PAKN] Điểm neo nhật ký kiểm tra / Audit checkpoint #${c.seq}`, body: mailBody(c), caseId: null }, at),
        );
      }
      return c;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const tick = async () => {
    try {
      const head = await db.execute('SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_log');
      const seq = Number(head.rows[0]?.seq ?? 0);
      if (!last || seq === last.seq) return;
      if (seq - last.seq >= options.everyEntries || now().getTime() - last.atMs >= options.intervalMs) await write();
    } catch (error) {
      logger.error({ err: error }, 'audit: checkpoint failed');
    }
  };

  await sealAuditChain(db, now());
  await write();
  const timer = setInterval(() => void tick(), options.pollMs ?? Math.min(options.intervalMs, 5_000));
  timer.unref();
  return {
    checkpoint: write,
    async stop() {
      clearInterval(timer);
      try {
        await write();
      } catch (error) {
        logger.error({ err: error }, 'audit: last checkpoint failed');
      }
    },
  };
}
