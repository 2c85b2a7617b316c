import { TRPCError } from '@trpc/server';
import { listAudit } from '@pakn/db';
import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from '@pakn/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadAnswerAttachmentForCitizen, downloadAnswerAttachmentForStaff, removeAnswerAttachment, uploadAnswerAttachment } from './answer-attachments.ts';
import { createFixture, PASSWORD, SITE_ORIGIN, STAFF, type DbMode, type Fixture, type StaffKey } from './test-fixture.ts';

let f: Fixture;
afterEach(() => f.close());

const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]);
const ANSWER = 'Đơn vị đã kiểm tra, xin lỗi công dân và trả kết quả hồ sơ ngay trong ngày.';

/** The reason a call failed with, from a tRPC or a domain error. */
async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    const cause = (error instanceof TRPCError ? error.cause : error) as { reason?: string; code?: string } | undefined;
    return cause?.reason ?? cause?.code ?? (error instanceof TRPCError ? error.code : String(error));
  }
}

const sessions = new Map<StaffKey, string>();
/** A real session for the HTTP-level functions, which authenticate from the cookie. */
async function sessionOf(key: StaffKey): Promise<string> {
  const known = sessions.get(key);
  if (known) return known;
  let token: string | null = null;
  await f.anonymous({ setSessionCookie: (t) => void (token = t) }).auth.login({ username: STAFF[key].username, password: PASSWORD });
  sessions.set(key, token!);
  return token!;
}

async function staffRequest(key: StaffKey) {
  return f.request({ sessionToken: await sessionOf(key) });
}

async function upload(key: StaffKey, caseId: string, name = 'ket-qua.pdf', bytes: Uint8Array = PDF) {
  return uploadAnswerAttachment(f.services, await staffRequest(key), { caseId, name, bytes });
}

/** A case forwarded to ward A and acknowledged there: the handler can answer it. */
async function caseInProgress() {
  const receipt = await f.submit({ contact: { name: 'Nguyễn Văn An', phone: '0912345678' }, consent: true });
  const summary = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference)!;
  await f.as('intake').case.classify({ caseId: summary.id, scope: 'in', category: 'late_result' });
  await f.forward(summary.id, 'ward-a');
  await f.as('handlerA').case.acknowledge({ caseId: summary.id });
  return { caseId: summary.id, receipt };
}

function submitAnswer(key: StaffKey, caseId: string, attachments: { id: string; internal: boolean }[]) {
  return f.as(key).case.submitAnswer({ caseId, outcome: 'substantiated', answer: ANSWER, attachments });
}

describe.each<DbMode>(['embedded', 'remote'])('files of the unit’s answer (%s database)', (mode) => {
  it('links the handler’s files to the answer; the citizen sees only theirs, and only after verification', async () => {
    f = await createFixture(mode);
    sessions.clear();
    const { caseId, receipt } = await caseInProgress();
    const forCitizen = await upload('handlerA', caseId, 'ket-qua.pdf');
    const internal = await upload('handlerA', caseId, 'bien-ban.png', PNG);
    expect(forCitizen).toMatchObject({ name: 'ket-qua.pdf', type: 'application/pdf', size: PDF.length });
    await submitAnswer('handlerA', caseId, [
      { id: forCitizen.id, internal: false },
      { id: internal.id, internal: true },
    ]);

    // The officer verifying sees both.
    const forOfficer = await f.as('intake').case.answerAttachments({ caseId });
    expect(forOfficer.map((a) => [a.name, a.internal])).toEqual([
      ['ket-qua.pdf', false],
      ['bien-ban.png', true],
    ]);
    expect(forOfficer[0]!.url).toBe(`/api/v1/answer-attachments/${forCitizen.id}`);
    const staffCopy = await downloadAnswerAttachmentForStaff(f.services, await staffRequest('intake'), internal.id);
    expect(Buffer.from(staffCopy.content)).toEqual(Buffer.from(PNG));

    // Not verified yet: nothing for the citizen, not even the file for them.
    expect((await f.citizen().case.track(receipt)).answerAttachments).toEqual([]);
    expect(await reasonOf(downloadAnswerAttachmentForCitizen(f.services, f.request({ origin: SITE_ORIGIN }), forCitizen.id, receipt))).toBe('not_found');

    await f.as('intake').case.verifyAnswer({ caseId });
    const tracked = await f.citizen().case.track(receipt);
    expect(tracked.answerAttachments).toEqual([{ id: forCitizen.id, name: 'ket-qua.pdf', mime: 'application/pdf', size: PDF.length }]);
    expect(JSON.stringify(tracked)).not.toContain(internal.id);

    const citizenRequest = f.request({ origin: SITE_ORIGIN, hasCsrfHeader: false });
    const copy = await downloadAnswerAttachmentForCitizen(f.services, citizenRequest, forCitizen.id, receipt);
    expect(Buffer.from(copy.content)).toEqual(Buffer.from(PDF));
    // The internal file, a wrong key, another case's key: the same "not found".
    expect(await reasonOf(downloadAnswerAttachmentForCitizen(f.services, citizenRequest, internal.id, receipt))).toBe('not_found');
    const wrongKey = { ...receipt, accessKey: receipt.accessKey.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) };
    expect(await reasonOf(downloadAnswerAttachmentForCitizen(f.services, citizenRequest, forCitizen.id, wrongKey))).toBe('case_not_found');
    const other = await f.submit();
    expect(await reasonOf(downloadAnswerAttachmentForCitizen(f.services, citizenRequest, forCitizen.id, other))).toBe('not_found');

    const audit = (await listAudit(f.db, { entityType: 'case', entityId: caseId })).filter((e) => e.action.startsWith('answer_attachment.'));
    expect(audit.map((e) => [e.action, e.actorKind, e.actorId, (e.after as { attachmentId?: string } | null)?.attachmentId])).toEqual([
      ['answer_attachment.upload', 'staff', 's-handler-a', forCitizen.id],
      ['answer_attachment.upload', 'staff', 's-handler-a', internal.id],
      ['answer_attachment.download', 'staff', 's-intake', internal.id],
      ['answer_attachment.download', 'citizen', null, forCitizen.id],
    ]);
  });

  it('refuses someone else’s file, a file already linked, a file of another case, and an unknown id', async () => {
    f = await createFixture(mode);
    sessions.clear();
    const { caseId } = await caseInProgress();
    const { caseId: otherCaseId } = await caseInProgress();
    const byHead = await upload('headA', caseId);
    const ofOtherCase = await upload('handlerA', otherCaseId);
    const mine = await upload('handlerA', caseId);
    expect(await reasonOf(submitAnswer('handlerA', caseId, [{ id: byHead.id, internal: false }]))).toBe('attachment_invalid');
    expect(await reasonOf(submitAnswer('handlerA', caseId, [{ id: ofOtherCase.id, internal: false }]))).toBe('attachment_invalid');
    expect(await reasonOf(submitAnswer('handlerA', caseId, [{ id: 'z'.repeat(24), internal: false }]))).toBe('attachment_invalid');
    expect(
      await reasonOf(
        submitAnswer('handlerA', caseId, [
          { id: mine.id, internal: false },
          { id: mine.id, internal: true },
        ]),
      ),
    ).toBe('attachment_invalid');
    // A refused answer changes nothing: the case still waits for its answer, the file is still free.
    expect((await f.as('handlerA').case.get({ caseId })).status).toBe('in_progress');
    await submitAnswer('handlerA', caseId, [{ id: mine.id, internal: false }]);

    // Returned by the officer: the new answer has its own files; the old one cannot be linked again.
    await f.as('intake').case.returnAnswer({ caseId, comment: 'Đề nghị bổ sung biên bản làm việc.' });
    expect(await reasonOf(submitAnswer('handlerA', caseId, [{ id: mine.id, internal: false }]))).toBe('attachment_invalid');
    const second = await upload('handlerA', caseId, 'ket-qua-2.pdf');
    await submitAnswer('handlerA', caseId, [{ id: second.id, internal: false }]);
    expect((await f.as('intake').case.answerAttachments({ caseId })).map((a) => a.name)).toEqual(['ket-qua-2.pdf']);
  });

  it('refuses files that are too big, of the wrong type, too many, too old, or from someone who cannot answer', async () => {
    f = await createFixture(mode);
    sessions.clear();
    const { caseId } = await caseInProgress();
    expect(await reasonOf(upload('handlerA', caseId, 'big.pdf', new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x25)))).toBe('attachment_too_large');
    expect(await reasonOf(upload('handlerA', caseId, 'ket-qua.pdf', EXE))).toBe('attachment_type');
    // The Centre, another unit, no session, a foreign origin or no anti-CSRF header: no upload.
    expect(await reasonOf(upload('intake', caseId))).toBe('forbidden');
    expect(await reasonOf(upload('handlerB', caseId))).toBe('not_found');
    expect(await reasonOf(uploadAnswerAttachment(f.services, f.request(), { caseId, name: 'a.pdf', bytes: PDF }))).toBe('unauthenticated');
    const token = await sessionOf('handlerA');
    expect(
      await reasonOf(uploadAnswerAttachment(f.services, f.request({ sessionToken: token, origin: SITE_ORIGIN }), { caseId, name: 'a.pdf', bytes: PDF })),
    ).toBe('csrf');
    expect(
      await reasonOf(uploadAnswerAttachment(f.services, f.request({ sessionToken: token, hasCsrfHeader: false }), { caseId, name: 'a.pdf', bytes: PDF })),
    ).toBe('csrf');

    const files = [];
    for (let i = 0; i < MAX_ATTACHMENTS; i++) files.push(await upload('handlerA', caseId, `tep-${i}.pdf`));
    expect(await reasonOf(upload('handlerA', caseId))).toBe('too_many_attachments');
    // Removing one before sending frees its place; someone else cannot remove it.
    expect(await reasonOf(removeAnswerAttachment(f.services, await staffRequest('headA'), files[0]!.id))).toBe('not_found');
    await removeAnswerAttachment(f.services, await staffRequest('handlerA'), files[0]!.id);
    files[0] = await upload('handlerA', caseId, 'tep-moi.pdf');
    expect(
      await reasonOf(
        submitAnswer(
          'handlerA',
          caseId,
          [...files, files[0]].map((x) => ({ id: x.id, internal: false })),
        ),
      ),
    ).toBe('BAD_REQUEST');

    // An upload older than the allowed age is refused at linking.
    f.now = new Date(f.now.getTime() + f.services.citizen.attachmentMaxAgeMs + 1000);
    expect(await reasonOf(submitAnswer('handlerA', caseId, [{ id: files[1]!.id, internal: false }]))).toBe('attachment_invalid');
  });
});
