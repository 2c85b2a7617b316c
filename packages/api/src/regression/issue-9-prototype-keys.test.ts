import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../test-fixture.ts';

/**
 * Issue 9, defect 8: names looked up in maps that have a prototype. A unit id may be `constructor` (the admin's
 * form allows it), and the per-unit evaluation counted into plain objects keyed by unit id, where
 * `constructor` finds Object's own constructor.
 */
describe('issue 9: a unit called constructor', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
    await f.as('admin').admin.saveUnit({ id: 'constructor', kind: 'ward', name: 'UBND phường Constructor', isNew: true });
  });
  afterEach(() => f.close());

  it('is evaluated like any other unit', async () => {
    const receipt = await f.submit();
    const caseId = (await f.as('intake').case.inbox({})).items.find((c) => c.reference === receipt.reference)!.id;
    await f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' });
    await f.forward(caseId, 'constructor');
    await f.as('intake').unit.record({ unitId: 'constructor', kind: 'reminder', note: 'Đôn đốc trả lời đúng hạn.' });
    // Well past the answer's allowance: overdue now.
    f.now = new Date(f.now.getTime() + 40 * 86_400_000);
    const { rows } = await f.as('director').unit.evaluation({ from: '2026-03-01', to: '2026-04-30' });
    expect(rows.find((r) => r.unitId === 'constructor')).toMatchObject({ received: 1, overdueNow: 1, reminders: 1, escalations: 0, averageRating: null });
  });

  it('is listed with zeros when nothing happened there (issue 12: every unit is evaluated)', async () => {
    const { rows } = await f.as('director').unit.evaluation({ from: '2026-03-01', to: '2026-03-31' });
    expect(rows.find((r) => r.unitId === 'constructor')).toMatchObject({ received: 0, answered: 0, score: null, rank: null, enoughData: false });
  });
});
