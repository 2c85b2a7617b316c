import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type DbMode, type Fixture } from './test-fixture.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

// Issue 5, search: the inbox's `q`, on the embedded database and on a remote libsql server.
describe.each<DbMode>(['embedded', 'remote'])('searching the inbox (%s database)', (mode) => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture(mode);
  });
  afterEach(() => f.close());

  async function submitted(description: string, extra: Record<string, unknown> = {}): Promise<{ caseId: string; reference: string }> {
    const receipt = await f.submit({ description, ...extra });
    const found = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference);
    return { caseId: found!.id, reference: receipt.reference };
  }

  async function forwarded(description: string, unitId: 'ward-a' | 'ward-b', extra: Record<string, unknown> = {}) {
    const c = await submitted(description, extra);
    await f.as('intake').case.classify({ caseId: c.caseId, scope: 'in', category: 'late_result' });
    await f.forward(c.caseId, unitId);
    return c;
  }

  const refs = async (who: Parameters<Fixture['as']>[0], q: string, status: 'open' | 'all' = 'all') =>
    (await f.as(who).case.inbox({ status, q })).items.map((c) => c.reference);

  it('finds a case typed without diacritics, đ included, and by its reference', async () => {
    const land = await submitted('Hồ sơ đất đai ở đường Đê La Thành, phường Ô Chợ Dừa bị trả chậm nhiều ngày.');
    const other = await submitted('Cán bộ bộ phận một cửa yêu cầu nộp thêm giấy tờ ngoài quy định.');
    expect(await refs('intake', 'duong de la thanh')).toEqual([land.reference]);
    expect(await refs('intake', 'Đường Đê La Thành')).toEqual([land.reference]);
    expect(await refs('intake', 'o cho dua')).toEqual([land.reference]);
    expect(await refs('intake', 'giay to')).toEqual([other.reference]);
    expect(await refs('intake', other.reference.toLowerCase())).toEqual([other.reference]);
    expect(await refs('intake', 'hoan kiem')).toEqual([]);
    // No search terms: the usual inbox.
    expect((await refs('intake', '  ')).sort()).toEqual([land.reference, other.reference].sort());
  });

  it('issue 11: pages whole identity matches first, then the words, each case once, from where the last page ended', async () => {
    const named = [];
    for (const words of ['Hồ sơ đổi giấy phép lái xe trả chậm.', 'Hồ sơ khai sinh trả chậm, không ai giải thích.']) {
      named.push(await submitted(words, { contact: { name: 'Ngô Thị Hằng', phone: '0912000111' }, consent: true }));
    }
    // Her name among another case's words: found by them, after the identity matches.
    const mentioned = await submitted('Chị Ngô Thị Hằng ở cùng tổ dân phố cũng bị trả hồ sơ chậm.', { contact: { name: 'Lý Văn Cường' }, consent: true });
    const whole = await refs('director', 'ngo thi hang');
    expect(whole).toHaveLength(3);
    expect(new Set(whole.slice(0, 2))).toEqual(new Set(named.map((c) => c.reference)));
    expect(whole[2]).toBe(mentioned.reference);
    for (const limit of [1, 2]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await f.as('director').case.inbox({ status: 'all', q: 'ngo thi hang', limit, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((c) => c.reference));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(seen, `pages of ${limit}`).toEqual(whole);
    }
    // A cursor from before search positions (an offset) is refused clearly, not read as another page.
    const offset = Buffer.from(JSON.stringify({ k: 's', n: 2 })).toString('base64url');
    await expect(f.as('director').case.inbox({ status: 'all', q: 'ngo thi hang', cursor: offset })).rejects.toThrow(TRPCError);
  });

  it('ranks the better match first', async () => {
    const once = await submitted('Phường chậm trả kết quả chứng thực bản sao giấy khai sinh của gia đình tôi.');
    const often = await submitted('Chứng thực, chứng thực, chứng thực: ba lần đến chứng thực đều bị hẹn lại.');
    expect(await refs('intake', 'chung thuc')).toEqual([often.reference, once.reference]);
  });

  it("finds a case by the citizen's whole phone number and name for the Centre, never by a part of either (issue 9)", async () => {
    const c = await submitted('Hồ sơ cấp đổi giấy phép lái xe bị trả chậm so với giấy hẹn.', {
      contact: { name: 'Đặng Thị Hường', phone: '0912 345 678' },
      consent: true,
    });
    await f.submit({ contact: { name: 'Lê Văn Tám', phone: '0987000111' }, consent: true });
    expect(await refs('director', '0912345678')).toEqual([c.reference]);
    expect(await refs('director', '0912 345 678')).toEqual([c.reference]);
    expect(await refs('director', '+84 912 345 678')).toEqual([c.reference]);
    expect(await refs('director', '345678')).toEqual([]);
    expect(await refs('director', '912345')).toEqual([]);
    expect(await refs('intake', 'dang thi huong')).toEqual([c.reference]);
    expect(await refs('intake', 'dang thi hu')).toEqual([]);
  });

  it("never lets a unit find a confidential case by the citizen's name or phone, but by its text", async () => {
    const secret = await forwarded('Cán bộ phường đòi tiền bồi dưỡng khi chứng thực hợp đồng.', 'ward-a', {
      contact: { name: 'Phạm Quốc Đạt', phone: '0903456789' },
      consent: true,
      confidential: true,
    });
    const open = await forwarded('Phường hẹn trả sổ đỏ ba lần vẫn chưa có kết quả.', 'ward-a', {
      contact: { name: 'Vũ Minh Đức', phone: '0904567890' },
      consent: true,
      confidential: false,
    });
    for (const q of ['pham quoc dat', 'Phạm Quốc Đạt', 'quoc dat', '0903456789', '903456', 'boi duong pham']) {
      expect(await refs('handlerA', q), q).toEqual([]);
      expect(await refs('headA', q), q).toEqual([]);
    }
    expect(await refs('handlerA', 'boi duong chung thuc')).toEqual([secret.reference]);
    expect(await refs('handlerA', 'vu minh duc')).toEqual([open.reference]);
    expect(await refs('intake', 'pham quoc dat')).toEqual([secret.reference]);
    // Ids are random UUIDs, which may hold "0903" by chance (CI failed once on one): they are left out.
    const results = JSON.stringify(await f.as('handlerA').case.inbox({ q: 'boi duong' })).replace(UUID, '<id>');
    expect(results).toContain('<id>');
    expect(results).not.toMatch(/Phạm|0903/);
  });

  it("never shows a unit another unit's case, nor the Centre's call notes", async () => {
    const a = await forwarded('Trụ sở phường không có chỗ để xe cho người đến làm thủ tục.', 'ward-a');
    const b = await forwarded('Trụ sở phường không bố trí ghế ngồi chờ cho người cao tuổi.', 'ward-b');
    expect(await refs('handlerA', 'tru so phuong')).toEqual([a.reference]);
    expect(await refs('handlerB', 'tru so phuong')).toEqual([b.reference]);
    expect((await refs('intake', 'tru so phuong')).sort()).toEqual([a.reference, b.reference].sort());
    await f
      .as('intake')
      .intake.logContact({ channel: 'hotline', existingCaseId: a.caseId, summary: 'Người dân gọi lại, rất bức xúc vì phải gửi xe ngoài vỉa hè.' });
    expect(await refs('intake', 'buc xuc via he')).toEqual([a.reference]);
    expect(await refs('handlerA', 'buc xuc via he')).toEqual([]);
  });

  it('keeps the status filter: open cases only unless all are asked for', async () => {
    const c = await submitted('Hồ sơ chuyển mục đích sử dụng đất bị giữ quá hạn.');
    await f.as('intake').case.classify({
      caseId: c.caseId,
      scope: 'out',
      outOfScopeClass: 'litigation_or_penalty',
      referral: 'Đề nghị công dân gửi đơn đến Tòa án nhân dân có thẩm quyền.',
    });
    expect(await refs('intake', 'muc dich su dung dat', 'open')).toEqual([]);
    expect(await refs('intake', 'muc dich su dung dat', 'all')).toEqual([c.reference]);
  });

  it('never fails on hostile input', async () => {
    await submitted('Hồ sơ đăng ký kinh doanh bị trả lại không rõ lý do.');
    for (const q of [
      '"',
      '""',
      '"hồ sơ',
      "'; DROP TABLE cases; --",
      'NEAR(hồ sơ, 2)',
      'hồ NEAR sơ',
      '*',
      '* -',
      '-hồ',
      '(',
      ')',
      '(hồ OR sơ',
      'AND',
      'NOT',
      'OR OR',
      '{body}: hồ',
      'identity:0912',
      '^hồ',
      'hồ*sơ',
      '',
      '\u0000',
      '🙂',
    ]) {
      await expect(f.as('intake').case.inbox({ q }), q).resolves.toMatchObject({ items: expect.any(Array) });
      await expect(f.as('handlerA').case.inbox({ q }), q).resolves.toMatchObject({ items: expect.any(Array) });
    }
    expect(await refs('intake', '"hồ sơ" -kinh')).toHaveLength(1);
    await expect(f.as('intake').case.inbox({ q: 'x'.repeat(201) })).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'BAD_REQUEST');
  });

  it("follows a merge: the primary case is found by the duplicate's reference and words", async () => {
    const primary = await submitted('Hồ sơ cấp giấy chứng nhận quyền sử dụng đất bị trả chậm.');
    const duplicate = await f
      .as('intake')
      .intake.logContact({ channel: 'hotline', summary: 'Công dân gọi điện phản ánh việc cấp sổ hồng ở Thượng Thanh chậm.' });
    expect(await refs('intake', 'thuong thanh')).toEqual([duplicate.reference]);
    await f.as('intake').case.merge({ primaryId: primary.caseId, duplicateId: duplicate.caseId });
    expect(await refs('intake', 'thuong thanh', 'open')).toEqual([primary.reference]);
    expect((await refs('intake', 'thuong thanh', 'all')).sort()).toEqual([primary.reference, duplicate.reference].sort());
    expect(await refs('intake', duplicate.reference, 'open')).toEqual([primary.reference]);
  });

  it('follows a corrected summary, which only the Centre may correct and only before forwarding', async () => {
    const c = await submitted('Hồ sơ cấp giấy phép xây dựng nhà ở bị trả chậm.');
    expect(await refs('intake', 'hang bai')).toEqual([]);
    await f.as('intake').case.editSummary({ caseId: c.caseId, description: 'Hồ sơ cấp phép xây dựng ở phố Hàng Bài bị trả chậm hai tuần.' });
    expect(await refs('intake', 'hang bai')).toEqual([c.reference]);
    expect(await refs('intake', 'nha o')).toEqual([]);
    const view = await f.as('intake').case.get({ caseId: c.caseId });
    expect(view.events.at(-1)).toMatchObject({ kind: 'summary_edited', note: 'Hồ sơ cấp giấy phép xây dựng nhà ở bị trả chậm.' });
    await expect(f.as('handlerA').case.editSummary({ caseId: c.caseId, description: 'Một nội dung khác đủ dài để lưu.' })).rejects.toSatisfy(
      (e) => e instanceof TRPCError && e.code === 'FORBIDDEN',
    );
    await f.as('intake').case.classify({ caseId: c.caseId, scope: 'in', category: 'late_result' });
    await f.forward(c.caseId, 'ward-a');
    await expect(f.as('intake').case.editSummary({ caseId: c.caseId, description: 'Một nội dung khác đủ dài để lưu.' })).rejects.toSatisfy(
      (e) => e instanceof TRPCError && e.code === 'CONFLICT',
    );
    expect((await f.as('handlerA').case.get({ caseId: c.caseId })).events.map((e) => e.kind)).not.toContain('summary_edited');
  });
});
