import { performance } from 'node:perf_hooks';
// The timers module's own: a test's fake timers (which replace the global one) cannot stall the writer.
import { setImmediate as nextTurn } from 'node:timers';
import type { InStatement, ResultSet } from '@libsql/client';

/** What a write transaction's callback sees (Db's Executor). */
interface Statements {
  execute(stmt: InStatement): Promise<ResultSet>;
}

/** How large a group may grow: members, and milliseconds since it began (no member joins after either). */
export interface GroupCommitLimits {
  readonly maxMembers: number;
  readonly maxMs: number;
}

/**
 * 64 members or 20 ms: at the submission rate of a busy day a group rarely reaches either, and under a burst
 * the first member's acknowledgement waits at most about 20 ms (plus its group's last member) for the commit.
 */
const DEFAULT_GROUP_COMMIT: GroupCommitLimits = { maxMembers: 64, maxMs: 20 };

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

interface WriteJob {
  readonly kind: 'write';
  readonly fn: (tx: Statements) => Promise<unknown>;
  readonly settle: (outcome: Outcome) => void;
}

interface ExclusiveJob {
  readonly kind: 'exclusive';
  /** Runs the section and settles its caller's promise; never rejects. */
  readonly run: () => Promise<void>;
}

/**
 * A group's transaction on the one writer connection: LocalWriter's, synchronous (a local file or memory), or
 * @libsql/client's interactive one (an embedded replica). The queue awaits whatever either returns.
 */
export interface GroupTransaction {
  execute(stmt: InStatement): ResultSet | Promise<ResultSet>;
  commit(): void | Promise<void>;
  rollback(): void | Promise<void>;
  close(): void;
  /** Committed, rolled back, or ended by SQLite itself (a full disk, an I/O error). */
  readonly closed: boolean;
}

export interface WriteQueueHooks {
  /** Opens the group's transaction (BEGIN IMMEDIATE) on the one writer connection. */
  readonly begin: () => GroupTransaction | Promise<GroupTransaction>;
  /** Runs one member's callback (Db marks its async context as inside a write). */
  readonly run: (fn: (tx: Statements) => Promise<unknown>, tx: Statements) => Promise<unknown>;
  /** The connection failed to roll back: the next section reapplies its settings. */
  readonly lost: () => void;
}

const SAVEPOINT = 'pakn_member';

/** What a callback threw is passed on as it is; anything that is not an Error (never PAKN's) is wrapped. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error), { cause: error });
}

function usedAfterwards(): Promise<never> {
  return Promise.reject(new Error('A transaction of Db.write was used after its callback had finished'));
}

/** A member's statement on the group's transaction, while `open` says the member's callback still runs. */
function scopedTo(tx: GroupTransaction, open: { value: boolean }): Statements {
  return {
    execute(stmt) {
      if (!open.value) return usedAfterwards();
      try {
        return Promise.resolve(tx.execute(stmt));
      } catch (error) {
        return Promise.reject(asError(error));
      }
    },
  };
}

/**
 * The writer's queue on a local database: exclusive sections (a statement outside a transaction) run alone, in
 * order; write transactions that wait behind one another run together as one group commit.
 *
 * A group is one transaction (BEGIN IMMEDIATE … COMMIT) in which each member's callback after the first runs
 * inside its own SAVEPOINT, one member after the other: a member sees the earlier members' writes, as it would have after
 * their commits. A member that throws is rolled back to its savepoint and the group goes on without its
 * writes. The group commits once, when its first member is done and no further write waits, or when it
 * reaches its limits (GroupCommitLimits). Only then does any member's promise settle: a success is
 * acknowledged only once it is durable, and a failure is reported only once nothing of the group is pending,
 * so a caller that looks again (a retried submission) sees what the others committed. A failed COMMIT, or a
 * failure that ended the whole transaction (SQLite rolls it back on a full disk or an I/O error), fails
 * every member that had succeeded, with that error: none is acknowledged.
 *
 * Why: every COMMIT on a file with synchronous=FULL is an fsync, and it blocks the event loop; under load the
 * writes queue here anyway, so one fsync for all of them costs what one write did (issue 11).
 */
export class WriteQueue {
  readonly #hooks: WriteQueueHooks;
  readonly #limits: GroupCommitLimits;
  readonly #queue: (WriteJob | ExclusiveJob)[] = [];
  #draining = false;

  constructor(hooks: WriteQueueHooks, limits: GroupCommitLimits = DEFAULT_GROUP_COMMIT) {
    this.#hooks = hooks;
    this.#limits = limits;
  }

  write<T>(fn: (tx: Statements) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#schedule({ kind: 'write', fn, settle: (o) => (o.ok ? resolve(o.value as T) : reject(asError(o.error))) });
    });
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#schedule({ kind: 'exclusive', run: () => fn().then(resolve, reject) });
    });
  }

  /**
   * A synchronous section (a statement outside a transaction on LocalWriter): when nothing is queued or
   * running, at once, since nothing can come between its start and its end; otherwise in its turn.
   */
  immediate<T>(fn: () => T): Promise<T> {
    if (this.#draining) return this.exclusive(async () => fn());
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(asError(error));
    }
  }

  #schedule(job: WriteJob | ExclusiveJob): void {
    this.#queue.push(job);
    if (this.#draining) return;
    this.#draining = true;
    void this.#drain();
  }

  async #drain(): Promise<void> {
    try {
      for (let job = this.#queue.shift(); job; job = this.#queue.shift()) {
        if (job.kind === 'write') await this.#group(job);
        else await job.run();
        // One turn of the event loop before the next job: the local driver runs a whole group, its COMMIT's
        // fsync included, without one, so the requests that arrived meanwhile (socket reads, answers of the
        // read workers) only queue their writes now, and the next group takes them all.
        if (this.#queue.length === 0) await new Promise<void>((resolve) => nextTurn(resolve));
      }
    } finally {
      this.#draining = false;
    }
  }

  /** The next write to join a group of `size` members begun at `began`, if it may. */
  #nextMember(size: number, began: number): WriteJob | undefined {
    const head = this.#queue[0];
    if (head?.kind !== 'write' || size >= this.#limits.maxMembers || performance.now() - began >= this.#limits.maxMs) return undefined;
    this.#queue.shift();
    return head;
  }

  async #group(first: WriteJob): Promise<void> {
    let tx: GroupTransaction;
    try {
      tx = await this.#hooks.begin();
    } catch (error) {
      first.settle({ ok: false, error });
      return;
    }
    const members: { job: WriteJob; outcome: Outcome }[] = [];
    const began = performance.now();
    let failure: { error: unknown } | null = null;
    for (let job: WriteJob | undefined = first; job; job = this.#nextMember(members.length, began)) {
      const { outcome, lost } = members.length === 0 ? await this.#firstMember(tx, job) : await this.#member(tx, job);
      members.push({ job, outcome });
      if (lost) {
        failure = { error: outcome.ok ? new Error('The write transaction ended unexpectedly') : outcome.error };
        break;
      }
    }
    if (!failure) {
      try {
        await tx.commit();
      } catch (error) {
        failure = { error };
      }
    }
    if (failure && !tx.closed) {
      try {
        await tx.rollback();
      } catch {
        this.#hooks.lost();
      }
    }
    tx.close();
    // A member that failed keeps its own error; one that had succeeded takes the group's failure, if any.
    for (const { job, outcome } of members) job.settle(outcome.ok && failure ? { ok: false, error: failure.error } : outcome);
  }

  /**
   * The first member needs no savepoint: nothing else is in the transaction yet, so when it throws the whole
   * transaction is rolled back (and the writes waiting begin a group of their own). An idle server's write
   * runs exactly BEGIN, its statements, COMMIT.
   */
  async #firstMember(tx: GroupTransaction, job: WriteJob): Promise<{ outcome: Outcome; lost: boolean }> {
    const open = { value: true };
    try {
      const value = await this.#hooks.run(job.fn, scopedTo(tx, open));
      return { outcome: { ok: true, value }, lost: false };
    } catch (error) {
      return { outcome: { ok: false, error }, lost: true };
    } finally {
      open.value = false;
    }
  }

  /** A later member, in its savepoint; `lost` when the group's transaction cannot go on. */
  async #member(tx: GroupTransaction, job: WriteJob): Promise<{ outcome: Outcome; lost: boolean }> {
    try {
      await tx.execute(`SAVEPOINT ${SAVEPOINT}`);
    } catch (error) {
      return { outcome: { ok: false, error }, lost: true };
    }
    // A member's statements go to the group's transaction only while its callback runs: a stray one later
    // would land in another member's savepoint.
    const open = { value: true };
    try {
      const value = await this.#hooks.run(job.fn, scopedTo(tx, open));
      open.value = false;
      await tx.execute(`RELEASE ${SAVEPOINT}`);
      return { outcome: { ok: true, value }, lost: false };
    } catch (error) {
      open.value = false;
      // SQLite ends the whole transaction on some errors (a full disk, an I/O error): the group is lost.
      if (tx.closed) return { outcome: { ok: false, error }, lost: true };
      try {
        await tx.execute(`ROLLBACK TO ${SAVEPOINT}`);
        await tx.execute(`RELEASE ${SAVEPOINT}`);
        return { outcome: { ok: false, error }, lost: false };
      } catch {
        return { outcome: { ok: false, error }, lost: true };
      }
    }
  }
}
