import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CATEGORIES, BUILT_IN_CATEGORY_LABELS, CONFIDENTIAL_IDENTITY_SENTENCE, DEFAULT_LETTER_TEMPLATE } from '@pakn/domain';
import { createFixture, type DbMode, type Fixture, type StaffKey } from './test-fixture.ts';

/** Issue 5: categories and the forwarding-letter template as data the admin edits. */
describe.each<DbMode>(['embedded', 'remote'])('categories and templates (%s database)', (mode) => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture(mode);
  });
  afterEach(() => f.close());

  async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: Record<string, string> | null; message: string }> {
    try {
      await promise;
      return { code: 'OK', fields: null, message: '' };
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      const cause = error.cause as { fields?: Record<string, string> } | undefined;
      return { code: error.code, fields: cause?.fields ?? null, message: error.message };
    }
  }

  async function caseIdOf(reference: string): Promise<string> {
    return (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === reference)!.id;
  }

  const NEW_CATEGORY = {
    isNew: true,
    key: 'thu_tuc_dat_dai',
    label: { vi: 'Thủ tục đất đai bị kéo dài', en: 'Land procedures dragging on' },
    hint: { vi: 'Cấp giấy chứng nhận, chuyển nhượng…', en: 'Certificates, transfers…' },
  };

  it('starts with the seven built-in categories and their labels, in order', async () => {
    const categories = await f.as('admin').admin.categories();
    expect(categories.map((c) => c.key)).toEqual([...BUILT_IN_CATEGORIES]);
    expect(categories[0]).toEqual({ key: 'late_result', label: BUILT_IN_CATEGORY_LABELS.late_result, hint: null, position: 1, active: true });
    const config = await f.citizen().site.config({ siteKey: 'site-a' });
    expect(config.categories.map((c) => c.key)).toEqual([...BUILT_IN_CATEGORIES]);
    expect(config.categories[1]?.label).toEqual(BUILT_IN_CATEGORY_LABELS.harassment);
  });

  it('refuses every settings procedure to every role but the admin', async () => {
    const roles: StaffKey[] = ['intake', 'director', 'inspector', 'handlerA', 'headA'];
    for (const who of roles) {
      const c = f.as(who);
      expect((await refusal(c.admin.categories())).code, who).toBe('FORBIDDEN');
      expect((await refusal(c.admin.saveCategory(NEW_CATEGORY))).code, who).toBe('FORBIDDEN');
      expect((await refusal(c.admin.moveCategory({ key: 'harassment', direction: 'up' }))).code, who).toBe('FORBIDDEN');
      expect((await refusal(c.admin.letterTemplate())).code, who).toBe('FORBIDDEN');
      expect((await refusal(c.admin.saveLetterTemplate({ template: DEFAULT_LETTER_TEMPLATE }))).code, who).toBe('FORBIDDEN');
      expect((await refusal(c.admin.previewLetterTemplate({ template: DEFAULT_LETTER_TEMPLATE }))).code, who).toBe('FORBIDDEN');
      // Every staff member reads the labels.
      expect((await c.category.list()).length, who).toBe(BUILT_IN_CATEGORIES.length);
    }
    expect((await refusal(f.anonymous().category.list())).code).toBe('UNAUTHORIZED');
    expect((await refusal(f.as('admin', { hasCsrfHeader: false }).admin.saveCategory(NEW_CATEGORY))).code).toBe('FORBIDDEN');
    expect(await f.as('admin').admin.categories()).toHaveLength(BUILT_IN_CATEGORIES.length);
  });

  it('adds, renames and reorders categories, and the widget offers them in that order', async () => {
    const admin = f.as('admin').admin;
    await admin.saveCategory(NEW_CATEGORY);
    await admin.saveCategory({ isNew: false, key: 'harassment', label: { vi: 'Sách nhiễu, gây phiền hà', en: 'Harassment' } });
    await admin.moveCategory({ key: 'thu_tuc_dat_dai', direction: 'up' });
    const list = await admin.moveCategory({ key: 'harassment', direction: 'up' });
    expect(list.map((c) => c.key)).toEqual([
      'harassment',
      'late_result',
      'obstructing_choice',
      'refusing_or_extra_papers',
      'shirking_responsibility',
      'office_culture',
      'thu_tuc_dat_dai',
      'other_violation',
    ]);
    // Already first: nothing moves.
    expect((await admin.moveCategory({ key: 'harassment', direction: 'up' }))[0]?.key).toBe('harassment');
    const config = await f.citizen().site.config({ siteKey: 'site-a' });
    expect(config.categories[0]?.label.vi).toBe('Sách nhiễu, gây phiền hà');
    expect(config.categories.find((c) => c.key === 'thu_tuc_dat_dai')).toEqual({ key: 'thu_tuc_dat_dai', label: NEW_CATEGORY.label, hint: NEW_CATEGORY.hint });

    const receipt = await f.submit({ category: 'thu_tuc_dat_dai' });
    expect((await f.citizen().case.track({ reference: receipt.reference, accessKey: receipt.accessKey })).categoryLabel).toEqual(NEW_CATEGORY.label);
  });

  it('refuses malformed keys and labels with field errors', async () => {
    const bad = await refusal(f.as('admin').admin.saveCategory({ ...NEW_CATEGORY, key: 'Đất Đai' }));
    expect(bad.code).toBe('BAD_REQUEST');
    const short = await refusal(f.as('admin').admin.saveCategory({ ...NEW_CATEGORY, label: { vi: 'x', en: 'Land' } }));
    expect(short.code).toBe('BAD_REQUEST');
    expect((await refusal(f.as('admin').admin.moveCategory({ key: 'khong_co', direction: 'down' }))).code).toBe('NOT_FOUND');
    // Adding never overwrites: the key of an existing category is taken.
    expect(await refusal(f.as('admin').admin.saveCategory({ ...NEW_CATEGORY, key: 'harassment' }))).toMatchObject({
      code: 'CONFLICT',
      fields: { key: 'category_key_taken' },
    });
    expect((await refusal(f.as('admin').admin.saveCategory({ ...NEW_CATEGORY, isNew: false }))).code).toBe('NOT_FOUND');
    expect((await f.as('admin').admin.categories()).find((c) => c.key === 'harassment')?.label).toEqual(BUILT_IN_CATEGORY_LABELS.harassment);
  });

  it('refuses a deactivated category at submission, intake and classification, but old cases keep its label', async () => {
    const admin = f.as('admin').admin;
    await admin.saveCategory(NEW_CATEGORY);
    const old = await f.submit({ category: 'thu_tuc_dat_dai' });
    await admin.saveCategory({ ...NEW_CATEGORY, isNew: false, active: false });

    expect((await f.citizen().site.config({ siteKey: 'site-a' })).categories.some((c) => c.key === 'thu_tuc_dat_dai')).toBe(false);
    const refused = await refusal(f.submit({ category: 'thu_tuc_dat_dai' }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', fields: { category: 'invalid' } });
    expect((await refusal(f.submit({ category: 'khong_ton_tai' }))).fields).toEqual({ category: 'invalid' });

    const logged = await refusal(
      f.as('intake').intake.logContact({ channel: 'hotline', category: 'thu_tuc_dat_dai', summary: 'Người dân gọi phản ánh hồ sơ đất đai bị kéo dài.' }),
    );
    expect(logged.fields).toEqual({ category: 'invalid' });

    const caseId = await caseIdOf(old.reference);
    expect((await refusal(f.as('intake').case.classify({ caseId, scope: 'in', category: 'thu_tuc_dat_dai' }))).fields).toEqual({ category: 'invalid' });
    expect((await f.as('intake').case.get({ caseId })).status).toBe('received');

    // The old case still reads right, for staff (the full list) and for the citizen.
    const labels = await f.as('intake').category.list();
    expect(labels.find((c) => c.key === 'thu_tuc_dat_dai')).toMatchObject({ active: false, label: NEW_CATEGORY.label });
    expect((await f.citizen().case.track(old)).categoryLabel).toEqual(NEW_CATEGORY.label);
  });

  it('validates a template on save and on preview, listing every problem', async () => {
    const admin = f.as('admin').admin;
    const wrong = await refusal(admin.saveLetterTemplate({ template: 'Kính gửi {ten_don_vi}: {ho_ten} }' }));
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(wrong.fields?.template).toBe('unknown_placeholders={ten_don_vi}, {ho_ten};missing_placeholders={noi_dung}, {don_vi};unbalanced_braces=33');
    expect((await refusal(admin.previewLetterTemplate({ template: '{don_vi} {noi_dung' }))).fields?.template).toContain('missing_placeholders={noi_dung}');
    expect((await admin.letterTemplate()).template).toBe(DEFAULT_LETTER_TEMPLATE);
  });

  it('previews a draft against sample facts or a case without saving it, and never with the identity', async () => {
    const admin = f.as('admin').admin;
    const sample = await admin.previewLetterTemplate({ template: 'Gửi {don_vi}. {ma_so}\n{noi_dung}\n{nguoi_phan_anh}' });
    expect(sample.body).toMatch(/^Gửi Ủy ban nhân dân phường Hoàn Kiếm\. PAKN-2026-000123\n/);
    const receipt = await f.submit({ contact: { name: 'Lê Văn Cường', phone: '0987654321' }, consent: true, confidential: false });
    const caseId = await caseIdOf(receipt.reference);
    const real = await admin.previewLetterTemplate({ template: '{don_vi}|{ma_so}|{nguoi_phan_anh}|{noi_dung}', caseId, unitId: 'ward-b' });
    expect(real.body).toBe(
      `UBND phường B|${receipt.reference}|${CONFIDENTIAL_IDENTITY_SENTENCE}|Hồ sơ đăng ký khai sinh của tôi bị trả muộn 10 ngày so với giấy hẹn.`,
    );
    expect((await admin.letterTemplate()).template).toBe(DEFAULT_LETTER_TEMPLATE);
  });

  it('drafts the next letter from the saved template, keeps earlier letters, and audits the change', async () => {
    const admin = f.as('admin').admin;
    const first = await caseIdOf((await f.submit({ contact: { name: 'Phạm Thị Dung', phone: '0911222333' }, consent: true, confidential: false })).reference);
    await f.as('intake').case.classify({ caseId: first, scope: 'in', category: 'late_result' });
    await f.as('intake').case.draftForwarding({ caseId: first, unitId: 'ward-b' });
    const before = (await f.as('intake').case.letters({ caseId: first }))[0]!.body;

    const template =
      'Kính gửi {don_vi}.\nMẪU MỚI về {linh_vuc}, mã {ma_so}, tiếp nhận {ngay_tiep_nhan}.\n{noi_dung}\nMã hồ sơ: {ma_ho_so}\n{nguoi_phan_anh}\nTrả lời {han_tra_loi}.';
    await admin.saveLetterTemplate({ template });
    expect((await admin.letterTemplate()).template).toBe(template);
    expect((await f.as('intake').case.letters({ caseId: first }))[0]!.body).toBe(before);

    const receipt = await f.submit({ contact: { name: 'Phạm Thị Dung', phone: '0911222333' }, consent: true, confidential: false, dossierCode: 'H26-77' });
    const open = await caseIdOf(receipt.reference);
    await f.as('intake').case.classify({ caseId: open, scope: 'in', category: 'late_result' });
    await f.as('intake').case.draftForwarding({ caseId: open, unitId: 'ward-b' });
    expect((await f.as('intake').case.letters({ caseId: open }))[0]!.body).toBe(
      [
        'Kính gửi UBND phường B.',
        `MẪU MỚI về trả kết quả muộn so với ngày hẹn, mã ${receipt.reference}, tiếp nhận 02/03/2026.`,
        'Hồ sơ đăng ký khai sinh của tôi bị trả muộn 10 ngày so với giấy hẹn.',
        'Mã hồ sơ: H26-77',
        'Người phản ánh: Phạm Thị Dung\nSố điện thoại: 0911222333',
        'Trả lời trong thời hạn 15 ngày làm việc.',
      ].join('\n'),
    );

    const [entry] = (await f.as('inspector').audit.list({ entityType: 'template', entityId: 'forwarding_letter' })).items.filter(
      (e) => e.action === 'template.update',
    );
    expect(entry).toMatchObject({ actorId: 's-admin', before: { body: DEFAULT_LETTER_TEMPLATE }, after: { body: template } });
  });

  it('keeps the identity out of a confidential case’s letter whatever the template says', async () => {
    await f.as('admin').admin.saveLetterTemplate({ template: 'Kính gửi {don_vi}\nNgười phản ánh: {nguoi_phan_anh}\n{noi_dung}\n{nguoi_phan_anh}' });
    const receipt = await f.submit({ contact: { name: 'Võ Thị Em', phone: '0933444555', email: 'em@example.vn' }, consent: true });
    const caseId = await caseIdOf(receipt.reference);
    await f.as('intake').case.classify({ caseId, scope: 'in', category: 'harassment' });
    await f.as('intake').case.draftForwarding({ caseId, unitId: 'ward-b' });
    const body = (await f.as('intake').case.letters({ caseId }))[0]!.body;
    expect(body).toContain(CONFIDENTIAL_IDENTITY_SENTENCE);
    expect(body).not.toMatch(/Võ Thị Em|0933|em@example/);
  });

  it('audits category changes with their before and after', async () => {
    await f.as('admin').admin.saveCategory(NEW_CATEGORY);
    await f.as('admin').admin.saveCategory({ ...NEW_CATEGORY, isNew: false, label: { vi: 'Đất đai', en: 'Land' }, active: false });
    const entries = (await f.as('inspector').audit.list({ entityType: 'category', entityId: 'thu_tuc_dat_dai' })).items;
    expect(entries.map((e) => e.action)).toEqual(['category.create', 'category.update']);
    expect(entries[1]).toMatchObject({
      before: { label: NEW_CATEGORY.label, active: true },
      after: { label: { vi: 'Đất đai', en: 'Land' }, active: false },
    });
  });
});
