import { randomUUID } from 'node:crypto';
import { hashPassword, newAccessKey, sha256Hex } from '@pakn/api';
import {
  approveLetter,
  countStaff,
  currentDraft,
  getCase,
  insertLetter,
  type CasePatch,
  insertCase,
  loadWorkingCalendars,
  recountAnswerFacts,
  recountCaseQueues,
  insertEvent,
  insertSite,
  insertStaff,
  insertUnit,
  nextReference,
  saveAuthority,
  setStaffEmail,
  setUnitOfficeHours,
  updateCase,
  type Db,
  type Executor,
} from '@pakn/db';
import {
  BUILT_IN_CATEGORY_LABELS,
  forwardingLetterBody,
  move,
  type CaseMove,
  type CaseStatus,
  DEFAULT_REFERRALS,
  OFFICE_HOURS_WITH_SATURDAY_MORNING,
  type OutOfScopeClass,
  type BuiltInCategory,
  type Channel,
  type Role,
  type Unit,
} from '@pakn/domain';
import { hanoiCommuneLevelUnits } from './seed-units.ts';

/** The seed's own data refers only to what it has just written: a missing row is a bug in the seed. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Seed: ${what} is missing`);
  return value;
}

export const DEMO_PASSWORD = 'pakn-demo-2026';
export const DEMO_SITE_KEY = 'phuong-hoan-kiem';
const SATURDAY_BRANCHES = ['branch-01', 'branch-02', 'branch-03'];

const DEPARTMENTS: readonly [string, string][] = [
  ['dept-justice', 'Sở Tư pháp'],
  ['dept-construction', 'Sở Xây dựng'],
  ['dept-agriculture-environment', 'Sở Nông nghiệp và Môi trường'],
  ['dept-finance', 'Sở Tài chính'],
  ['dept-home-affairs', 'Sở Nội vụ'],
  ['dept-health', 'Sở Y tế'],
];

export function demoUnits(): Unit[] {
  const units: Unit[] = [{ id: 'centre', kind: 'centre', name: 'Trung tâm Phục vụ hành chính công Thành phố Hà Nội', parentId: null }];
  for (let n = 1; n <= 30; n++) {
    units.push({ id: `branch-${String(n).padStart(2, '0')}`, kind: 'branch', name: `Chi nhánh số ${n}`, parentId: 'centre' });
  }
  for (const [id, name] of DEPARTMENTS) units.push({ id, kind: 'department', name, parentId: null });
  for (const unit of hanoiCommuneLevelUnits()) units.push({ ...unit, parentId: null });
  return units;
}

export const DEMO_STAFF: readonly { username: string; displayName: string; role: Role; unitId: string | null }[] = [
  { username: 'tiepnhan', displayName: 'Nguyễn Thị Lan (tiếp nhận)', role: 'intake_officer', unitId: 'centre' },
  { username: 'giamdoc', displayName: 'Trần Văn Minh (Giám đốc)', role: 'director', unitId: 'centre' },
  { username: 'xuly.hoankiem', displayName: 'Lê Thu Hà (phường Hoàn Kiếm)', role: 'unit_handler', unitId: 'ward-hoan-kiem' },
  { username: 'lanhdao.hoankiem', displayName: 'Phạm Quốc Huy (lãnh đạo phường Hoàn Kiếm)', role: 'unit_head', unitId: 'ward-hoan-kiem' },
  { username: 'xuly.cuanam', displayName: 'Đỗ Minh Anh (phường Cửa Nam)', role: 'unit_handler', unitId: 'ward-cua-nam' },
  { username: 'thanhtra', displayName: 'Vũ Thanh Tâm (thanh tra, giám sát)', role: 'inspector', unitId: 'centre' },
  { username: 'quantri', displayName: 'Quản trị hệ thống', role: 'admin', unitId: null },
];

interface SampleCase {
  readonly channel: Channel;
  readonly category: BuiltInCategory;
  readonly concernedUnitId: string;
  readonly description: string;
  readonly contact?: { name?: string; phone?: string };
  /** How far the Centre's process has taken it. */
  readonly stage?: 'received' | 'awaiting_approval' | 'forwarded' | 'in_progress' | 'awaiting_verification';
  readonly unitId?: string;
}

const SAMPLE_CASES: readonly SampleCase[] = [
  {
    channel: 'hotline',
    category: 'late_result',
    concernedUnitId: 'ward-hoan-kiem',
    description: 'Tôi nộp hồ sơ chứng thực bản sao tại bộ phận một cửa phường Hoàn Kiếm, hẹn trả ngày 20/11 nhưng đến nay chưa nhận được kết quả.',
    contact: { name: 'Nguyễn Văn An', phone: '0912345678' },
  },
  {
    channel: 'zalo',
    category: 'refusing_or_extra_papers',
    concernedUnitId: 'branch-05',
    description: 'Cán bộ yêu cầu tôi nộp thêm bản sao sổ hộ khẩu, trong khi thủ tục đăng ký khai sinh không yêu cầu giấy tờ này.',
    contact: { phone: '0987654321' },
  },
  {
    channel: 'web_widget',
    category: 'harassment',
    concernedUnitId: 'ward-hoan-kiem',
    description: 'Cán bộ tiếp nhận hồ sơ có thái độ gây khó dễ, yêu cầu tôi quay lại nhiều lần mà không hướng dẫn rõ ràng.',
    stage: 'in_progress',
    unitId: 'ward-hoan-kiem',
  },
  {
    channel: 'viber',
    category: 'obstructing_choice',
    concernedUnitId: 'ward-cua-nam',
    description: 'Tôi muốn nhận kết quả qua bưu chính công ích nhưng cán bộ yêu cầu phải đến nhận trực tiếp.',
    stage: 'awaiting_approval',
    unitId: 'dept-justice',
  },
  {
    channel: 'walk_in',
    category: 'late_result',
    concernedUnitId: 'ward-hoan-kiem',
    description: 'Hồ sơ đăng ký kết hôn của tôi bị trả muộn một tuần so với giấy hẹn mà không có thư xin lỗi.',
    stage: 'awaiting_verification',
    unitId: 'ward-hoan-kiem',
  },
];

const STAGE_MOVES: readonly CaseMove[] = ['classified_in_scope', 'forwarding_drafted', 'forwarded', 'acknowledged', 'answer_submitted'];
const STAGE_DEPTH = { received: 0, awaiting_approval: 2, forwarded: 3, in_progress: 4, awaiting_verification: 5 } as const;

/** The case's fields that a stage's move sets. */
function stagePatch(kind: CaseMove, to: CaseStatus, sample: SampleCase, unitId: string | null, at: Date): CasePatch {
  return {
    status: to,
    ...(kind === 'classified_in_scope' ? { category: sample.category } : {}),
    ...(kind === 'forwarded' ? { unitId, forwardedAt: at } : {}),
    ...(kind === 'acknowledged' ? { acknowledgedAt: at } : {}),
    ...(kind === 'answer_submitted'
      ? {
          answer: 'UBND phường đã trả kết quả cho Ông/Bà và gửi thư xin lỗi vì sự chậm trễ; cán bộ liên quan đã được nhắc nhở.',
          answerOutcome: 'substantiated' as const,
        }
      : {}),
  };
}

/** The forwarding letter a stage drafts (the intake officer) or approves (the director). */
async function sampleLetter(
  tx: Executor,
  kind: CaseMove,
  sampled: { readonly id: string; readonly reference: string; readonly unitId: string | null; readonly unitName: string },
  sample: SampleCase,
  at: Date,
  staff: ReadonlyMap<string, string>,
): Promise<void> {
  const { id, reference, unitId, unitName } = sampled;
  if (kind === 'forwarding_drafted' && unitId) {
    const record = present(await getCase(tx, id), id);
    await insertLetter(
      tx,
      {
        id: randomUUID(),
        caseId: id,
        unitId,
        draftedBy: present(staff.get('tiepnhan'), 'tiepnhan'),
        body: forwardingLetterBody({
          reference,
          unitName,
          categoryLabel: BUILT_IN_CATEGORY_LABELS[sample.category].vi,
          description: sample.description,
          dossierCode: null,
          receivedAt: record.createdAt,
          citizen: null,
          answerDueAt: null,
        }),
      },
      at,
    );
  }
  if (kind === 'forwarded') {
    const draft = present(await currentDraft(tx, id), id);
    await approveLetter(tx, draft.id, present(staff.get('giamdoc'), 'giamdoc'), at, at.getUTCFullYear());
  }
}

async function insertSampleCase(tx: Executor, sample: SampleCase, at: Date, staff: ReadonlyMap<string, string>): Promise<void> {
  const id = randomUUID();
  const reference = await nextReference(tx, at.getUTCFullYear());
  await insertCase(
    tx,
    {
      id,
      reference,
      accessKeyHash: sha256Hex(newAccessKey().raw),
      channel: sample.channel,
      siteKey: sample.channel === 'web_widget' ? DEMO_SITE_KEY : null,
      reportedCategory: sample.category,
      concernedUnitId: sample.concernedUnitId,
      description: sample.description,
      contact: sample.contact,
      confidential: true,
      consentAt: sample.contact ? at : null,
      lang: 'vi',
    },
    at,
  );
  await insertEvent(tx, { caseId: id, kind: 'submitted', fromStatus: null, toStatus: 'received', actorStaffId: null, note: null, visibleToCitizen: true }, at);
  const unitId = sample.unitId ?? null;
  const unitName = demoUnits().find((u) => u.id === unitId)?.name ?? '';
  const actors: Record<CaseMove, string> = { forwarded: 'giamdoc', acknowledged: 'xuly.hoankiem', answer_submitted: 'xuly.hoankiem' } as Record<
    CaseMove,
    string
  >;
  let status: CaseStatus = 'received';
  let version = 1;
  for (const kind of STAGE_MOVES.slice(0, STAGE_DEPTH[sample.stage ?? 'received'])) {
    const username = actors[kind] ?? 'tiepnhan';
    const actor = present(
      DEMO_STAFF.find((s) => s.username === username),
      username,
    );
    const moved = move({ status, unitId: status === 'received' || status === 'accepted' || status === 'awaiting_approval' ? null : unitId }, kind, {
      role: actor.role,
      unitId: actor.unitId,
    });
    await updateCase(tx, id, version++, stagePatch(kind, moved.to, sample, unitId, at), at);
    await insertEvent(
      tx,
      {
        caseId: id,
        kind,
        fromStatus: moved.from,
        toStatus: moved.to,
        actorStaffId: present(staff.get(username), username),
        note: kind === 'forwarding_drafted' ? unitName : null,
        visibleToCitizen: moved.visibleToCitizen,
      },
      at,
    );
    await sampleLetter(tx, kind, { id, reference, unitId, unitName }, sample, at, staff);
    status = moved.to;
  }
}

const AUTHORITIES: readonly [OutOfScopeClass, string, string, string][] = [
  ['information_request', 'co-quan-giai-quyet-tthc', 'Cơ quan giải quyết thủ tục hành chính', 'The agency handling the procedure'],
  [
    'other_province',
    'ttpvhcc-tinh-khac',
    'Trung tâm Phục vụ hành chính công tỉnh, thành phố nơi có vụ việc',
    'The Public Administration Service Centre of that province',
  ],
  ['complaint_or_denunciation', 'thanh-tra-thanh-pho', 'Thanh tra Thành phố Hà Nội', 'Hanoi City Inspectorate'],
  ['crime_report', 'cong-an-thanh-pho', 'Công an Thành phố Hà Nội', 'Hanoi City Police'],
  ['public_order', 'cong-an-xa-phuong', 'Công an xã, phường nơi xảy ra vụ việc', 'The commune or ward police'],
  ['policy_or_legislation', 'ubnd-thanh-pho', 'Ủy ban nhân dân Thành phố Hà Nội', 'Hanoi City People’s Committee'],
  ['litigation_or_penalty', 'toa-an-co-quan-xu-phat', 'Tòa án nhân dân, cơ quan xử phạt vi phạm hành chính', 'The court or the penalising authority'],
  ['other', 'co-quan-co-tham-quyen', 'Cơ quan có thẩm quyền', 'The competent authority'],
];

export interface SeedOptions {
  /** Origins of the demo ward website, registered for the demo site key. */
  readonly demoSiteOrigins: readonly string[];
  readonly now: Date;
  readonly withSampleCases?: boolean;
}

/** Seeds demo data into an empty database. Returns false (and changes nothing) if staff already exist. */
export async function seedDemo(db: Db, options: SeedOptions): Promise<boolean> {
  if ((await countStaff(db)) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staffIds = new Map<string, string>();
  await db.write(async (tx) => {
    for (const unit of demoUnits()) await insertUnit(tx, unit, options.now);
    // Some branches also receive dossiers on Saturday mornings: their deadlines count those mornings.
    for (const id of SATURDAY_BRANCHES) await setUnitOfficeHours(tx, id, OFFICE_HOURS_WITH_SATURDAY_MORNING);
    await insertSite(
      tx,
      { key: DEMO_SITE_KEY, name: 'Cổng thông tin điện tử phường Hoàn Kiếm', allowedOrigins: options.demoSiteOrigins, defaultUnitId: 'ward-hoan-kiem' },
      options.now,
    );
    for (const member of DEMO_STAFF) {
      const id = randomUUID();
      staffIds.set(member.username, id);
      await insertStaff(tx, { id, ...member, passwordHash }, options.now);
      await setStaffEmail(tx, id, `${member.username}@pakn.example`);
    }
    for (const [outOfScopeClass, id, vi, en] of AUTHORITIES) {
      await saveAuthority(tx, { id, outOfScopeClass, name: { vi, en }, referral: DEFAULT_REFERRALS[outOfScopeClass] }, options.now);
    }
    if (options.withSampleCases ?? true) {
      for (const [index, sample] of SAMPLE_CASES.entries()) {
        const at = new Date(options.now.getTime() - (SAMPLE_CASES.length - index) * 3600_000);
        await insertSampleCase(tx, sample, at, staffIds);
      }
    }
  });
  // The sample cases were written without the calendars: their list keys are computed now (issue 11).
  const calendars = await loadWorkingCalendars(db);
  await recountCaseQueues(db, calendars, 'all');
  // And the evaluation's timings of their answers (migration 0017).
  await recountAnswerFacts(db, calendars, 'missing');
  return true;
}
