import { TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadAttachment } from './attachment-download.ts';
import { uploadAttachment } from './attachments.ts';
import { NO_CITIZEN_LIMITS } from './citizen-policy.ts';
import { createFixture, DESCRIPTION, newIdempotencyKey, SITE_ORIGIN, type DbMode, type Fixture } from './test-fixture.ts';

let f: Fixture;
afterEach(() => f.close());

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { reason?: string; code?: string } | undefined;
    return cause?.reason ?? cause?.code ?? error.code;
  }
}

async function countCases(): Promise<number> {
  return Number((await f.db.execute('SELECT COUNT(*) AS n FROM cases')).rows[0]?.n);
}

async function countUsedProofs(): Promise<number> {
  return Number((await f.db.execute('SELECT COUNT(*) AS n FROM used_proofs')).rows[0]?.n);
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]);

describe.each<DbMode>(['embedded', 'remote'])('submitting exactly once (%s database)', (mode) => {
  it('returns the same receipt for a retry with the same idempotency key, and stores one case', async () => {
    f = await createFixture(mode);
    const idempotencyKey = newIdempotencyKey();
    const proof = await f.proof();
    const first = await f.submit({ idempotencyKey, proof });
    const retry = await f.submit({ idempotencyKey, proof });
    expect(retry).toEqual(first);
    expect(await countCases()).toBe(1);
  });

  it('creates one case when a double click sends the same report twice at once', async () => {
    f = await createFixture(mode);
    const idempotencyKey = newIdempotencyKey();
    const proof = await f.proof();
    const [a, b] = await Promise.all([f.submit({ idempotencyKey, proof }), f.submit({ idempotencyKey, proof })]);
    expect(a).toEqual(b);
    expect(await countCases()).toBe(1);
  });

  it('creates one case when two copies of a report race with different proofs', async () => {
    f = await createFixture(mode);
    const idempotencyKey = newIdempotencyKey();
    const proofs = [await f.proof(), await f.proof()];
    const [a, b] = await Promise.all(proofs.map((proof) => f.submit({ idempotencyKey, proof })));
    expect(a).toEqual(b);
    expect(await countCases()).toBe(1);
    // The copy that lost rolled back whole: its proof stays unspent, like everything else it wrote.
    expect(await countUsedProofs()).toBe(1);
  });
});

describe('proof of work', () => {
  it('refuses a submission without a valid proof', async () => {
    f = await createFixture();
    expect(await reasonOf(f.submit({ proof: 'bm90IGpzb24=' }))).toBe('proof_invalid');
    const forged = Buffer.from(JSON.stringify({ algorithm: 'SHA-256', challenge: 'ab', number: 1, salt: 'x?expires=9999999999&', signature: 'cd' })).toString(
      'base64',
    );
    expect(await reasonOf(f.submit({ proof: forged }))).toBe('proof_invalid');
    expect(await countCases()).toBe(0);
  });

  it('spends a proof once: a second report with it is refused', async () => {
    f = await createFixture();
    const proof = await f.proof();
    await f.submit({ proof });
    expect(await reasonOf(f.submit({ proof }))).toBe('proof_invalid');
    expect(await countCases()).toBe(1);
  });

  it('never accepts a proof twice while expired proofs are purged around it', async () => {
    f = await createFixture('embedded', { powTtlSeconds: 600, limits: NO_CITIZEN_LIMITS });
    const start = f.now.getTime();
    const first = await f.proof();
    await f.submit({ proof: first });
    f.now = new Date(start + 300_000);
    const second = await f.proof();
    await f.submit({ proof: second });
    // The first proof's challenge has expired: the next submission purges its row, not the second's.
    f.now = new Date(start + 601_000);
    await f.submit();
    expect(await countUsedProofs()).toBe(2);
    expect(await reasonOf(f.submit({ proof: second }))).toBe('proof_invalid');
    expect(await reasonOf(f.submit({ proof: first }))).toBe('proof_invalid');
    expect(await countCases()).toBe(3);
  });

  it('refuses a proof whose challenge expired', async () => {
    f = await createFixture('embedded', { powTtlSeconds: 60 });
    const proof = await f.proof();
    f.now = new Date(f.now.getTime() + 61_000);
    expect(await reasonOf(f.submit({ proof }))).toBe('proof_invalid');
  });
});

describe('abuse', () => {
  it('refuses what fills the honeypot and stores nothing', async () => {
    f = await createFixture();
    expect(await reasonOf(f.submit({ website: 'http://spam.example' }))).toBe('spam');
    expect(await countCases()).toBe(0);
  });

  it('limits submissions per connection address, and in total', async () => {
    f = await createFixture('embedded', {
      limits: { submitsPerAddress: 2, submitsGlobal: 3, submitsGlobalHard: 4, tracksPerAddress: 0, challengesPerAddress: 0, uploadsPerAddress: 0 },
    });
    await f.submit({}, { clientAddress: '10.0.0.1' });
    await f.submit({}, { clientAddress: '10.0.0.1' });
    const third = await f.submit({}, { clientAddress: '10.0.0.1' }).catch((e: TRPCError) => e);
    expect((third as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    await f.submit({}, { clientAddress: '10.0.0.2' });
    // Over the soft ceiling: the network that filled it is shed, a fresh one is still accepted...
    expect(await reasonOf(f.submit({}, { clientAddress: '10.0.0.3' }))).toBe('server_busy');
    await f.submit({}, { clientAddress: '10.9.0.1' });
    // ...until the hard ceiling, which refuses everyone.
    expect(await reasonOf(f.submit({}, { clientAddress: '10.8.0.1' }))).toBe('server_busy');
    f.now = new Date(f.now.getTime() + 3600_001);
    await f.submit({}, { clientAddress: '10.0.0.1' });
    expect(await countCases()).toBe(5);
  });

  it('limits tracking lookups per address', async () => {
    f = await createFixture('embedded', {
      limits: { submitsPerAddress: 0, submitsGlobal: 0, tracksPerAddress: 3, challengesPerAddress: 0, uploadsPerAddress: 0 },
    });
    const receipt = await f.submit();
    for (let i = 0; i < 3; i++) await f.citizen().case.track(receipt);
    expect(await reasonOf(f.citizen().case.track(receipt))).toBe('rate_limited');
  });
});

describe('attachments', () => {
  it('checks the type from the bytes, not the name, and limits the size', async () => {
    f = await createFixture();
    const request = f.request({ origin: SITE_ORIGIN, hasCsrfHeader: false });
    const png = await uploadAttachment(f.services, request, { siteKey: 'site-a', name: '../../etc/ảnh chụp.png', bytes: PNG });
    expect(png).toMatchObject({ type: 'image/png', size: PNG.length, name: 'ảnh chụp.png' });
    expect((await uploadAttachment(f.services, request, { siteKey: 'site-a', name: 'giay-hen.pdf', bytes: PDF })).type).toBe('application/pdf');
    await expect(uploadAttachment(f.services, request, { siteKey: 'site-a', name: 'anh.jpg', bytes: EXE })).rejects.toMatchObject({
      reason: 'attachment_type',
    });
    await expect(
      uploadAttachment(f.services, request, { siteKey: 'site-a', name: 'big.pdf', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x25) }),
    ).rejects.toMatchObject({ reason: 'attachment_too_large' });
    await expect(
      uploadAttachment(f.services, f.request({ origin: 'http://evil.test' }), { siteKey: 'site-a', name: 'a.png', bytes: PNG }),
    ).rejects.toMatchObject({ reason: 'origin_not_allowed' });
  });

  it('links uploaded files to the case, and refuses a submission naming an unknown file without storing it', async () => {
    f = await createFixture();
    const request = f.request({ origin: SITE_ORIGIN, hasCsrfHeader: false });
    const a = await uploadAttachment(f.services, request, { siteKey: 'site-a', name: 'a.png', bytes: PNG });
    const b = await uploadAttachment(f.services, request, { siteKey: 'site-a', name: 'b.pdf', bytes: PDF });
    expect(await reasonOf(f.submit({ attachments: [a.id, 'x'.repeat(24)] }))).toBe('attachment_invalid');
    expect(await countCases()).toBe(0);
    await f.submit({ attachments: [a.id, b.id] });
    const linked = await f.db.execute('SELECT COUNT(*) AS n FROM attachments WHERE case_id IS NOT NULL');
    expect(Number(linked.rows[0]?.n)).toBe(2);
    expect(await reasonOf(f.submit({ attachments: [a.id] }))).toBe('attachment_invalid');
  });
});

describe('after the answer', () => {
  async function answeredCase() {
    const receipt = await f.submit();
    const [summary] = (await f.as('intake').case.inbox({})).items;
    await f.as('intake').case.classify({ caseId: summary!.id, scope: 'in', category: 'late_result' });
    await f.forward(summary!.id, 'ward-a');
    await f.answer(summary!.id, 'Phường đã trả kết quả và xin lỗi Ông/Bà.');
    return receipt;
  }

  it('lets the citizen rate once, and a dissatisfied citizen ask for a review that reopens the case', async () => {
    f = await createFixture();
    const receipt = await answeredCase();
    const before = await f.citizen().case.track(receipt);
    expect(before).toMatchObject({ canRate: true, canRequestReview: false, rating: null });
    const rated = await f.citizen().case.rate({ ...receipt, score: 2, comment: 'Chưa thỏa đáng.' });
    expect(rated.rating).toMatchObject({ score: 2, comment: 'Chưa thỏa đáng.' });
    expect(rated).toMatchObject({ canRate: false, canRequestReview: true });
    expect(await reasonOf(f.citizen().case.rate({ ...receipt, score: 5 }))).toBe('already_rated');
    const reopened = await f.citizen().case.requestReview({ ...receipt, reason: 'Phường chưa giải thích lý do chậm trễ.' });
    expect(reopened.status).toBe('reopened');
    expect(reopened.history.map((h) => h.kind).at(-1)).toBe('review_requested');
  });

  it('refuses a review to a satisfied citizen and after the window', async () => {
    f = await createFixture();
    const satisfied = await answeredCase();
    await f.citizen().case.rate({ ...satisfied, score: 4 });
    expect(await reasonOf(f.citizen().case.requestReview({ ...satisfied, reason: 'Tôi muốn xem xét lại.' }))).toBe('review_not_allowed');

    const late = await answeredCase();
    await f.citizen().case.rate({ ...late, score: 1 });
    f.now = new Date(f.now.getTime() + 31 * 86_400_000);
    expect(await reasonOf(f.citizen().case.requestReview({ ...late, reason: 'Tôi muốn xem xét lại.' }))).toBe('review_not_allowed');
  });

  it('refuses a rating before the answer', async () => {
    f = await createFixture();
    const receipt = await f.submit();
    expect(await reasonOf(f.citizen().case.rate({ ...receipt, score: 5 }))).toBe('illegal_transition');
  });
});

describe('what the widget is told', () => {
  it('shows the deadline of the current stage in working days', async () => {
    f = await createFixture();
    // Monday 2 March 2026, 09:00 in Hanoi.
    f.now = new Date('2026-03-02T02:00:00Z');
    const receipt = await f.submit();
    const view = await f.citizen().case.track(receipt);
    // Classification within one working day: Tuesday 09:00.
    expect(view.deadline).toEqual({ stage: 'classification', dueAt: '2026-03-03T02:00:00.000Z', overdue: false });
  });

  it('says when the Centre will read a report sent outside office hours', async () => {
    f = await createFixture();
    f.now = new Date('2026-03-06T10:01:00Z'); // Friday 17:01 in Hanoi
    const config = await f.citizen().site.config({ siteKey: 'site-a' });
    expect(config.office).toEqual({ open: false, nextOpening: '2026-03-09T01:00:00.000Z' }); // Monday 08:00
    f.now = new Date('2026-03-06T09:59:00Z'); // Friday 16:59
    expect((await f.citizen().site.config({ siteKey: 'site-a' })).office.open).toBe(true);
    expect(config.limits).toEqual({
      maxAttachments: 5,
      maxAttachmentBytes: 5 * 1024 * 1024,
      attachmentTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    });
  });

  it('keeps a submission without optional details valid, and checks late-result dates', async () => {
    f = await createFixture();
    expect(await reasonOf(f.submit({ appointmentDate: '2026-02-30' }))).toBe('BAD_REQUEST');
    expect(await reasonOf(f.submit({ appointmentDate: '2026-02-20', returnedDate: '2026-02-10' }))).toBe('BAD_REQUEST');
    await f.submit({ dossierCode: '000.00.12.H26-260220-0001', appointmentDate: '2026-02-20', returnedDate: '2026-02-27', description: DESCRIPTION });
    const row = (await f.db.execute('SELECT dossier_code, appointment_date, returned_date FROM cases')).rows[0];
    expect(row).toMatchObject({ dossier_code: '000.00.12.H26-260220-0001', appointment_date: '2026-02-20', returned_date: '2026-02-27' });
  });
});

describe('attachments seen by staff, and sent with a reply', () => {
  it('lists the files for the Centre, lets it download them (audited), and withholds them from the unit when confidential', async () => {
    f = await createFixture();
    const request = f.request({ origin: SITE_ORIGIN, hasCsrfHeader: false });
    const a = await uploadAttachment(f.services, request, { siteKey: 'site-a', name: 'giay-hen.png', bytes: PNG });
    const receipt = await f.submit({ attachments: [a.id] });
    const summary = (await f.as('intake').case.inbox({})).items.find((c) => c.reference === receipt.reference)!;
    const listed = await f.as('intake').case.attachments({ caseId: summary.id });
    expect(listed).toEqual([{ id: a.id, name: 'giay-hen.png', mime: 'image/png', size: PNG.length, url: `/api/v1/attachments/${a.id}` }]);
    const file = await downloadAttachment(f.services, f.request({ sessionToken: null }), a.id).catch((e: { code: string }) => e.code);
    expect(file).toBe('unauthenticated');

    await f.as('intake').case.classify({ caseId: summary.id, scope: 'in', category: 'late_result' });
    await f.forward(summary.id, 'ward-a');
    expect(await f.as('handlerA').case.attachments({ caseId: summary.id })).toEqual([]);
  });

  it('links files sent with a reply to the question of the unit', async () => {
    f = await createFixture();
    const receipt = await f.submit({ confidential: false });
    const summary = (await f.as('intake').case.inbox({})).items.find((c) => c.reference === receipt.reference)!;
    await f.as('intake').case.classify({ caseId: summary.id, scope: 'in', category: 'late_result' });
    await f.forward(summary.id, 'ward-a');
    await f.as('handlerA').case.acknowledge({ caseId: summary.id });
    await f.as('handlerA').case.requestInfo({ caseId: summary.id, question: 'Đề nghị gửi ảnh giấy hẹn trả kết quả.' });
    const request = f.request({ origin: SITE_ORIGIN, hasCsrfHeader: false });
    const pdf = await uploadAttachment(f.services, request, { siteKey: 'site-a', name: 'giay-hen.pdf', bytes: PDF });
    expect(await reasonOf(f.citizen().case.provideInfo({ ...receipt, message: 'Gửi kèm giấy hẹn.', attachments: ['y'.repeat(24)] }))).toBe(
      'attachment_invalid',
    );
    await f.citizen().case.provideInfo({ ...receipt, message: 'Gửi kèm giấy hẹn.', attachments: [pdf.id] });
    expect((await f.as('handlerA').case.attachments({ caseId: summary.id })).map((x) => x.name)).toEqual(['giay-hen.pdf']);
  });
});
