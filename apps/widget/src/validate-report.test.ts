import { describe, expect, it } from 'vitest';
import { CENTRE_FOUNDED_ON, DESCRIPTION_MAX, DESCRIPTION_MIN, LATEST_INPUT_DATE, PHONE_PATTERN, ReportFormSchema, fieldErrors } from '@pakn/domain';
import { EMPTY_REPORT, validateReport, type ReportValues } from './validate-report.ts';

const rules = {
  descriptionMin: DESCRIPTION_MIN,
  descriptionMax: DESCRIPTION_MAX,
  phonePattern: PHONE_PATTERN,
  earliestDate: CENTRE_FOUNDED_ON,
  latestDate: LATEST_INPUT_DATE,
};
const SITE = 'phuong-hoan-kiem';
const VALID: ReportValues = {
  ...EMPTY_REPORT,
  category: 'harassment',
  description: 'Cán bộ yêu cầu nộp thêm giấy tờ không có trong quy định.',
};

/** What `site.config` offers: the active categories (a made-up one too, as an admin may add). */
const OFFERED = ['late_result', 'harassment', 'other_violation', 'thu_tuc_dat_dai'];

/** zod runs this refinement only once the other fields are valid; the widget reports it at once. */
const REPORTED_EARLIER = 'consent';

/**
 * The property that matters: what the widget sends, the shared schema accepts exactly when the widget found
 * nothing wrong, and both blame the same fields.
 */
function expectSameVerdict(values: ReportValues) {
  const { input, issues } = validateReport(values, SITE, 'vi', rules, OFFERED);
  const parsed = ReportFormSchema.safeParse(input);
  const widgetKeys = Object.keys(issues).sort();
  // The server's own check after the schema (assertActiveCategory): the key must be one it offers now.
  const refusedCategory = !OFFERED.includes(input.category);
  if (parsed.success && !refusedCategory) {
    expect(widgetKeys).toEqual([]);
    return;
  }
  const schemaFields = parsed.success ? {} : fieldErrors(parsed.error.issues, 'vi');
  const schemaKeys = [...new Set([...Object.keys(schemaFields), ...(refusedCategory ? ['category'] : [])])].sort();
  expect(widgetKeys.filter((key) => key !== REPORTED_EARLIER || schemaKeys.includes(key))).toEqual(schemaKeys);
}

const CASES: Record<string, Partial<ReportValues>> = {
  'an empty form': { category: '', description: '' },
  'a valid anonymous report': {},
  'a description one character short': { description: 'x'.repeat(DESCRIPTION_MIN - 1) },
  'a description long enough only with its spaces': { description: `   ${'x'.repeat(DESCRIPTION_MIN - 1)}   ` },
  'a description at the minimum': { description: 'x'.repeat(DESCRIPTION_MIN) },
  'a description over the maximum': { description: 'x'.repeat(DESCRIPTION_MAX + 1) },
  'an unknown category': { category: 'complaint' },
  'a malformed category key': { category: 'Khiếu nại!' },
  'a category an admin added': { category: 'thu_tuc_dat_dai' },
  'a category no longer offered (a draft saved before it was deactivated)': { category: 'office_culture' },
  'a late result with valid dates': { category: 'late_result', appointmentDate: '2026-11-15', returnedDate: '2026-11-20' },
  'a late result returned before the appointment': { category: 'late_result', appointmentDate: '2026-11-15', returnedDate: '2026-11-10' },
  'a late result not returned yet': { category: 'late_result', appointmentDate: '2026-11-15', returnedDate: '2026-11-10', notReturned: true },
  'an impossible date': { category: 'late_result', appointmentDate: '2026-02-30' },
  'a malformed date': { category: 'late_result', appointmentDate: '15/11/2026' },
  'a date in the year 1200 (issue 9)': { category: 'late_result', appointmentDate: '1200-11-15' },
  'a date beyond the calendar': { category: 'late_result', appointmentDate: '2026-11-15', returnedDate: '2300-01-01' },
  'dates on another category (not sent)': { appointmentDate: 'nonsense' },
  'a name without consent': { name: 'Nguyễn Văn Bình' },
  'a name with consent': { name: 'Nguyễn Văn Bình', consent: true },
  'consent without contact (not sent)': { consent: true },
  'a phone with spaces': { phone: '0912 345 678', consent: true },
  'an international phone': { phone: '+84 912.345.678', consent: true },
  'letters for a phone': { phone: 'abc', consent: true },
  'a short phone': { phone: '12345', consent: true },
  'a valid email': { email: 'binh.nguyen@example.vn', consent: true },
  'an email without a domain': { email: 'binh@', consent: true },
  'an email without a dot': { email: 'binh@localhost', consent: true },
  'an email too long': { email: `${'a'.repeat(195)}@example.vn`, consent: true },
  'a name too long': { name: 'x'.repeat(121), consent: true },
  'a dossier code': { dossierCode: ' 000.00.12.H26-261120-0001 ' },
  'a dossier code too long': { dossierCode: 'x'.repeat(61) },
  'a unit': { unitId: 'unit-hoan-kiem' },
  'a unit id too long': { unitId: 'x'.repeat(65) },
  'blank contact fields (anonymous)': { name: '   ', phone: ' ', email: '' },
  'everything wrong at once': { category: '', description: 'short', phone: 'x', email: 'y', name: 'z' },
};

describe('validateReport agrees with the shared ReportFormSchema', () => {
  for (const [name, values] of Object.entries(CASES)) {
    it(`on ${name}`, () => expectSameVerdict({ ...VALID, ...values }));
  }

  it('on random combinations of good and bad values', () => {
    // A small deterministic generator: no dependency, the same cases on every run.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(options: readonly T[]) => options[Math.floor(next() * options.length)]!;
    for (let i = 0; i < 500; i++) {
      expectSameVerdict({
        category: pick(['', 'late_result', 'harassment', 'bogus', 'thu_tuc_dat_dai', 'Bad Key']),
        unitId: pick(['', 'unit-1', 'x'.repeat(70)]),
        dossierCode: pick(['', ' ', 'HS-1', 'x'.repeat(61)]),
        appointmentDate: pick(['', '2026-11-15', '2026-13-01', 'x', '1200-01-01', '2009-12-31', '2010-01-01']),
        returnedDate: pick(['', '2026-11-20', '2026-11-01', '2026-02-29']),
        notReturned: pick([true, false]),
        description: pick(['', 'x'.repeat(19), ` ${'y'.repeat(20)} `, 'z'.repeat(5001), 'Nội dung phản ánh đủ dài để được chấp nhận.']),
        name: pick(['', ' ', 'Bình', 'x'.repeat(121)]),
        phone: pick(['', '0912345678', '09-12', 'abc', '+84 912 345 678']),
        email: pick(['', 'a@b.vn', 'a@b', 'not an email']),
        confidential: pick([true, false]),
        consent: pick([true, false]),
      });
    }
  });

  it('sends trimmed values, and nothing for empty optional fields', () => {
    const { input } = validateReport({ ...VALID, dossierCode: '  HS-1  ', name: ' ', unitId: '' }, SITE, 'en', rules, OFFERED);
    expect(input).toMatchObject({ siteKey: SITE, dossierCode: 'HS-1', lang: 'en', confidential: true, consent: false });
    expect(input.contact).toBeUndefined();
    expect(input.unitId).toBeUndefined();
    expect(input.appointmentDate).toBeUndefined();
  });
});
