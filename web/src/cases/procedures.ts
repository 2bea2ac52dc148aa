/** Procedures staff can start for a person (process ids of workflows/procedures/*.bpmn). */
export const PROCEDURES: { key: string; vi: string; en: string }[] = [
  { key: 'addiction-determination', vi: 'Xác định tình trạng nghiện ma túy', en: 'Addiction determination' },
  { key: 'compulsory-dossier', vi: 'Lập hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc', en: 'Compulsory-rehab dossier' },
  { key: 'court-decision', vi: 'Tòa án xem xét, quyết định', en: 'Court consideration and decision' },
  { key: 'escort-admission', vi: 'Đưa vào và tiếp nhận tại cơ sở cai nghiện', en: 'Escort and admission' },
  { key: 'post-rehab-supervision', vi: 'Quản lý sau cai nghiện', en: 'Post-rehab supervision' },
  { key: 'voluntary-registration', vi: 'Đăng ký cai nghiện tự nguyện / điều trị thay thế', en: 'Voluntary rehab / substitution registration' },
  { key: 'illegal-user-management', vi: 'Quản lý người sử dụng trái phép chất ma túy', en: 'Management of illegal drug users' },
];

export function procedureName(key: string, locale: 'vi' | 'en'): string {
  const found = PROCEDURES.find((p) => p.key === key);
  return found ? found[locale] : key;
}
