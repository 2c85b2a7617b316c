import { DEMO_SITE_KEY } from '../../src/seed.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpFixture, OWN, WARD, savedName } from '../http-fixture.ts';

/**
 * Issue 9, the rest of defect 11: the staff downloads of a citizen's file and of an answer file were GETs that
 * write an audit entry ("downloaded"), so a link or an image on any page of the same site could add false
 * entries in the officer's name. Like the exports, they are now POSTs from the portal's own origin with the
 * anti-CSRF header; a GET answers 405 and writes nothing.
 */
describe('issue 9: a staff download cannot be triggered by a link, an image or a form', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  let f: HttpFixture;
  let officer: string;
  let paths: string[];
  const downloadsAudited = () => f.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('attachment.download', 'answer_attachment.download')");

  beforeEach(async () => {
    f = await HttpFixture.create();
    const citizenFile = (await (
      await f.app.request('/api/v1/attachments', {
        method: 'POST',
        headers: { origin: WARD, 'x-pakn-site': DEMO_SITE_KEY, 'content-type': 'image/png', 'x-pakn-filename': 'giay-hen.png' },
        body: png,
      })
    ).json()) as { id: string };
    const { caseId, handler, officer: centre } = await f.caseInProgress();
    officer = centre;
    const answerFile = await f.app.request('/api/v1/answer-attachments', {
      method: 'POST',
      headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: handler, 'x-pakn-case': caseId, 'x-pakn-filename': 'ket-qua.png', 'content-type': 'image/png' },
      body: png,
    });
    expect(answerFile.status).toBe(201);
    const answerFileId = ((await answerFile.json()) as { id: string }).id;
    const answer = {
      caseId,
      outcome: 'substantiated',
      answer: 'Phường đã trả kết quả hồ sơ và xin lỗi công dân.',
      attachments: [{ id: answerFileId, internal: false }],
    };
    expect((await f.staffPost('/trpc/case.submitAnswer', answer, handler)).status).toBe(200);
    // The citizen's file belongs to a case of its own, submitted with it.
    const withFile = await f.submit({ attachments: [citizenFile.id] });
    await f.caseId(withFile.reference, officer);
    paths = [`/api/v1/attachments/${citizenFile.id}`, `/api/v1/answer-attachments/${answerFileId}`];
  });
  afterEach(() => f.close());

  it("answers a GET or HEAD with a valid staff cookie 405, in the user's language, and audits nothing", async () => {
    const before = await downloadsAudited();
    for (const path of paths) {
      for (const headers of [
        {},
        { origin: OWN },
        { 'sec-fetch-site': 'same-site', 'sec-fetch-dest': 'image' },
        { 'sec-fetch-mode': 'navigate' },
        { origin: OWN, 'x-pakn-csrf': '1' },
      ] as Record<string, string>[]) {
        for (const method of ['GET', 'HEAD']) {
          const res = await f.app.request(path, { method, headers: { cookie: officer, ...headers } });
          expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(405);
          expect(res.headers.get('allow')).toBe('POST');
          expect(res.headers.get('content-disposition')).toBeNull();
        }
      }
      const vi = (await (await f.app.request(path, { headers: { cookie: officer, 'accept-language': 'vi' } })).json()) as { error: { message: string } };
      const en = (await (await f.app.request(path, { headers: { cookie: officer, 'accept-language': 'en' } })).json()) as { error: { message: string } };
      expect(vi.error.message).toMatch(/tải/i);
      expect(en.error.message).toMatch(/download/i);
    }
    expect(await downloadsAudited()).toBe(before);
  });

  it('refuses a POST form or a fetch without the anti-CSRF header, or from another origin, and audits nothing', async () => {
    const before = await downloadsAudited();
    const shapes: { origin?: string; type?: string; csrf?: boolean; body?: string }[] = [
      { origin: WARD, type: 'application/x-www-form-urlencoded', body: 'a=1' },
      { origin: OWN, type: 'application/x-www-form-urlencoded', body: 'a=1', csrf: true },
      { origin: WARD, type: 'multipart/form-data; boundary=x', body: '--x--' },
      { origin: WARD, type: 'text/plain', body: '{}' },
      { origin: 'http://evil.test', type: 'application/json', csrf: true, body: '{}' },
      { origin: WARD, csrf: true },
      { origin: OWN },
      { origin: OWN, type: 'application/json', body: '{}' },
      { origin: 'null', type: 'application/json', csrf: true, body: '{}' },
      { csrf: true },
    ];
    for (const path of paths) {
      for (const shape of shapes) {
        const headers: Record<string, string> = { cookie: officer };
        if (shape.type) headers['content-type'] = shape.type;
        if (shape.origin) headers.origin = shape.origin;
        if (shape.csrf) headers['x-pakn-csrf'] = '1';
        const res = await f.app.request(path, { method: 'POST', headers, ...(shape.body === undefined ? {} : { body: shape.body }) });
        expect([403, 415], `${path} ${JSON.stringify(shape)}`).toContain(res.status);
        expect(res.headers.get('content-disposition')).toBeNull();
      }
    }
    expect(await downloadsAudited()).toBe(before);
  });

  it("sends the file to the portal's own POST with the header, empty or JSON, and audits each download once", async () => {
    const before = await downloadsAudited();
    for (const path of paths) {
      const res = await f.staffDownload(path, officer);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
      const json = await f.app.request(path, {
        method: 'POST',
        headers: { cookie: officer, origin: OWN, 'x-pakn-csrf': '1', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(json.status, path).toBe(200);
      expect(savedName(json)).toMatch(/\.png$/);
    }
    expect(await downloadsAudited()).toBe(before + 4);
  });
});
