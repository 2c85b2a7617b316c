import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type DbMode, type Fixture } from './test-fixture.ts';

// Issue 5, "record and summarise each report": the portal shows the summary editor exactly when
// `canEditSummary` says so, and the server refuses the rest (search.test.ts covers the refusals).
describe.each<DbMode>(['embedded', 'remote'])('who may correct a summary (%s database)', (mode) => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture(mode);
  });
  afterEach(() => f.close());

  it('lets the Centre correct a summary until the forwarding draft, and nobody after', async () => {
    const receipt = await f.submit({ description: 'Hồ sơ đăng ký hộ kinh doanh bị trả chậm năm ngày.' });
    const caseId = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference)!.id;
    const flag = async (who: Parameters<Fixture['as']>[0]) => (await f.as(who).case.get({ caseId })).canEditSummary;

    expect(await flag('intake')).toBe(true);
    expect(await flag('director')).toBe(true);
    expect(await flag('inspector')).toBe(false);

    const edited = await f.as('intake').case.editSummary({ caseId, description: '  Hồ sơ đăng ký hộ kinh doanh ở phố Huế bị trả chậm năm ngày.  ' });
    expect(edited.description).toBe('Hồ sơ đăng ký hộ kinh doanh ở phố Huế bị trả chậm năm ngày.');
    expect(edited.canEditSummary).toBe(true);

    await f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' });
    expect(await flag('intake')).toBe(true);
    await f.as('intake').case.draftForwarding({ caseId, unitId: 'ward-a', confirmSelfReview: true });
    expect(await flag('intake')).toBe(false);
    await f.as('director').case.approveForwarding({ caseId });
    expect(await flag('intake')).toBe(false);
    expect(await flag('director')).toBe(false);
    expect(await flag('handlerA')).toBe(false);
  });
});
