import { randomUUID } from 'node:crypto';
import { insertCase, nextReference } from '@pakn/db';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, DESCRIPTION, type Fixture } from '../test-fixture.ts';

/** What a call refused with, or 'OK'. */
async function refusal(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/**
 * Issue 10: merging by reference looked the main case up in the inbox list, which holds only the oldest 500
 * cases, so a newer case could not be found. `case.findByReference` looks it up on the server, among all the
 * cases the caller may see.
 */
describe('issue 10: the main case of a merge is found by its reference on the server', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
    // 500 older cases, written straight into the database: more than the inbox list holds.
    const older = new Date(f.now.getTime() - 86_400_000);
    await f.db.write(async (tx) => {
      for (let i = 0; i < 500; i++) {
        const reference = await nextReference(tx, older.getUTCFullYear());
        const c = {
          id: randomUUID(),
          reference,
          accessKeyHash: 'x',
          channel: 'hotline',
          siteKey: null,
          reportedCategory: null,
          concernedUnitId: null,
        } as const;
        await insertCase(tx, { ...c, description: DESCRIPTION, contact: undefined, confidential: false, consentAt: null, lang: 'vi' }, older);
      }
    });
  });
  afterEach(() => f.close());

  const log = (f: Fixture) =>
    f.as('intake').intake.logContact({ channel: 'hotline', summary: 'Công dân gọi lại về hồ sơ cấp giấy phép xây dựng bị chậm.', confidential: false });

  it('finds the 501st case, which the inbox list does not hold, and merges into it', async () => {
    const newest = await log(f);
    const duplicate = await log(f);
    // The bug's cause: the list the portal searched (now a page of it) does not hold the newest cases.
    const listed = (await f.as('intake').case.inbox({ status: 'all' })).items;
    expect(listed).toHaveLength(50);
    expect(listed.some((c) => c.reference === newest.reference)).toBe(false);

    // Typed as people type it: lower case, spaces for dashes.
    const typed = newest.reference.toLowerCase().replaceAll('-', ' ');
    const found = await f.as('intake').case.findByReference({ reference: typed });
    expect(found).toEqual({ id: newest.caseId, reference: newest.reference, status: 'received' });

    const merged = await f.as('intake').case.merge({ primaryId: found.id, duplicateId: duplicate.caseId });
    expect(merged.reference).toBe(newest.reference);
    expect((await f.as('intake').case.get({ caseId: duplicate.caseId })).status).toBe('merged');
  });

  it('answers "not found" alike for a malformed, an unknown and an unseen reference', async () => {
    const atWardA = await log(f);
    await f.as('intake').case.classify({ caseId: atWardA.caseId, scope: 'in', category: 'late_result' });
    await f.forward(atWardA.caseId, 'ward-a');
    expect(await f.as('handlerA').case.findByReference({ reference: atWardA.reference })).toMatchObject({ id: atWardA.caseId });
    expect(await refusal(() => f.as('handlerB').case.findByReference({ reference: atWardA.reference }))).toBe('NOT_FOUND');
    expect(await refusal(() => f.as('handlerNoUnit').case.findByReference({ reference: atWardA.reference }))).toBe('NOT_FOUND');
    expect(await refusal(() => f.as('intake').case.findByReference({ reference: 'PAKN-2019-999999' }))).toBe('NOT_FOUND');
    expect(await refusal(() => f.as('intake').case.findByReference({ reference: 'không phải mã' }))).toBe('NOT_FOUND');
    expect(await refusal(() => f.anonymous().case.findByReference({ reference: atWardA.reference }))).toBe('UNAUTHORIZED');
  });
});
