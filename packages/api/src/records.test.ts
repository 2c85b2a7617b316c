import { listAudit, setStaffEmail, verifyAuditChain } from '@pakn/db';
import { deliverOutbox, retryDelayMs } from './notifications.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from './test-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(() => f.close());

async function forwarded() {
  const receipt = await f.submit({ contact: { name: 'Nguyễn Văn An', phone: '0912345678' }, consent: true });
  const summary = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference)!;
  await f.as('intake').case.classify({ caseId: summary.id, scope: 'in', category: 'late_result' });
  await f.forward(summary.id, 'ward-a');
  return summary.id;
}

describe('the audit trail', () => {
  it('records each step with who did it, before and after, in an unbroken chain, without the citizen identity', async () => {
    const caseId = await forwarded();
    const entries = await listAudit(f.db, { entityType: 'case', entityId: caseId });
    expect(entries.map((e) => [e.action, e.actorKind, e.actorId])).toEqual([
      ['case.submitted', 'citizen', null],
      ['case.classified_in_scope', 'staff', 's-intake'],
      ['case.forwarding_drafted', 'staff', 's-intake'],
      ['case.forwarded', 'staff', 's-director'],
    ]);
    expect(entries[2]).toMatchObject({ before: { status: 'accepted' }, after: { status: 'awaiting_approval' }, reason: 'UBND phường A' });
    expect(entries[3]).toMatchObject({ before: { status: 'awaiting_approval', unitId: null }, after: { status: 'forwarded', unitId: 'ward-a' } });
    expect(JSON.stringify(entries)).not.toContain('0912345678');
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: true, brokenAtSeq: null });
  });
});

describe('live updates', () => {
  it('tells the Centre about every change and a unit only about its own cases', async () => {
    const centre = await f.as('intake').case.onChange();
    const unitB = await f.as('handlerB').case.onChange();
    const centreSeen: string[] = [];
    const unitBSeen: string[] = [];
    const controller = new AbortController();
    const drain = async (it: AsyncIterable<{ kind: string }>, into: string[]) => {
      for await (const change of it) {
        into.push(change.kind);
        if (controller.signal.aborted) break;
      }
    };
    void drain(centre as AsyncIterable<{ kind: string }>, centreSeen);
    void drain(unitB as AsyncIterable<{ kind: string }>, unitBSeen);
    await new Promise((r) => setTimeout(r, 10));
    await forwarded();
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    expect(centreSeen).toEqual(['submitted', 'classified_in_scope', 'forwarding_drafted', 'forwarded']);
    expect(unitBSeen).toEqual([]);
  });
});

describe('notifications', () => {
  it('queues an email to the unit when a case is forwarded, and delivers it with retries', async () => {
    await f.db.write((tx) => setStaffEmail(tx, 's-handler-a', 'xuly.a@pakn.example'));
    await f.db.write((tx) => setStaffEmail(tx, 's-handler-b', 'xuly.b@pakn.example'));
    const caseId = await forwarded();
    const sent: { to: string; subject: string; text: string }[] = [];
    let failNext = true;
    const transport = {
      async send(message: { to: string; subject: string; text: string }) {
        if (failNext) {
          failNext = false;
          throw new Error('421 try again later');
        }
        sent.push(message);
      },
    };
    expect(await deliverOutbox(f.db, transport, f.now)).toEqual({ sent: 0, failed: 1 });
    // Not due again before the backoff has passed.
    expect(await deliverOutbox(f.db, transport, new Date(f.now.getTime() + 30_000))).toEqual({ sent: 0, failed: 0 });
    expect(await deliverOutbox(f.db, transport, new Date(f.now.getTime() + retryDelayMs(1)))).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe('xuly.a@pakn.example');
    expect(sent[0]!.text).toContain(`/portal/cases/${caseId}`);
    // Never the citizen's identity or the description.
    expect(JSON.stringify(sent)).not.toMatch(/Nguyễn Văn An|0912345678|khai sinh/);
  });

  it('writes to a citizen who asked for updates when the answer is out, never with the access key', async () => {
    const receipt = await f.submit({ contact: { email: 'dan@example.vn' }, consent: true, wantsUpdates: true });
    const summary = (await f.as('intake').case.inbox({})).items.find((c) => c.reference === receipt.reference)!;
    await f.as('intake').case.classify({ caseId: summary.id, scope: 'out', outOfScopeClass: 'crime_report', referral: 'Đề nghị liên hệ Công an phường.' });
    const sent: { to: string; subject: string; text: string }[] = [];
    await deliverOutbox(f.db, { send: async (m) => void sent.push(m) }, f.now);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([['dan@example.vn', `[PAKN] Phản ánh ${receipt.reference}: Đã hướng dẫn gửi cơ quan có thẩm quyền`]]);
    expect(sent[0]!.text).not.toContain(receipt.accessKey);
  });

  it('writes nothing to a citizen who did not ask', async () => {
    const receipt = await f.submit({ contact: { email: 'dan@example.vn' }, consent: true });
    const summary = (await f.as('intake').case.inbox({})).items.find((c) => c.reference === receipt.reference)!;
    await f.as('intake').case.classify({ caseId: summary.id, scope: 'out', outOfScopeClass: 'crime_report', referral: 'Đề nghị liên hệ Công an phường.' });
    expect(await deliverOutbox(f.db, { send: async () => undefined }, f.now)).toEqual({ sent: 0, failed: 0 });
  });
});
