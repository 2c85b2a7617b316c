import { setStaffEmail } from '@pakn/db';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, DESCRIPTION, OWN_ORIGIN, type DbMode, type Fixture } from './test-fixture.ts';

let f: Fixture;
afterEach(() => f.close());

const EMAILS = { 's-intake': 'tiepnhan@pakn.example', 's-director': 'giamdoc@pakn.example', 's-handler-a': 'xuly.a@pakn.example' } as const;
const CITIZEN = { name: 'Nguyễn Văn An', phone: '0912345678', email: 'an.nguyen@example.vn' };

async function withEmails(emails: Partial<Record<string, string>> = EMAILS) {
  await f.db.write(async (tx) => {
    for (const [id, email] of Object.entries(emails)) await setStaffEmail(tx, id, email ?? null);
  });
}

async function accepted(): Promise<string> {
  const receipt = await f.submit({ contact: CITIZEN, consent: true, wantsUpdates: false });
  const summary = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference)!;
  await f.as('intake').case.classify({ caseId: summary.id, scope: 'in', category: 'late_result' });
  return summary.id;
}

/** The messages queued since the last call, for one case. */
let seen = 0;
async function newMessages(caseId: string) {
  const rows = (await f.db.execute({ sql: 'SELECT id, recipient, subject, body FROM outbox WHERE case_id = ? AND id > ? ORDER BY id', args: [caseId, seen] }))
    .rows;
  if (rows.length > 0) seen = Number(rows.at(-1)!.id);
  return rows.map((r) => ({ recipient: String(r.recipient), subject: String(r.subject), body: String(r.body) }));
}

function expectNoIdentity(messages: { subject: string; body: string }[]) {
  const text = JSON.stringify(messages);
  for (const secret of [CITIZEN.name, CITIZEN.phone, CITIZEN.email, DESCRIPTION]) expect(text).not.toContain(secret);
}

describe.each<DbMode>(['embedded', 'remote'])('notifications to staff (%s database)', (mode) => {
  it('tells the Director of a draft to approve, the drafting officer of the decision, and the unit of the forwarding', async () => {
    f = await createFixture(mode);
    seen = 0;
    await withEmails();
    const caseId = await accepted();
    const { reference } = await f.as('intake').case.get({ caseId });
    await newMessages(caseId);

    await f.as('intake').case.draftForwarding({ caseId, unitId: 'ward-a', confirmSelfReview: true });
    const drafted = await newMessages(caseId);
    expect(drafted.map((m) => [m.recipient, m.subject])).toEqual([
      ['giamdoc@pakn.example', `[PAKN] Dự thảo văn bản chuyển phản ánh ${reference} chờ phê duyệt`],
    ]);
    expect(drafted[0]!.body).toContain(`${OWN_ORIGIN}/portal/cases/${caseId}`);

    await f.as('director').case.returnForwarding({ caseId, comment: 'Đề nghị ghi rõ thời hạn trả lời.' });
    expect((await newMessages(caseId)).map((m) => [m.recipient, m.subject])).toEqual([
      ['tiepnhan@pakn.example', `[PAKN] Giám đốc trả lại dự thảo chuyển phản ánh ${reference}`],
    ]);

    await f.as('intake').case.draftForwarding({ caseId, unitId: 'ward-a', confirmSelfReview: true });
    await newMessages(caseId);
    await f.as('director').case.approveForwarding({ caseId });
    const approved = await newMessages(caseId);
    expect(approved.map((m) => [m.recipient, m.subject])).toEqual([
      ['xuly.a@pakn.example', `[PAKN] Phản ánh ${reference} được chuyển đến đơn vị`],
      ['tiepnhan@pakn.example', `[PAKN] Giám đốc đã phê duyệt văn bản chuyển phản ánh ${reference}`],
    ]);
    expectNoIdentity([...drafted, ...approved]);
  });

  it('tells the officers when a unit answers or declines, the Director of an extension request, and the assignee', async () => {
    f = await createFixture(mode);
    seen = 0;
    await withEmails();
    const caseId = await accepted();
    const { reference } = await f.as('intake').case.get({ caseId });
    await f.forward(caseId, 'ward-a');
    await newMessages(caseId);

    await f.as('headA').case.assign({ caseId, staffId: 's-handler-a' });
    const assigned = await newMessages(caseId);
    expect(assigned.map((m) => [m.recipient, m.subject])).toEqual([['xuly.a@pakn.example', `[PAKN] Được giao xử lý phản ánh ${reference}`]]);
    // Head A has no email address: assigning the case to them queues nothing.
    await f.as('headA').case.assign({ caseId, staffId: 's-head-a' });
    expect(await newMessages(caseId)).toEqual([]);

    await f.as('handlerA').case.acknowledge({ caseId });
    await f.as('handlerA').case.requestExtension({ caseId, days: 5, reason: 'Cần xác minh với cơ quan thuế.' });
    expect((await newMessages(caseId)).map((m) => [m.recipient, m.subject])).toEqual([
      ['giamdoc@pakn.example', `[PAKN] Đề nghị gia hạn xử lý phản ánh ${reference}`],
    ]);

    await f.as('handlerA').case.submitAnswer({ caseId, outcome: 'partly_substantiated', answer: 'Đơn vị đã kiểm tra và trả kết quả hồ sơ cho công dân.' });
    const answered = await newMessages(caseId);
    expect(answered.map((m) => [m.recipient, m.subject])).toEqual([['tiepnhan@pakn.example', `[PAKN] Kết quả xử lý phản ánh ${reference} chờ kiểm tra`]]);
    expect(answered[0]!.body).toContain('UBND phường A');

    await f.as('intake').case.returnAnswer({ caseId, comment: 'Đề nghị bổ sung kết quả xác minh.' });
    await newMessages(caseId);
    await f.as('handlerA').case.decline({ caseId, comment: 'Hồ sơ thuộc thẩm quyền của phường B.' });
    const declined = await newMessages(caseId);
    expect(declined.map((m) => [m.recipient, m.subject])).toEqual([['tiepnhan@pakn.example', `[PAKN] Đơn vị trả lại phản ánh ${reference}`]]);
    expectNoIdentity([...assigned, ...answered, ...declined]);
  });

  it('queues nothing for staff without an email address', async () => {
    f = await createFixture(mode);
    seen = 0;
    const caseId = await accepted();
    await f.forward(caseId, 'ward-a');
    await f.as('headA').case.assign({ caseId, staffId: 's-handler-a' });
    await f.as('handlerA').case.acknowledge({ caseId });
    await f.as('handlerA').case.submitAnswer({ caseId, outcome: 'substantiated', answer: 'Đơn vị đã kiểm tra và trả kết quả hồ sơ cho công dân.' });
    expect(await newMessages(caseId)).toEqual([]);
  });
});
