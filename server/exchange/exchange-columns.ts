/** The interchange format of persons (and, optionally, one case per row): columns and row checks. */
export const PERSON_COLUMNS = [
  'full_name', 'date_of_birth', 'sex', 'id_type', 'id_number', 'commune_code', 'permanent_address', 'status',
  'case_code', 'procedure_key', 'case_title',
] as const;
export type PersonColumn = (typeof PERSON_COLUMNS)[number];
export type RawRow = Partial<Record<PersonColumn, string>>;

export interface RowError {
  /** 1-based data row (the header is row 0; in a spreadsheet add 1 for the header line) */
  row: number;
  field: string;
  code: string;
  message: { vi: string; en: string };
}

export interface CleanRow {
  fullName: string;
  dateOfBirth: string | null;
  sex: 'male' | 'female' | null;
  idType: string | null;
  idNumber: string | null;
  communeCode: string;
  permanentAddress: string | null;
  status: string | null;
  caseCode: string | null;
  procedureKey: string | null;
  caseTitle: string | null;
}

const STATUSES = new Set(['illegal_user_managed', 'addicted', 'voluntary_rehab', 'methadone', 'interim_management', 'compulsory_rehab', 'post_rehab', 'closed']);
const ID_TYPES = new Set(['cccd', 'cmnd', 'passport', 'birth_certificate']);
const PROCEDURES = new Set(['addiction-determination', 'compulsory-dossier', 'court-decision', 'escort-admission', 'post-rehab-supervision', 'illegal-user-management', 'voluntary-registration']);
const SEX: Record<string, 'male' | 'female'> = { male: 'male', female: 'female', nam: 'male', 'nữ': 'female', nu: 'female' };

const MESSAGES = {
  REQUIRED: { vi: 'Bắt buộc nhập.', en: 'Required.' },
  TOO_LONG: { vi: 'Quá dài.', en: 'Too long.' },
  DATE_INVALID: { vi: 'Ngày không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).', en: 'Invalid date (dd/mm/yyyy or yyyy-mm-dd).' },
  SEX_INVALID: { vi: 'Giới tính phải là Nam/Nữ (male/female).', en: 'Sex must be male/female (Nam/Nữ).' },
  ID_TYPE_INVALID: { vi: 'Loại giấy tờ không hợp lệ (cccd, cmnd, passport, birth_certificate).', en: 'Invalid ID type (cccd, cmnd, passport, birth_certificate).' },
  CCCD_INVALID: { vi: 'Số CCCD phải gồm 12 chữ số.', en: 'A CCCD number has 12 digits.' },
  CMND_INVALID: { vi: 'Số CMND phải gồm 9 hoặc 12 chữ số.', en: 'A CMND number has 9 or 12 digits.' },
  COMMUNE_UNKNOWN: { vi: 'Không có xã/phường với mã này.', en: 'No commune has this code.' },
  COMMUNE_FORBIDDEN: { vi: 'Bạn không được nhập dữ liệu cho xã/phường này.', en: 'You may not import data for this commune.' },
  STATUS_INVALID: { vi: 'Trạng thái không hợp lệ.', en: 'Invalid status.' },
  PROCEDURE_INVALID: { vi: 'Thủ tục không hợp lệ.', en: 'Invalid procedure.' },
  PROCEDURE_REQUIRED: { vi: 'Có số hồ sơ thì phải có thủ tục.', en: 'A case code needs a procedure.' },
  DUPLICATE_IN_FILE: { vi: 'Trùng với một dòng khác trong tệp.', en: 'Duplicates another row of the file.' },
  COLUMN_UNKNOWN: { vi: 'Cột không có trong định dạng trao đổi.', en: 'Column not in the interchange format.' },
} as const;
export type RowErrorCode = keyof typeof MESSAGES;

export function rowError(row: number, field: string, code: RowErrorCode): RowError {
  return { row, field, code, message: MESSAGES[code] };
}

function isoDate(value: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value) ?? null;
  const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * Checks one row; `commune` tells whether a code exists and may be written by the importer.
 * Returns the clean row or the row's errors (all of them, not only the first).
 */
export function validateRow(raw: RawRow, row: number, commune: (code: string) => 'ok' | 'unknown' | 'forbidden'): { clean?: CleanRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const v = (k: PersonColumn) => (raw[k] ?? '').trim();
  const opt = (k: PersonColumn, max: number) => {
    const s = v(k);
    if (s.length > max) errors.push(rowError(row, k, 'TOO_LONG'));
    return s || null;
  };
  const fullName = v('full_name');
  if (!fullName) errors.push(rowError(row, 'full_name', 'REQUIRED'));
  else if (fullName.length > 200) errors.push(rowError(row, 'full_name', 'TOO_LONG'));
  let dateOfBirth: string | null = null;
  if (v('date_of_birth')) {
    dateOfBirth = isoDate(v('date_of_birth'));
    if (!dateOfBirth) errors.push(rowError(row, 'date_of_birth', 'DATE_INVALID'));
  }
  let sex: 'male' | 'female' | null = null;
  if (v('sex')) {
    sex = SEX[v('sex').toLowerCase()] ?? null;
    if (!sex) errors.push(rowError(row, 'sex', 'SEX_INVALID'));
  }
  const idType = v('id_type') || null;
  if (idType && !ID_TYPES.has(idType)) errors.push(rowError(row, 'id_type', 'ID_TYPE_INVALID'));
  const idNumber = opt('id_number', 30);
  if (idNumber && idType === 'cccd' && !/^\d{12}$/.test(idNumber)) errors.push(rowError(row, 'id_number', 'CCCD_INVALID'));
  if (idNumber && idType === 'cmnd' && !/^(\d{9}|\d{12})$/.test(idNumber)) errors.push(rowError(row, 'id_number', 'CMND_INVALID'));
  const communeCode = v('commune_code');
  if (!communeCode) errors.push(rowError(row, 'commune_code', 'REQUIRED'));
  else {
    const c = commune(communeCode);
    if (c === 'unknown') errors.push(rowError(row, 'commune_code', 'COMMUNE_UNKNOWN'));
    if (c === 'forbidden') errors.push(rowError(row, 'commune_code', 'COMMUNE_FORBIDDEN'));
  }
  const status = v('status') || null;
  if (status && !STATUSES.has(status)) errors.push(rowError(row, 'status', 'STATUS_INVALID'));
  const caseCode = opt('case_code', 50);
  const procedureKey = v('procedure_key') || null;
  if (procedureKey && !PROCEDURES.has(procedureKey)) errors.push(rowError(row, 'procedure_key', 'PROCEDURE_INVALID'));
  if (caseCode && !procedureKey) errors.push(rowError(row, 'procedure_key', 'PROCEDURE_REQUIRED'));
  const caseTitle = opt('case_title', 200);
  const permanentAddress = opt('permanent_address', 500);
  if (errors.length) return { errors };
  return { errors, clean: { fullName, dateOfBirth, sex, idType, idNumber, communeCode, permanentAddress, status, caseCode, procedureKey, caseTitle } };
}
