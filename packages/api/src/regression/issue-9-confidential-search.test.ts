import { listAudit } from '@pakn/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, type StaffKey } from '../test-fixture.ts';

/**
 * Issue 9, defects 1 and 2: a unit recovered a confidential caller's phone number digit by digit through the
 * inbox search, after a merge and after a follow-up call; prefix searches defeated masking for every role;
 * and no identity search was audited.
 */
let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(() => f.close());

const refs = async (who: StaffKey, q: string) => (await f.as(who).case.inbox({ status: 'all', q })).items.map((c) => c.reference);

/** Every prefix of a number from 3 digits to the whole, in the forms people type: 09…, 84…, +84 …, bare. */
function phonePrefixes(phone: string): string[] {
  const national = phone.slice(1);
  const forms = [phone, `84${national}`, national];
  return forms.flatMap((form) => Array.from({ length: form.length - 2 }, (_, i) => form.slice(0, i + 3)));
}

async function atUnit(description: string, extra: Record<string, unknown> = {}) {
  const receipt = await f.submit({ description, ...extra });
  const caseId = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference)!.id;
  await f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' });
  await f.forward(caseId, 'ward-a');
  return { caseId, reference: receipt.reference };
}

describe('issue 9: a confidential phone number never leaks through search', () => {
  it('merge: a confidential duplicate merged into an open case is not found by the unit, whole or by prefix', async () => {
    const primary = await atUnit('Phường hẹn trả kết quả chứng thực ba lần vẫn chưa trả.', {
      contact: { name: 'Vũ Minh Đức', phone: '0904567890' },
      consent: true,
      confidential: false,
    });
    const duplicate = await f.as('intake').intake.logContact({
      channel: 'hotline',
      summary: 'Công dân gọi phản ánh phường chậm trả kết quả chứng thực.',
      contact: { phone: '0977 123 456' },
      confidential: true,
    });
    await f.as('intake').case.merge({ primaryId: primary.caseId, duplicateId: duplicate.caseId });
    for (const q of phonePrefixes('0977123456')) {
      expect(await refs('handlerA', q), q).toEqual([]);
      expect(await refs('headA', q), q).toEqual([]);
    }
  });

  it('follow-up call: a confidential caller about an open case is not found by the unit, whole or by prefix', async () => {
    const open = await atUnit('Phường hẹn trả sổ đỏ ba lần vẫn chưa có kết quả.', {
      contact: { name: 'Vũ Minh Đức', phone: '0904567890' },
      consent: true,
      confidential: false,
    });
    await f.as('intake').intake.logContact({
      channel: 'zalo',
      existingCaseId: open.caseId,
      summary: 'Người nhà gọi lại hỏi tiến độ giải quyết hồ sơ.',
      contact: { phone: '0966 222 333' },
      confidential: true,
    });
    for (const q of phonePrefixes('0966222333')) {
      expect(await refs('handlerA', q), q).toEqual([]);
      expect(await refs('headA', q), q).toEqual([]);
    }
  });
});

describe('issue 9: prefix search does not defeat masking', () => {
  it('lets a unit find a citizen who did not ask for confidentiality by the whole number only', async () => {
    const open = await atUnit('Phường hẹn trả sổ đỏ ba lần vẫn chưa có kết quả.', {
      contact: { name: 'Vũ Minh Đức', phone: '0904567890' },
      consent: true,
      confidential: false,
    });
    for (const q of phonePrefixes('0904567890').filter((p) => p.length < 9)) expect(await refs('handlerA', q), q).toEqual([]);
    for (const q of ['0904567890', '0904 567 890', '+84 904 567 890', '84904567890']) expect(await refs('handlerA', q), q).toEqual([open.reference]);
  });

  it('lets the Centre find a confidential citizen by the whole number and email only, never by a prefix', async () => {
    const secret = await atUnit('Cán bộ phường đòi tiền bồi dưỡng khi chứng thực hợp đồng.', {
      contact: { name: 'Phạm Quốc Đạt', phone: '0903456789', email: 'quocdat.pham@example.vn' },
      consent: true,
      confidential: true,
    });
    for (const q of [...phonePrefixes('0903456789').filter((p) => p.length < 9), 'quocdat', 'quocdat.pham@exam', 'pham@example.vn']) {
      expect(await refs('intake', q), q).toEqual([]);
      expect(await refs('director', q), q).toEqual([]);
    }
    for (const q of ['0903456789', '+84 903 456 789', 'QuocDat.Pham@example.vn']) expect(await refs('intake', q), q).toEqual([secret.reference]);
    // Names by whole words, never by a prefix of one.
    expect(await refs('intake', 'pham quoc dat')).toEqual([secret.reference]);
    expect(await refs('intake', 'pha quo')).toEqual([]);
    // The administrator may not reveal identities: not even the whole number finds the case.
    expect(await refs('admin', '0903456789')).toEqual([]);
  });
});

describe('issue 9: a search by identity is audited', () => {
  it('writes who searched, the masked terms and the cases found, never the number itself', async () => {
    const secret = await atUnit('Cán bộ phường đòi tiền bồi dưỡng khi chứng thực hợp đồng.', {
      contact: { name: 'Phạm Quốc Đạt', phone: '0903456789' },
      consent: true,
      confidential: true,
    });
    expect(await refs('intake', '0903 456 789')).toEqual([secret.reference]);
    const entries = await listAudit(f.db, { action: 'identity.search' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorKind: 'staff', actorId: 's-intake', after: { cases: [secret.caseId] } });
    const text = JSON.stringify(entries);
    expect(text).toContain('0903 *** 789');
    expect(text).not.toMatch(/0903456789|903456789|456 789|Phạm|Pham/);
  });
});
