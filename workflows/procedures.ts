import { readFileSync } from 'node:fs';
import type { Localized } from './types';

export interface ProcedureInfo {
  /** Also the BPMN process id. */
  key: string;
  file: string;
  title: Localized;
  /** 1–5 = the five procedures of DOMAIN.md; 0 = feeder. */
  number: number;
}

export const procedures: ProcedureInfo[] = [
  { key: 'addiction-determination', file: 'addiction-determination.bpmn', number: 1,
    title: { vi: 'Xác định tình trạng nghiện ma túy', en: 'Addiction determination' } },
  { key: 'compulsory-dossier', file: 'compulsory-dossier.bpmn', number: 2,
    title: { vi: 'Lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc', en: 'Compulsory-rehab dossier' } },
  { key: 'court-decision', file: 'court-decision.bpmn', number: 3,
    title: { vi: 'Tòa án xem xét, quyết định đưa vào cơ sở cai nghiện bắt buộc', en: 'Court consideration and decision' } },
  { key: 'escort-admission', file: 'escort-admission.bpmn', number: 4,
    title: { vi: 'Đưa người vào và tiếp nhận tại cơ sở cai nghiện bắt buộc', en: 'Escort and admission to the compulsory rehab centre' } },
  { key: 'post-rehab-supervision', file: 'post-rehab-supervision.bpmn', number: 5,
    title: { vi: 'Quản lý sau cai nghiện ma túy tại nơi cư trú', en: 'Post-rehab management at the place of residence' } },
  { key: 'illegal-user-management', file: 'illegal-user-management.bpmn', number: 0,
    title: { vi: 'Quản lý người sử dụng trái phép chất ma túy', en: 'Managing an illegal drug user' } },
  { key: 'voluntary-registration', file: 'voluntary-registration.bpmn', number: 0,
    title: { vi: 'Đăng ký cai nghiện tự nguyện / điều trị methadone', en: 'Voluntary rehab / methadone registration' } },
];

const procedureDir = new URL('./procedures/', import.meta.url);

/** The BPMN XML of a shipped procedure. */
export function loadProcedureXml(key: string): string {
  const info = procedures.find((p) => p.key === key);
  if (!info) throw new Error(`unknown procedure ${key}`);
  return readFileSync(new URL(info.file, procedureDir), 'utf8');
}
