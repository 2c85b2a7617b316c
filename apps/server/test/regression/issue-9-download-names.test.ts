import { DEMO_SITE_KEY } from '../../src/seed.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpFixture, OWN, WARD, savedName } from '../http-fixture.ts';

/**
 * Issue 9, defect 9: a file that is a PNG by its bytes but named `.html` was saved by the officer's browser as
 * `.html`, and its script ran when opened from the disk. Every download takes the extension of the type sniffed
 * from the bytes, keeps the rest of the name, and so does every list that offers the name to a `download`
 * attribute.
 */
describe('issue 9: downloads take the extension of the sniffed type', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x3c, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74, 0x3e]);
  let f: HttpFixture;
  beforeEach(async () => {
    f = await HttpFixture.create();
  });
  afterEach(() => f.close());

  const uploadCitizenFile = (name: string) =>
    f.app.request('/api/v1/attachments', {
      method: 'POST',
      headers: { origin: WARD, 'x-pakn-site': DEMO_SITE_KEY, 'content-type': 'text/html', 'x-pakn-filename': encodeURIComponent(name) },
      body: png,
    });

  it("stores, lists and serves a citizen's PNG named .html as .png, for every way of hiding the extension", async () => {
    const cases: [string, string][] = [
      ['giấy hẹn.html', 'giấy hẹn.png'],
      ['trang.HTM', 'trang.png'],
      ['bao-cao.pdf.html', 'bao-cao.pdf.png'],
      ['mở tôi.html. . ', 'mở tôi.png'],
      ['.html', 'tep-dinh-kem.png'],
      ['anh', 'anh.png'],
      ['anh.png', 'anh.png'],
    ];
    for (const [sent, expected] of cases) {
      const res = await uploadCitizenFile(sent);
      expect(res.status).toBe(201);
      const uploaded = (await res.json()) as { id: string; name: string; type: string };
      expect(uploaded.name, sent).toBe(expected);
      const receipt = await f.submit({ attachments: [uploaded.id] });
      const officer = await f.login();
      const caseId = await f.caseId(receipt.reference, officer);
      const listed = await f.query<{ name: string; url: string }[]>('case.attachments', { caseId }, officer);
      expect(listed.map((a) => a.name)).toEqual([expected]);
      const download = await f.staffDownload(listed[0]?.url ?? '', officer);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/png');
      expect(savedName(download), sent).toBe(expected);
    }
  });

  it('serves a file stored earlier under a wrong name and type by what its bytes are', async () => {
    const uploaded = (await (await uploadCitizenFile('anh.png')).json()) as { id: string };
    const receipt = await f.submit({ attachments: [uploaded.id] });
    // A row written before the fix: its type was sniffed, its name kept `.html`.
    await f.db.execute({ sql: "UPDATE attachments SET name = 'bằng chứng.html' WHERE id = ?", args: [uploaded.id] });
    const officer = await f.login();
    const caseId = await f.caseId(receipt.reference, officer);
    const listed = await f.query<{ name: string }[]>('case.attachments', { caseId }, officer);
    expect(listed.map((a) => a.name)).toEqual(['bằng chứng.png']);
    const download = await f.staffDownload(`/api/v1/attachments/${uploaded.id}`, officer);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(savedName(download)).toBe('bằng chứng.png');
    expect(download.headers.get('content-disposition')).not.toMatch(/\.html/i);
    // Even a stored type that says HTML: the bytes decide.
    await f.db.execute({ sql: "UPDATE attachments SET mime = 'text/html' WHERE id = ?", args: [uploaded.id] });
    const again = await f.staffDownload(`/api/v1/attachments/${uploaded.id}`, officer);
    expect(again.headers.get('content-type')).toBe('image/png');
    expect(savedName(again)).toBe('bằng chứng.png');
  });

  it("does the same for the answer's files, for staff and for the citizen", async () => {
    const { caseId, receipt, officer, handler } = await f.caseInProgress();
    const res = await f.app.request('/api/v1/answer-attachments', {
      method: 'POST',
      headers: {
        origin: OWN,
        'x-pakn-csrf': '1',
        cookie: handler,
        'x-pakn-case': caseId,
        'x-pakn-filename': encodeURIComponent('kết quả.html'),
        'content-type': 'text/html',
      },
      body: png,
    });
    expect(res.status).toBe(201);
    const uploaded = (await res.json()) as { id: string; name: string };
    expect(uploaded.name).toBe('kết quả.png');
    // A row stored before the fix kept its `.html`: listed and served by its type all the same.
    await f.db.execute({ sql: "UPDATE answer_attachments SET name = 'kết quả.html' WHERE id = ?", args: [uploaded.id] });
    const answer = {
      caseId,
      outcome: 'substantiated',
      answer: 'Phường đã trả kết quả hồ sơ và xin lỗi công dân.',
      attachments: [{ id: uploaded.id, internal: false }],
    };
    expect((await f.staffPost('/trpc/case.submitAnswer', answer, handler)).status).toBe(200);
    expect((await f.query<{ name: string }[]>('case.answerAttachments', { caseId }, officer)).map((a) => a.name)).toEqual(['kết quả.png']);
    const staffCopy = await f.staffDownload(`/api/v1/answer-attachments/${uploaded.id}`, officer);
    expect(staffCopy.headers.get('content-type')).toBe('image/png');
    expect(savedName(staffCopy)).toBe('kết quả.png');

    expect((await f.staffPost('/trpc/case.verifyAnswer', { caseId }, officer)).status).toBe(200);
    const tracked = (await (await f.post('/trpc/case.track', receipt, { origin: WARD })).json()) as {
      result: { data: { answerAttachments: { name: string }[] } };
    };
    expect(tracked.result.data.answerAttachments.map((a) => a.name)).toEqual(['kết quả.png']);
    const citizenCopy = await f.post(`/api/v1/answer-attachments/${uploaded.id}/download`, receipt, { origin: WARD });
    expect(citizenCopy.status).toBe(200);
    expect(citizenCopy.headers.get('content-type')).toBe('image/png');
    expect(savedName(citizenCopy)).toBe('kết quả.png');
  });
});
