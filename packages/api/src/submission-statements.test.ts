import type { Db } from '@pakn/db';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from './test-fixture.ts';

/*
 * How many SQL statements one citizen submission costs, counted at the driver (every `execute` on the writer
 * connection and on its transactions, plus BEGIN and COMMIT). Each statement is CPU on the one event loop and
 * time inside the write lock (issue 11): the exact number is pinned so that it cannot grow back unnoticed. When
 * a change needs one more, raise the number here and say why in the commit.
 */

type Writer = NonNullable<Db['writer']>;
type InStatement = Parameters<Writer['execute']>[0];

let f: Fixture;
afterEach(() => f.close());

function sqlOf(stmt: InStatement): string {
  return (typeof stmt === 'string' ? stmt : stmt.sql).replace(/\s+/g, ' ').trim().slice(0, 100);
}

/** Records every statement the fixture's database (in memory: one writer connection) runs from now on. */
function countStatements(fixture: Fixture): string[] {
  const seen: string[] = [];
  const writer = fixture.db.writer;
  if (!writer) throw new Error('The fixture database is local: it has a writer connection');
  const execute = writer.execute.bind(writer);
  const begin = writer.begin.bind(writer);
  writer.execute = (stmt) => {
    seen.push(sqlOf(stmt));
    return execute(stmt);
  };
  writer.begin = () => {
    seen.push('BEGIN');
    const tx = begin();
    const txExecute = tx.execute.bind(tx);
    const commit = tx.commit.bind(tx);
    tx.execute = (stmt) => {
      seen.push(sqlOf(stmt));
      return txExecute(stmt);
    };
    tx.commit = () => {
      seen.push('COMMIT');
      commit();
    };
    return tx;
  };
  return seen;
}

describe('the statements of a citizen submission', () => {
  // Outside the write lock: the site, the idempotency key (a retry answers at once), the category. Inside:
  // BEGIN, the proof, the reference, the case (returned by its INSERT), its search index (7, case-search.ts),
  // its first event, the receipt, the audit entry (2), COMMIT. The list key goes in with the case's INSERT
  // (computed before it, newCaseQueueKey). Issue 11 started from 23, then 21 with the key read back and stored.
  const STEADY = 19;

  it(`runs ${STEADY} statements, and three more for the first (a purge of expired proofs, the calendars loaded)`, async () => {
    f = await createFixture();
    const proofs = [await f.proof(), await f.proof()];
    const seen = countStatements(f);
    // The first submission of a process purges (nothing is known of the table yet) and loads the working
    // calendars (2 reads, then cached); the next within the purge interval does neither.
    await f.submit({ proof: proofs[0] });
    expect(seen, seen.join('\n')).toHaveLength(STEADY + 3);
    expect(seen.filter((sql) => sql.includes('FROM year_schedules'))).toHaveLength(1);
    expect(seen.filter((sql) => sql.startsWith('DELETE FROM used_proofs'))).toHaveLength(1);
    seen.length = 0;
    await f.submit({ proof: proofs[1] });
    expect(seen, seen.join('\n')).toHaveLength(STEADY);
    expect(seen.filter((sql) => sql.includes('used_proofs WHERE expires_at'))).toEqual([]);
    // One read of the site, one idempotency lookup, no read of the new case after it was written.
    expect(seen.filter((sql) => sql.includes('FROM sites'))).toHaveLength(1);
    expect(seen.filter((sql) => sql.includes('FROM submissions'))).toHaveLength(1);
    expect(seen.filter((sql) => sql.startsWith('SELECT id, reference, channel'))).toEqual([]);
  });

  it('answers a retry of a stored submission with three reads and no write', async () => {
    f = await createFixture();
    const proof = await f.proof();
    const idempotencyKey = 'retry-key-0123456789';
    const first = await f.submit({ proof, idempotencyKey });
    const seen = countStatements(f);
    expect(await f.submit({ proof, idempotencyKey })).toEqual(first);
    // The site, the stored receipt, its case (for the reference and date).
    expect(seen, seen.join('\n')).toHaveLength(3);
    expect(seen).not.toContain('BEGIN');
  });
});

describe('the statements of a tracking lookup', () => {
  it('reads the case, its public events and its category label (the calendars are cached)', async () => {
    f = await createFixture();
    const receipt = await f.submit();
    await f.citizen().case.track(receipt);
    const seen = countStatements(f);
    await f.citizen().case.track(receipt);
    expect(seen, seen.join('\n')).toHaveLength(3);
  });
});
