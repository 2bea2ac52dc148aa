import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import type { CountMeasure, EventMatch, IndicatorDefinition } from './measure.types';

/**
 * The targets (chỉ tiêu) of the shipped plans as an example configuration, applied to the demo
 * province 99. Definitions are data: admins edit them through the API; seeding never overwrites.
 */
export const DEMO_PROVINCE = '99';

export const shippedPlans = [
  { code: 'QT-2022-2025', vi: 'Kế hoạch cai nghiện và quản lý sau cai nghiện ma túy tỉnh Quảng Trị giai đoạn 2022–2025', en: 'Quảng Trị drug rehabilitation and post-rehab management plan 2022–2025', ref: 'Kế hoạch UBND tỉnh Quảng Trị 2022–2025, mục II.2', from: '2022-01-01', to: '2025-12-31' },
  { code: 'TV-DH-2023', vi: 'Kế hoạch 102/KH-UBND thị xã Duyên Hải (Trà Vinh) – nâng cao hiệu quả cai nghiện', en: 'Duyên Hải (Trà Vinh) plan 102/KH-UBND – more effective rehabilitation', ref: 'Kế hoạch 102/KH-UBND ngày 02/8/2023', from: '2023-08-02', to: '2025-12-31' },
  { code: 'HN-2017-2020', vi: 'Kế hoạch 31/KH-UBND Hà Nội – tăng cường cai nghiện và quản lý sau cai 2017–2020', en: 'Hà Nội plan 31/KH-UBND – rehabilitation and post-rehab management 2017–2020', ref: 'Kế hoạch 31/KH-UBND ngày 14/02/2017, mục I.3', from: '2017-01-01', to: '2020-12-31' },
] as const;

/** Counselling, screening, assessment steps ("tư vấn, khám sàng lọc, đánh giá") of the shipped procedures. */
export const COUNSELLING_STEPS: EventMatch = {
  type: 'task.completed',
  elementIds: ['Task_Examine', 'Task_ReceivePerson', 'Task_RegisterTreatment', 'Task_Appraise', 'Task_ReceiveRegistration'],
};

const completedRehab = (statuses: string[]): CountMeasure => ({ kind: 'count', source: 'statuses', period: 'to', where: [{ field: 'status', op: 'in', value: statuses }] });
const statusEpisodes = (statuses: string[]): CountMeasure => ({ kind: 'count', source: 'statuses', period: 'from', where: [{ field: 'status', op: 'in', value: statuses }] });

type Seed = Omit<IndicatorDefinition, 'periodFrom' | 'periodTo' | 'jurisdictionCode' | 'sort'>;

const qt: Seed[] = [
  {
    code: 'qt.methadone', planCode: 'QT-2022-2025', unit: 'persons',
    name: { vi: 'Số người nghiện được điều trị thay thế bằng Methadone', en: 'People treated with methadone' },
    measure: { kind: 'count', source: 'statuses', period: 'overlap', distinct: 'person', where: [{ field: 'status', op: 'eq', value: 'methadone' }] },
    target: { op: '>=', value: 250 },
  },
  {
    code: 'qt.counselling-points', planCode: 'QT-2022-2025', unit: 'count',
    name: { vi: 'Điểm tư vấn, hỗ trợ điều trị nghiện tại cộng đồng cấp xã thành lập mới', en: 'New community counselling points (commune level)' },
    description: { vi: 'Nhập tay theo từng xã (không có thủ tục ghi nhận).', en: 'Entered by hand per commune (no procedure records it).' },
    measure: { kind: 'count', source: 'observations', where: [{ field: 'indicator', op: 'eq', value: 'qt.counselling-points' }] },
    target: { op: '>=', value: 3 },
  },
  {
    code: 'qt.post-rehab-managed', planCode: 'QT-2022-2025', unit: 'percent',
    name: { vi: 'Tỷ lệ người hoàn thành cai nghiện được quản lý sau cai', en: '% of rehab completers under post-rehab management' },
    measure: {
      kind: 'ratio',
      numerator: { ...completedRehab(['compulsory_rehab', 'voluntary_rehab']), where: [{ field: 'status', op: 'in', value: ['compulsory_rehab', 'voluntary_rehab'] }, { personStatus: ['post_rehab'], window: 'ever' }] },
      denominator: completedRehab(['compulsory_rehab', 'voluntary_rehab']),
    },
    target: { op: '>=', value: 100 },
  },
  {
    code: 'qt.trigger-to-court-days', planCode: 'QT-2022-2025', unit: 'days',
    name: { vi: 'Số ngày (trung vị) từ khi có căn cứ lập hồ sơ đến quyết định của Tòa án', en: 'Median days from trigger to court decision' },
    measure: { kind: 'duration', statistic: 'median', from: { type: 'instance.started', definitionKey: 'compulsory-dossier' }, to: { type: 'task.completed', definitionKey: 'court-decision', elementIds: ['Task_Session'] } },
    target: null,
  },
  {
    code: 'qt.tasks-on-time', planCode: 'QT-2022-2025', unit: 'percent',
    name: { vi: 'Tỷ lệ công việc hoàn thành trong thời hạn luật định', en: '% of tasks finished within their legal deadline' },
    measure: {
      kind: 'ratio',
      numerator: { kind: 'count', source: 'tasks', where: [{ field: 'state', op: 'eq', value: 'completed' }, { field: 'hasDeadline', op: 'eq', value: true }, { field: 'onTime', op: 'eq', value: true }] },
      denominator: { kind: 'count', source: 'tasks', where: [{ field: 'state', op: 'eq', value: 'completed' }, { field: 'hasDeadline', op: 'eq', value: true }] },
    },
    target: { op: '>=', value: 100 },
  },
];

const addictedWithRecord: CountMeasure = { kind: 'count', source: 'persons', distinct: 'person', period: 'none', where: [{ personStatus: ['addicted'], window: 'during' }] };
const tv: Seed[] = [
  {
    code: 'tv.counselled', planCode: 'TV-DH-2023', unit: 'percent',
    name: { vi: 'Tỷ lệ người nghiện có hồ sơ quản lý được tư vấn, khám sàng lọc, đánh giá', en: '% of addicted persons with a record who were counselled' },
    measure: { kind: 'ratio', numerator: { ...addictedWithRecord, where: [...addictedWithRecord.where!, { personEvent: COUNSELLING_STEPS, window: 'during' }] }, denominator: addictedWithRecord },
    target: { op: '>', value: 80 },
  },
];

const hn: Seed[] = [
  { code: 'hn.treated', unit: 'persons', vi: 'Lượt người nghiện được điều trị, cai nghiện', en: 'Treatment episodes (all forms)', statuses: ['compulsory_rehab', 'voluntary_rehab', 'methadone'], target: 17700 },
  { code: 'hn.compulsory', unit: 'persons', vi: 'Người cai nghiện bắt buộc', en: 'Compulsory rehabilitation', statuses: ['compulsory_rehab'], target: 2500 },
  { code: 'hn.voluntary', unit: 'persons', vi: 'Lượt cai nghiện tự nguyện tại cơ sở', en: 'Voluntary rehabilitation episodes', statuses: ['voluntary_rehab'], target: 8000 },
  { code: 'hn.methadone', unit: 'persons', vi: 'Lượt điều trị thay thế bằng Methadone', en: 'Methadone treatment episodes', statuses: ['methadone'], target: 6000 },
].map((h): Seed => ({ code: h.code, planCode: 'HN-2017-2020', unit: 'persons', name: { vi: h.vi, en: h.en }, measure: statusEpisodes(h.statuses), target: { op: '>=', value: h.target } }));
hn.push({ ...qt[2], code: 'hn.post-rehab-managed', planCode: 'HN-2017-2020' });

/** Every shipped indicator with its plan's period, on the demo province. */
export function shippedIndicators(jurisdictionCode = DEMO_PROVINCE): IndicatorDefinition[] {
  const periodOf = (plan: string | null) => shippedPlans.find((p) => p.code === plan)!;
  return [...qt, ...tv, ...hn].map((s, i) => ({ ...s, periodFrom: periodOf(s.planCode).from, periodTo: periodOf(s.planCode).to, jurisdictionCode, sort: i }));
}

/** Idempotent: inserts missing plans/indicators, never overwrites an admin's edits. */
export async function seedPlanIndicators(db: Kysely<ServerDatabase>, jurisdictionCode = DEMO_PROVINCE): Promise<number> {
  let inserted = 0;
  await db.transaction().execute(async (tx) => {
    for (const p of shippedPlans) {
      await sql`INSERT INTO indicator_plan (code, name_vi, name_en, source_ref, jurisdiction_code, period_from, period_to)
        VALUES (${p.code}, ${p.vi}, ${p.en}, ${p.ref}, ${jurisdictionCode}, ${p.from}::date, ${p.to}::date) ON CONFLICT (code) DO NOTHING`.execute(tx);
    }
    for (const d of shippedIndicators(jurisdictionCode)) {
      const r = await sql`INSERT INTO indicator (code, plan_code, name_vi, name_en, description, unit, measure, target, period_from, period_to, jurisdiction_code, sort)
        VALUES (${d.code}, ${d.planCode}, ${d.name.vi}, ${d.name.en}, ${JSON.stringify(d.description ?? {})}::jsonb, ${d.unit}, ${JSON.stringify(d.measure)}::jsonb,
                ${d.target ? JSON.stringify(d.target) : null}::jsonb, ${d.periodFrom}::date, ${d.periodTo}::date, ${d.jurisdictionCode}, ${d.sort})
        ON CONFLICT (code) DO NOTHING`.execute(tx);
      inserted += Number(r.numAffectedRows ?? 0);
    }
  });
  return inserted;
}
