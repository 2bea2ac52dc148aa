import type { DocumentData } from './document-data.service';
import type { Block, OfficialDocument } from './pdf-renderer';

const ND116 = 'Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ';
const ND109 = 'Nghị định số 109/2021/NĐ-CP ngày 08/12/2021 của Chính phủ';
const BLANK = '……………';

/** A template: which task's form it prints (element ids in order of preference) and the layout. */
export interface DocumentTemplate {
  mau: string;
  title: string;
  procedures: string[];
  elements: string[];
  build(d: DocumentData, f: Record<string, unknown>): OfficialDocument;
}

const s = (v: unknown, fallback = BLANK): string => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : fallback);
const vnDate = (v: unknown): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof v === 'string' ? v : '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : BLANK;
};
const isoDate = (v: unknown, fallback: string): string => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : fallback);
const sexVi = (v: unknown): string => (v === 'female' ? 'Nữ' : v === 'male' ? 'Nam' : BLANK);

/** The person's identity from the person record (authoritative), the form's copy as fallback. */
function identity(d: DocumentData, f: Record<string, unknown>): Block[] {
  return [
    { label: 'Họ và tên', value: s(d.person.fullName, s(f.fullName)) },
    { label: 'Ngày, tháng, năm sinh', value: vnDate(d.person.dateOfBirth ?? f.dateOfBirth) },
    { label: 'Giới tính', value: sexVi(d.person.sex ?? f.sex) },
    { label: 'Số định danh cá nhân/CCCD', value: s(d.person.idNumber, s(f.idNumber)) },
    { label: 'Nơi thường trú', value: s(d.person.permanentAddress, s(f.permanentAddress)) },
  ];
}

const ubnd = (d: DocumentData) => ({ parent: d.provinceName ? `Ủy ban nhân dân ${d.provinceName}` : undefined, name: `Ủy ban nhân dân ${d.communeName}` });
const police = (d: DocumentData) => ({ parent: `Công an ${d.provinceName}`, name: `Công an ${d.communeName}` });
const preparer = (d: DocumentData) => (d.variables.ruleset === '2022' ? ubnd(d) : police(d));
const place = (d: DocumentData) => d.communeName || d.provinceName;

export const documentTemplates: DocumentTemplate[] = [
  {
    mau: '24', title: 'Quyết định cai nghiện ma túy tự nguyện / điều trị thay thế', procedures: ['voluntary-registration'], elements: ['Task_TreatmentDecision'],
    build: (d, f) => ({
      mau: 'Mẫu số 24', instrument: ND116, issuer: ubnd(d), number: s(f.decisionNo), place: place(d), date: isoDate(f.decisionDate, d.issuedAt),
      title: 'Quyết định', subtitle: 'Về việc cai nghiện ma túy tự nguyện tại gia đình, cộng đồng / điều trị nghiện bằng thuốc thay thế',
      body: ['Căn cứ Luật Phòng, chống ma túy; căn cứ Nghị định số 116/2021/NĐ-CP; xét đơn đăng ký (Mẫu 22) và đề nghị của Công an xã,', { heading: 'QUYẾT ĐỊNH:' },
        'Điều 1. Cho người có tên dưới đây được thực hiện biện pháp đã đăng ký:', ...identity(d, f),
        { label: 'Hình thức', value: s(f.treatmentType) }, { label: 'Đơn vị cung cấp dịch vụ', value: s(f.provider) }, { label: 'Thời gian', value: s(f.duration) },
        'Điều 2. Người cai nghiện, gia đình và các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này.'],
      signer: { position: s(f.signerPosition, 'Chủ tịch'), name: s(f.signerName) }, recipients: ['Người cai nghiện, gia đình', 'Công an xã', 'Đơn vị cung cấp dịch vụ', 'Lưu: VT'],
    }),
  },
  {
    mau: '27', title: 'Biên bản vi phạm', procedures: ['addiction-determination', 'voluntary-registration'], elements: ['Task_RecordNotRegistered', 'Task_ViolationRecord'],
    build: (d, f) => ({
      mau: 'Mẫu số 27', instrument: ND116, issuer: police(d), number: s(f.recordNo), place: place(d), date: isoDate(f.recordedAt ?? f.recordDate, d.issuedAt),
      title: 'Biên bản', subtitle: 'Về việc vi phạm quy định về cai nghiện ma túy tự nguyện / điều trị thay thế',
      body: [`Hồi ${s(f.recordedAt ?? f.recordDate)}, tại ${s(f.place, place(d))}, chúng tôi lập biên bản vi phạm đối với:`, ...identity(d, f),
        { label: 'Hành vi vi phạm', value: s(f.violation ?? f.violationType) }, { label: 'Chi tiết', value: s(f.details, '') },
        { label: 'Ý kiến của người vi phạm', value: s(f.personStatement, 'Không có ý kiến') },
        'Biên bản được lập thành 02 bản, đọc lại cho những người có tên trên cùng nghe và ký xác nhận.'],
      signer: { position: s(f.signerPosition, 'Người lập biên bản'), name: s(f.signerName) },
    }),
  },
  {
    mau: '29', title: 'Văn bản đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc', procedures: ['compulsory-dossier'], elements: ['Task_Proposal'],
    build: (d, f) => ({
      mau: 'Mẫu số 29', instrument: ND116, issuer: preparer(d), number: s(f.proposalNo), place: place(d), date: isoDate(f.proposalDate, d.issuedAt),
      title: 'Văn bản đề nghị', subtitle: 'Áp dụng biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc', addressee: s(f.to),
      body: ['Căn cứ Luật Xử lý vi phạm hành chính; Luật Phòng, chống ma túy và Nghị định số 116/2021/NĐ-CP, đề nghị xem xét áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với:',
        ...identity(d, f), { label: 'Hành vi vi phạm', value: s(f.violation) }, { label: 'Căn cứ pháp lý', value: s(f.legalBasis) },
        { label: 'Thời hạn đề nghị', value: `${s(f.proposedMonths)} tháng` }, `Hồ sơ kèm theo gồm các tài liệu theo Điều 41 Nghị định số 116/2021/NĐ-CP (mã hồ sơ ${d.caseCode}).`],
      signer: { position: s(f.signerPosition, d.variables.ruleset === '2022' ? 'Chủ tịch' : 'Trưởng Công an xã'), name: s(f.signerName) },
      recipients: ['Như trên', 'Người bị đề nghị', 'Lưu: hồ sơ'],
    }),
  },
  {
    mau: '32', title: 'Thông báo về việc lập hồ sơ đề nghị', procedures: ['compulsory-dossier'], elements: ['Task_Notice'],
    build: (d, f) => ({
      mau: 'Mẫu số 32', instrument: ND116, issuer: preparer(d), number: s(f.noticeNo), place: place(d), date: isoDate(f.servedAt, d.issuedAt),
      title: 'Thông báo', subtitle: 'Về việc lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc', addressee: d.person.fullName,
      body: [...(f.servedTo && f.servedTo !== d.person.fullName ? [`Người nhận thay (người đại diện hợp pháp): ${s(f.servedTo)}.`] : []), `Lý do lập hồ sơ: ${s(f.reason)}.`, `Quyền của người bị đề nghị: ${s(f.rights)}.`,
        `Ông/bà được đọc, ghi chép hồ sơ trong thời hạn 03 ngày làm việc, đến hết ngày ${vnDate(f.readingDeadline)} (Điều 42 Nghị định số 116/2021/NĐ-CP).`,
        'Kèm theo Thông báo này là bản sao toàn bộ hồ sơ.'],
      signer: { position: s(f.signerPosition, 'Thủ trưởng cơ quan'), name: s(f.signerName) }, recipients: ['Người bị đề nghị', 'Lưu: hồ sơ'],
    }),
  },
  {
    mau: '36', title: 'Quyết định quản lý trong thời gian lập hồ sơ', procedures: ['compulsory-dossier'], elements: ['Task_InterimDecision'],
    build: (d, f) => ({
      mau: 'Mẫu số 36', instrument: ND116, issuer: preparer(d), number: s(f.decisionNo), place: place(d), date: isoDate(f.decisionDate, d.issuedAt),
      title: 'Quyết định', subtitle: 'Về việc quản lý người nghiện ma túy trong thời gian lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
      body: ['Căn cứ các Điều 44 đến 48 Nghị định số 116/2021/NĐ-CP,', { heading: 'QUYẾT ĐỊNH:' }, 'Điều 1. Quản lý người có tên dưới đây:', ...identity(d, f),
        { label: 'Lý do', value: s(f.reason) },
        { label: 'Hình thức quản lý', value: f.interimMode === 'facility' ? `Tại cơ sở: ${s(f.facilityName)}` : `Tại gia đình, người quản lý: ${s(f.guardianName)}` },
        { label: 'Thời hạn', value: s(f.term) }, `Điều 2. Trách nhiệm: ${s(f.duties)}.`],
      signer: { position: s(f.signerPosition, 'Thủ trưởng cơ quan'), name: s(f.signerName) }, recipients: ['Người bị quản lý, gia đình', 'Cơ sở quản lý', 'UBND xã', 'Lưu: hồ sơ'],
    }),
  },
  {
    mau: '40', title: 'Biên bản bàn giao người vào cơ sở cai nghiện bắt buộc', procedures: ['escort-admission'], elements: ['Task_Handover'],
    build: (d, f) => ({
      mau: 'Mẫu số 40', instrument: ND116, issuer: { parent: `Công an ${d.provinceName}`, name: s(f.handedOverBy, 'Đơn vị đưa người') }, number: d.caseCode, place: d.provinceName, date: isoDate(f.handoverAt, d.issuedAt),
      title: 'Biên bản bàn giao', subtitle: 'Người phải chấp hành quyết định đưa vào cơ sở cai nghiện bắt buộc',
      body: [`Bên giao: ${s(f.handedOverBy)}. Bên nhận: ${s(f.receivedBy)}.`, 'Người được bàn giao:', ...identity(d, f),
        { label: 'Đối chiếu giấy tờ tùy thân', value: f.identityChecked === true ? 'Đã đối chiếu, khớp hồ sơ' : 'Chưa đối chiếu' },
        { label: 'Tình trạng sức khỏe', value: s(f.healthStatus) }, { label: 'Số tài liệu kèm theo', value: s(f.documentCount) },
        { label: 'Đồ dùng cá nhân', value: Array.isArray(f.belongings) ? f.belongings.map((b) => s((b as Record<string, unknown>).item)).join('; ') || 'Không có' : 'Không có' }],
      signer: { position: 'Đại diện bên nhận', name: s(f.receivedBy) },
    }),
  },
  {
    mau: '46', title: 'Giấy chứng nhận hoàn thành chấp hành quyết định', procedures: ['escort-admission'], elements: ['Task_Completion'],
    build: (d, f) => ({
      mau: 'Mẫu số 46', instrument: ND116, issuer: { parent: `Công an ${d.provinceName}`, name: `Cơ sở cai nghiện ma túy ${d.provinceName}` }, number: s(f.certificateNo), place: d.provinceName, date: isoDate(f.completionDate, d.issuedAt),
      title: 'Giấy chứng nhận', subtitle: 'Hoàn thành chấp hành quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
      body: ['Giám đốc Cơ sở cai nghiện ma túy chứng nhận:', ...identity(d, f), `Đã hoàn thành thời hạn chấp hành quyết định, ngày hoàn thành ${vnDate(f.completionDate)}.`,
        { label: 'Nơi về cư trú', value: s(f.returnAddress) }, 'Trong thời hạn 05 ngày làm việc kể từ ngày về nơi cư trú, người được cấp giấy phải trình báo với UBND xã và Công an xã (Điều 62 Nghị định số 116/2021/NĐ-CP).'],
      signer: { position: s(f.signerPosition, 'Giám đốc'), name: s(f.signerName) }, recipients: ['Tòa án', 'Công an tỉnh', 'UBND xã nơi cư trú', 'Gia đình', 'Lưu: hồ sơ'],
    }),
  },
  {
    mau: '51', title: 'Quyết định quản lý sau cai nghiện ma túy', procedures: ['post-rehab-supervision'], elements: ['Task_PostRehabDecision'],
    build: (d, f) => ({
      mau: 'Mẫu số 51', instrument: ND116, issuer: ubnd(d), number: s(f.decisionNo), place: place(d), date: isoDate(f.decisionDate, d.issuedAt),
      title: 'Quyết định', subtitle: 'Về việc quản lý sau cai nghiện ma túy tại nơi cư trú',
      body: ['Căn cứ Điều 40, Điều 43 Luật Phòng, chống ma túy; Điều 78 Nghị định số 116/2021/NĐ-CP; xét đề nghị của Trưởng Công an xã (Mẫu 50),', { heading: 'QUYẾT ĐỊNH:' },
        'Điều 1. Quản lý sau cai nghiện ma túy đối với:', ...identity(d, f),
        { label: 'Thời hạn quản lý', value: `${s(f.termMonths)} tháng, từ ${vnDate(f.termStart)} đến ${vnDate(f.termEnd)}` },
        { label: 'Nơi thực hiện', value: s(f.place) }, { label: 'Cơ quan chịu trách nhiệm', value: s(f.responsibleAgency) },
        'Điều 2. Người được quản lý, gia đình, Trưởng Công an xã và công chức phụ trách chịu trách nhiệm thi hành Quyết định này.'],
      signer: { position: s(f.signerPosition, 'Chủ tịch'), name: s(f.signerName) }, recipients: ['Người được quản lý, gia đình', 'Trưởng Công an xã', 'Công chức văn hóa – xã hội', 'Lưu: VT'],
    }),
  },
  {
    mau: '54', title: 'Giấy chứng nhận hoàn thành thời gian quản lý sau cai', procedures: ['post-rehab-supervision'], elements: ['Task_Completion'],
    build: (d, f) => ({
      mau: 'Mẫu số 54', instrument: ND116, issuer: ubnd(d), number: s(f.certificateNo), place: place(d), date: isoDate(f.issueDate, d.issuedAt),
      title: 'Giấy chứng nhận', subtitle: 'Hoàn thành thời gian quản lý sau cai nghiện ma túy',
      body: ['Chủ tịch Ủy ban nhân dân chứng nhận:', ...identity(d, f),
        `Đã hoàn thành thời gian quản lý sau cai nghiện ma túy từ ${vnDate(f.termStart)} đến ${vnDate(f.termEnd)} và được đưa ra khỏi danh sách quản lý (Điều 81 Nghị định số 116/2021/NĐ-CP).`],
      signer: { position: s(f.signerPosition, 'Chủ tịch'), name: s(f.signerName) }, recipients: ['Người được cấp giấy', 'Công an xã', 'Lưu: VT'],
    }),
  },
  {
    mau: '05', title: 'Phiếu kết quả xác định tình trạng nghiện ma túy', procedures: ['addiction-determination'], elements: ['Task_ResultSheet'],
    build: (d, f) => ({
      mau: d.variables.route === 'volunteer' ? 'Mẫu số 04' : 'Mẫu số 05', instrument: ND109, issuer: { parent: `Sở Y tế ${d.provinceName}`, name: s(f.facilityName, 'Cơ sở y tế') },
      number: s(f.sheetNo), place: d.provinceName, date: isoDate(f.sheetDate, d.issuedAt),
      title: 'Phiếu kết quả', subtitle: 'Xác định tình trạng nghiện ma túy',
      body: ['Người được xác định:', ...identity(d, {}), { label: 'Bác sĩ xác định', value: s(f.doctor) },
        { label: 'Kết luận', value: f.conclusion === 'nghien' ? 'CÓ NGHIỆN MA TÚY' : f.conclusion === 'khong_nghien' ? 'KHÔNG NGHIỆN MA TÚY' : s(f.conclusion) },
        { label: 'Nơi nhận kết quả', value: s(f.sentTo) }, 'Phiếu được lập thành 02 bản: 01 bản lưu bệnh án, 01 bản gửi cơ quan đề nghị hoặc người được xác định (Nghị định số 109/2021/NĐ-CP).'],
      signer: { position: 'Thủ trưởng cơ sở y tế', name: s(f.approvedBy, s(f.doctor)) },
    }),
  },
];

export function templateFor(mau: string): DocumentTemplate | undefined {
  const key = mau.padStart(2, '0');
  return documentTemplates.find((t) => t.mau === key);
}

/** The document of one case, or null when its procedure does not issue that Mẫu. */
export function buildDocument(template: DocumentTemplate, d: DocumentData): OfficialDocument | null {
  if (!template.procedures.includes(d.procedureKey)) return null;
  const element = template.elements.find((e) => d.tasks[e]);
  const form = element ? d.tasks[element] : {};
  return template.build(d, { ...form });
}
