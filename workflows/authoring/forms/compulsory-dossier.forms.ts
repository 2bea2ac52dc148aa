import type { FormSpec } from '../form-dsl';
import { area, bool, choice, date, datetime, files, int, req, table, text } from '../form-dsl';
import { identity, identityExample, note, signer, signerExample, triggerOptions } from './common';

const relationOptions: [string, string, string][] = [
  ['father', 'Cha', 'Father'], ['mother', 'Mẹ', 'Mother'], ['spouse', 'Vợ/chồng', 'Spouse'], ['sibling', 'Anh, chị, em ruột (đủ 18 tuổi)', 'Sibling (18+)'],
];

export const compulsoryDossierForms: FormSpec[] = [
  {
    id: 'dossier.open', vi: 'Mở hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc', en: 'Open the compulsory-rehab dossier',
    fields: [
      req(text('dossierNo', 'Số hồ sơ', 'Dossier number')), req(date('detectedDate', 'Ngày phát hiện hành vi', 'Date the trigger was detected')),
      req(choice('triggerType', 'Căn cứ (L73 Điều 32)', 'Ground (L73 Art 32)', triggerOptions)),
      text('violationRecordNo', 'Số biên bản vi phạm (Mẫu 27)', 'Violation record no. (Mẫu 27)'), date('violationDate', 'Ngày vi phạm', 'Violation date'),
      text('addictionResultSheetNo', 'Số phiếu kết quả xác định nghiện', 'Addiction result sheet no.'),
      req(bool('isMinor', 'Người từ đủ 12 đến dưới 18 tuổi', 'Aged 12 to under 18')),
      req(text('preparerAgency', 'Cơ quan lập hồ sơ', 'Preparing agency')), req(text('preparerOfficer', 'Người được giao lập hồ sơ', 'Officer preparing')), note(),
    ],
    example: { dossierNo: 'HS-99160-2026-004', detectedDate: '2026-11-19', triggerType: 'SELF_TERMINATED', violationRecordNo: '05/BB-VP', violationDate: '2026-11-19', addictionResultSheetNo: '98/PKQ-BVTT', isMinor: false, preparerAgency: 'Công an xã Bến Đò', preparerOfficer: 'Trần Văn Bình' },
  },
  {
    id: 'dossier.residence-verification', vi: 'Xác định nơi cư trú ổn định và ý kiến gia đình', en: 'Stable residence and family opinion',
    fields: [
      req(bool('stableResidence', 'Có nơi cư trú ổn định', 'Has a stable residence', { descVi: 'Thực tế sinh sống tại nơi thường trú/tạm trú, hoặc ≥30 ngày tại nơi ở hiện tại có xác nhận của Trưởng Công an xã (NĐ105 Điều 41(2)-(3))', descEn: 'Living at the registered address, or ≥30 days at the current place confirmed by the commune police chief' })),
      area('evidence', 'Căn cứ xác định', 'Evidence'),
      req(bool('familyAgrees', 'Gia đình đồng ý quản lý trong thời gian lập hồ sơ', 'Family agrees to manage during dossier preparation')),
      text('familyMemberName', 'Người trong gia đình nhận quản lý', 'Family member who will manage'),
      choice('familyRelation', 'Quan hệ', 'Relation', relationOptions), files('attachments', 'Tài liệu', 'Documents'),
    ],
    example: { stableResidence: true, evidence: 'Đăng ký thường trú và thực tế sinh sống tại Ấp Giữa', familyAgrees: true, familyMemberName: 'Ngô Thị Lành', familyRelation: 'mother' },
  },
  {
    id: 'dossier.family-consent', vi: 'Văn bản đồng ý quản lý người nghiện trong thời gian lập hồ sơ', en: 'Family consent to manage the person', mau: 'Mẫu 35',
    fields: [
      req(text('guardianName', 'Họ tên người nhận quản lý', 'Guardian name')), req(date('guardianDateOfBirth', 'Ngày sinh', 'Date of birth')),
      req(choice('relation', 'Quan hệ với người nghiện', 'Relation', relationOptions)), req(text('guardianAddress', 'Nơi cư trú', 'Residence')),
      req(date('consentDate', 'Ngày ký', 'Date signed')), files('signedConsent', 'Bản scan có chữ ký', 'Signed scan'),
    ],
    example: { guardianName: 'Ngô Thị Lành', guardianDateOfBirth: '1962-04-10', relation: 'mother', guardianAddress: 'Ấp Giữa, xã Bến Đò, Tỉnh Thử nghiệm', consentDate: '2026-11-20' },
  },
  {
    id: 'dossier.interim-decision', vi: 'Quyết định quản lý người nghiện ma túy trong thời gian lập hồ sơ', en: 'Interim management decision', mau: 'Mẫu 36',
    fields: [
      req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('decisionDate', 'Ngày quyết định', 'Decision date')),
      ...identity(), req(area('reason', 'Lý do', 'Reason')),
      req(choice('interimMode', 'Hình thức quản lý', 'Management mode', [['family', 'Tại gia đình', 'By the family'], ['facility', 'Tại cơ sở cai nghiện / cơ sở trợ giúp xã hội', 'At a rehab or social-protection centre']])),
      text('guardianName', 'Người được giao quản lý (tại gia đình)', 'Assigned guardian (family)'),
      text('facilityName', 'Cơ sở quản lý (tại cơ sở)', 'Facility (facility mode)'),
      req(area('duties', 'Trách nhiệm của người bị quản lý, người quản lý và UBND xã', 'Duties of the person, the manager and the commune')),
      req(text('term', 'Thời hạn quản lý', 'Term', { descVi: 'Từ khi lập hồ sơ đến khi đưa vào cơ sở theo quyết định của Tòa án', descEn: 'From dossier opening until admission under the court decision' })),
      ...signer(),
    ],
    example: { decisionNo: '12/QĐ-CAX', decisionDate: '2026-11-20', ...identityExample, reason: 'Đang lập hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc', interimMode: 'family', guardianName: 'Ngô Thị Lành', duties: 'Theo Điều 46 Nghị định 116/2021/NĐ-CP', term: 'Đến khi có quyết định của Tòa án', ...signerExample },
  },
  {
    id: 'dossier.interim-handover', vi: 'Biên bản bàn giao người nghiện cho cơ sở quản lý', en: 'Interim handover record', mau: 'Mẫu 37',
    fields: [
      req(datetime('handoverAt', 'Thời gian bàn giao', 'Handover at')), req(text('facilityName', 'Cơ sở tiếp nhận', 'Receiving facility')),
      req(text('handedOverBy', 'Bên giao', 'Handed over by')), req(text('receivedBy', 'Bên nhận', 'Received by')),
      req(int('documentCount', 'Số tài liệu kèm theo', 'Documents handed over', 0, 100)), area('healthStatus', 'Tình trạng sức khỏe', 'Health status'),
      bool('needsHealthFacilityFirst', 'Có rối loạn tâm thần/bệnh cần đưa cơ sở y tế trước', 'Mental disorder or illness: health facility first'),
    ],
    example: { handoverAt: '2026-11-21T09:00:00+07:00', facilityName: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm', handedOverBy: 'Công an xã Bến Đò', receivedBy: 'Khu lưu trú tạm thời', documentCount: 2, needsHealthFacilityFirst: false },
  },
  {
    id: 'dossier.interim-switch', vi: 'Hủy quản lý tại gia đình, chuyển quản lý tại cơ sở', en: 'Switch interim management to a facility',
    fields: [
      req(date('abscondedDate', 'Ngày bỏ trốn', 'Absconded on')), req(text('cancelledDecisionNo', 'Số quyết định quản lý tại gia đình bị hủy', 'Cancelled family decision no.')),
      req(text('newDecisionNo', 'Số quyết định quản lý tại cơ sở (Mẫu 36)', 'New facility decision no. (Mẫu 36)')), text('facilityName', 'Cơ sở quản lý', 'Facility'), note(),
    ],
    example: { abscondedDate: '2026-11-25', cancelledDecisionNo: '12/QĐ-CAX', newDecisionNo: '14/QĐ-CAX', facilityName: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm' },
  },
  {
    id: 'dossier.summary-cv', vi: 'Bản tóm tắt lý lịch của người bị đề nghị', en: 'Summary CV of the person', mau: 'Mẫu 30',
    fields: [
      ...identity(), text('ethnicity', 'Dân tộc', 'Ethnicity'), text('occupation', 'Nghề nghiệp', 'Occupation'), text('education', 'Trình độ học vấn', 'Education'),
      table('family', 'Quan hệ gia đình', 'Family', [req(text('relation', 'Quan hệ', 'Relation')), req(text('name', 'Họ tên', 'Name')), text('address', 'Nơi ở', 'Address')]),
      area('history', 'Quá trình sử dụng ma túy, cai nghiện', 'Drug use and rehab history'), area('violations', 'Tiền án, tiền sự', 'Previous offences'),
      req(date('preparedDate', 'Ngày lập', 'Date')), ...signer(),
    ],
    example: { ...identityExample, ethnicity: 'Kinh', occupation: 'Lao động tự do', education: '9/12', family: [{ relation: 'Mẹ', name: 'Ngô Thị Lành' }], history: 'Cai nghiện tự nguyện tại cộng đồng 06/2026, tự ý chấm dứt 11/2026', preparedDate: '2026-11-21', ...signerExample },
  },
  {
    id: 'dossier.statement', vi: 'Bản tường trình', en: "Person's written statement", mau: 'Mẫu 31',
    fields: [
      req(text('fullName', 'Họ và tên người tường trình', 'Name')), req(date('statementDate', 'Ngày tường trình', 'Date')),
      req(area('content', 'Nội dung tường trình', 'Statement')), bool('refusedToWrite', 'Người bị đề nghị từ chối viết tường trình', 'Refused to write'),
      files('scan', 'Bản scan bản tường trình', 'Scan'),
    ],
    example: { fullName: 'Ngô Văn Thắng', statementDate: '2026-11-21', content: 'Tôi tự ý bỏ cai nghiện tại cộng đồng từ ngày 10/11/2026 vì đi làm xa.', refusedToWrite: false },
  },
  {
    id: 'dossier.parents-opinion', vi: 'Ý kiến của cha, mẹ hoặc người giám hộ', en: "Parents' or guardian's opinion", mau: 'Mẫu 38',
    fields: [
      req(text('parentName', 'Họ tên cha, mẹ/người giám hộ', 'Parent or guardian')), req(text('relation', 'Quan hệ', 'Relation')),
      req(area('opinion', 'Ý kiến về việc đưa vào cơ sở cai nghiện bắt buộc', 'Opinion on compulsory rehab')),
      area('familySituation', 'Hoàn cảnh gia đình, kế hoạch quản lý', 'Family circumstances and management plan'), req(date('opinionDate', 'Ngày', 'Date')),
    ],
    example: { parentName: 'Lưu Văn Hải', relation: 'Cha', opinion: 'Đồng ý để con được cai nghiện tại cơ sở', opinionDate: '2026-11-21' },
  },
  {
    id: 'dossier.no-residence-confirmation', vi: 'Văn bản xác nhận không có nơi cư trú ổn định', en: 'Confirmation of no stable residence',
    fields: [
      req(text('confirmationNo', 'Số văn bản', 'Document number')), req(date('confirmationDate', 'Ngày', 'Date')),
      req(area('grounds', 'Căn cứ xác nhận', 'Grounds')), ...signer(),
    ],
    example: { confirmationNo: '08/XN-CAX', confirmationDate: '2026-11-21', grounds: 'Không sinh sống tại nơi đăng ký thường trú, không rõ nơi ở (NĐ105 Điều 41(3))', ...signerExample },
  },
  {
    id: 'dossier.proposal', vi: 'Văn bản đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc', en: 'Proposal to apply compulsory rehab', mau: 'Mẫu 29',
    fields: [
      req(text('proposalNo', 'Số văn bản', 'Proposal number')), req(date('proposalDate', 'Ngày', 'Date')), req(text('to', 'Kính gửi', 'To')),
      ...identity(), req(area('violation', 'Hành vi vi phạm', 'Violation')), req(area('legalBasis', 'Căn cứ pháp lý', 'Legal basis')),
      req(int('proposedMonths', 'Thời hạn đề nghị (tháng)', 'Proposed term (months)', 6, 36)),
      area('otherDocuments', 'Tài liệu khác kèm theo', 'Other documents'), ...signer(),
    ],
    example: { proposalNo: '20/ĐN-CAX', proposalDate: '2026-11-22', to: 'Tòa án nhân dân khu vực 1 – Tỉnh Thử nghiệm', ...identityExample, violation: 'Tự ý chấm dứt cai nghiện tự nguyện', legalBasis: 'Khoản 1 Điều 32 Luật Phòng, chống ma túy 2021', proposedMonths: 18, ...signerExample },
  },
  {
    id: 'dossier.notice', vi: 'Thông báo về việc lập hồ sơ đề nghị', en: 'Notice of dossier preparation', mau: 'Mẫu 32',
    fields: [
      req(text('noticeNo', 'Số thông báo', 'Notice number')), req(text('servedTo', 'Người nhận', 'Served to')), req(text('reason', 'Lý do lập hồ sơ', 'Reason')),
      req(area('rights', 'Quyền của người bị đề nghị', "Person's rights")),
      req(datetime('servedAt', 'Thời điểm giao thông báo và bản sao hồ sơ', 'Served at', { descVi: 'Mốc tính 03 ngày làm việc đọc hồ sơ (D12)', descEn: 'Starts the 3-working-day reading period (D12)' })),
      req(date('readingDeadline', 'Hạn đọc, ghi chép hồ sơ', 'Reading deadline')), ...signer(),
    ],
    example: { noticeNo: '20/TB-CAX', servedTo: 'Ngô Văn Thắng', reason: 'Tự ý chấm dứt cai nghiện tự nguyện', rights: 'Được đọc, ghi chép, sao chụp hồ sơ; có ý kiến bằng văn bản', servedAt: '2026-11-23T08:30:00+07:00', readingDeadline: '2026-11-26', ...signerExample },
  },
  {
    id: 'dossier.send', vi: 'Đánh bút lục và chuyển hồ sơ', en: 'Paginate and send the dossier',
    fields: [
      area('personComments', 'Ý kiến của người bị đề nghị sau khi đọc hồ sơ', "Person's comments after reading"),
      req(int('pageCount', 'Số bút lục', 'Number of pages', 1, 2000)), req(text('recipient', 'Nơi nhận', 'Recipient')),
      req(date('sentDate', 'Ngày chuyển', 'Date sent')), req(bool('copyArchived', 'Đã lưu 01 bộ bản sao', 'A copy set is archived')),
    ],
    example: { personComments: 'Không có ý kiến', pageCount: 24, recipient: 'Tòa án nhân dân khu vực 1 – Tỉnh Thử nghiệm', sentDate: '2026-11-27', copyArchived: true },
  },
  {
    id: 'dossier.labour-check', vi: 'Kiểm tra hồ sơ của Phòng Lao động – Thương binh và Xã hội', en: 'Labour-office check', mau: 'Mẫu 34',
    descVi: 'Hợp lệ: văn bản đề nghị Tòa án (Mẫu 34; Mẫu 39 với người chưa thành niên). Không hợp lệ: trả lại (Mẫu 33).',
    fields: [
      req(date('receivedDate', 'Ngày nhận hồ sơ', 'Received on')),
      req(choice('checkResult', 'Kết quả kiểm tra', 'Result', [['valid', 'Hợp lệ, chuyển Tòa án', 'Valid, forward to court'], ['returned', 'Trả lại để bổ sung (Mẫu 33)', 'Returned for supplement (Mẫu 33)']])),
      area('returnReasons', 'Lý do trả lại', 'Reasons for return'), text('returnNo', 'Số văn bản trả lại (Mẫu 33)', 'Return letter no.'),
      text('proposedCentre', 'Cơ sở cai nghiện bắt buộc đề xuất', 'Proposed centre'), text('courtLetterNo', 'Số văn bản đề nghị Tòa án (Mẫu 34/39)', 'Letter to the court no.'),
      area('childProtectionOpinion', 'Ý kiến bảo vệ quyền trẻ em (người chưa thành niên)', 'Child-protection opinion (minors)'), ...signer(),
    ],
    example: { receivedDate: '2025-01-27', checkResult: 'valid', proposedCentre: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm', courtLetterNo: '45/LĐTBXH', signerName: 'Phạm Văn Đông', signerPosition: 'Trưởng phòng LĐTBXH' },
  },
  {
    id: 'dossier.supplement', vi: 'Bổ sung hồ sơ bị trả lại', en: 'Supplement the returned dossier',
    fields: [
      req(text('returnNo', 'Văn bản trả lại (Mẫu 33)', 'Return letter (Mẫu 33)')), req(area('supplemented', 'Tài liệu đã bổ sung', 'Documents supplemented')),
      req(date('resubmittedDate', 'Ngày gửi lại', 'Resubmitted on')), files('attachments', 'Tài liệu', 'Documents'),
    ],
    example: { returnNo: '03/LĐTBXH', supplemented: 'Bổ sung bản tường trình (Mẫu 31) có chữ ký', resubmittedDate: '2025-01-30' },
  },
];
