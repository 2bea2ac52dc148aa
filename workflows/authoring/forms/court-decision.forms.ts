import type { FormSpec, Option } from '../form-dsl';
import { area, bool, choice, computed, date, datetime, files, int, multi, req, text } from '../form-dsl';
import { note, signer, signerExample } from './common';

const decisionTypes: Option[] = [
  ['apply', 'Áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc', 'Apply the measure'],
  ['not_apply', 'Không áp dụng', 'Do not apply'],
  ['terminate', 'Đình chỉ việc xem xét', 'Terminate consideration'],
  ['suspend', 'Tạm đình chỉ việc xem xét', 'Suspend consideration'],
];
const recipients: Option[] = [
  ['person', 'Người bị đề nghị', 'The person'], ['proposing_agency', 'Cơ quan đề nghị', 'Proposing agency'],
  ['procuracy', 'Viện kiểm sát cùng cấp', 'Procuracy'], ['rehab_centre', 'Cơ sở cai nghiện bắt buộc', 'Rehab centre'],
  ['commune_people_committee', 'UBND cấp xã nơi cư trú', 'Commune people\'s committee'], ['family', 'Gia đình / người đại diện', 'Family / representative'],
];

export const courtDecisionForms: FormSpec[] = [
  {
    id: 'court.receive', vi: 'Nhận hồ sơ đề nghị, kiểm tra tài liệu', en: 'Receive and check the dossier',
    fields: [
      req(date('receivedDate', 'Ngày nhận', 'Received on')), req(text('deliveryBookNo', 'Số vào sổ giao nhận', 'Delivery book entry')),
      req(bool('dossierComplete', 'Hồ sơ đủ tài liệu (XLVPHC Điều 104(2))', 'Dossier complete (XLVPHC Art 104(2))')),
      area('missingDocuments', 'Tài liệu còn thiếu / lý do trả lại', 'Missing documents / reasons for return'), text('returnLetterNo', 'Số văn bản trả lại', 'Return letter no.'),
    ],
    example: { receivedDate: '2026-11-30', deliveryBookNo: '112/2026', dossierComplete: true },
  },
  {
    id: 'court.returned-dossier', vi: 'Bổ sung hồ sơ bị Tòa án trả lại', en: 'Supplement the dossier returned by the court',
    fields: [req(text('returnLetterNo', 'Văn bản trả lại của Tòa án', 'Court return letter')), req(area('supplemented', 'Tài liệu đã bổ sung', 'Documents supplemented')), req(date('resubmittedDate', 'Ngày gửi lại', 'Resubmitted on')), files('attachments', 'Tài liệu', 'Documents')],
    example: { returnLetterNo: '15/TB-TA', supplemented: 'Bản sao phiếu kết quả xác định tình trạng nghiện', resubmittedDate: '2026-12-02' },
  },
  {
    id: 'court.acceptance', vi: 'Thông báo thụ lý, phân công Thẩm phán', en: 'Acceptance and judge assignment',
    fields: [
      req(text('acceptanceNo', 'Số thụ lý', 'Acceptance number')), req(datetime('acceptedAt', 'Ngày thụ lý', 'Accepted at', { descVi: 'Mốc tính thời hạn 15/30 ngày (D19)', descEn: 'Starts the 15/30-day limit (D19)' })),
      req(text('judge', 'Thẩm phán được phân công', 'Assigned judge')), text('clerk', 'Thư ký phiên họp', 'Clerk'),
      bool('notifyProcuracy', 'Thông báo cho Viện kiểm sát cùng cấp', 'Notify the procuracy'),
    ],
    example: { acceptanceNo: '45/2026/TLST-BPXLHC', acceptedAt: '2026-12-01T08:00:00+07:00', judge: 'Thẩm phán Vũ Thị Hạnh', clerk: 'Đào Văn Minh', notifyProcuracy: true },
  },
  {
    id: 'court.preparation', vi: 'Nghiên cứu hồ sơ, chuẩn bị phiên họp', en: 'Study the file and prepare the session',
    fields: [
      req(bool('needsClarification', 'Cần yêu cầu cơ quan đề nghị làm rõ', 'Ask the proposing agency to clarify')), area('clarificationQuestions', 'Nội dung cần làm rõ', 'Questions'),
      bool('extended', 'Gia hạn thời hạn xem xét (tối đa 30 ngày)', 'Extend the time limit (max 30 days)'), area('extensionReason', 'Lý do gia hạn', 'Reason for extension'),
      text('defender', 'Người bào chữa / trợ giúp pháp lý', 'Defender / legal aid'), datetime('plannedSessionAt', 'Dự kiến thời gian mở phiên họp', 'Planned session time'),
      choice('sessionMode', 'Hình thức phiên họp', 'Session mode', [['in_person', 'Trực tiếp', 'In person'], ['online', 'Trực tuyến', 'Online']]),
    ],
    example: { needsClarification: false, extended: false, plannedSessionAt: '2026-12-10T08:00:00+07:00', sessionMode: 'online' },
  },
  {
    id: 'court.clarification-answer', vi: 'Văn bản trả lời yêu cầu làm rõ của Tòa án', en: "Answer to the court's clarification request",
    fields: [req(text('courtLetterNo', 'Văn bản yêu cầu của Tòa án', 'Court letter')), req(area('answer', 'Nội dung trả lời', 'Answer')), req(date('answerDate', 'Ngày trả lời', 'Answer date')), files('attachments', 'Tài liệu', 'Documents')],
    example: { courtLetterNo: '20/CV-TA', answer: 'Bổ sung xác nhận nơi cư trú của Công an xã', answerDate: '2026-12-04' },
  },
  {
    id: 'court.session', vi: 'Biên bản phiên họp và quyết định', en: 'Session record and decision',
    fields: [
      req(datetime('sessionAt', 'Thời gian mở phiên họp', 'Session time')), req(choice('sessionMode', 'Hình thức', 'Mode', [['in_person', 'Trực tiếp', 'In person'], ['online', 'Trực tuyến', 'Online']])),
      req(multi('attendance', 'Thành phần tham gia', 'Participants', [
        ['judge', 'Thẩm phán', 'Judge'], ['clerk', 'Thư ký', 'Clerk'], ['proposing_agency', 'Đại diện cơ quan đề nghị', 'Proposing agency'],
        ['procurator', 'Kiểm sát viên', 'Procurator'], ['person', 'Người bị đề nghị / người đại diện', 'Person / representative'],
        ['parents', 'Cha mẹ, người giám hộ (người chưa thành niên)', 'Parents / guardian (minors)'], ['defender', 'Người bào chữa', 'Defender'], ['expert', 'Người giám định / chuyên gia', 'Expert'],
      ])),
      area('procuratorOpinion', 'Ý kiến của Kiểm sát viên', "Procurator's opinion"),
      req(choice('decisionType', 'Quyết định', 'Decision', decisionTypes)),
      int('termMonths', 'Thời hạn áp dụng (tháng)', 'Term (months)', 6, 36, { descVi: 'Người thành niên 12–24 tháng; người chưa thành niên 6–12 tháng (D35)', descEn: 'Adults 12–24, minors 6–12 months (D35)' }),
      text('centreName', 'Cơ sở cai nghiện bắt buộc', 'Compulsory rehab centre'),
      int('deductibleInterimDays', 'Số ngày quản lý tại cơ sở được trừ', 'Interim days to deduct', 0, 1000),
      area('groundsText', 'Căn cứ đình chỉ / tạm đình chỉ', 'Grounds to terminate / suspend'),
      req(datetime('announcedAt', 'Thời điểm công bố quyết định', 'Announced at')),
      computed('finalDecision', 'Quyết định có hiệu lực (nếu không bị khiếu nại)', 'Effective decision (unless challenged)', '=decisionType', decisionTypes),
    ],
    example: { sessionAt: '2026-12-10T08:00:00+07:00', sessionMode: 'online', attendance: ['judge', 'clerk', 'proposing_agency', 'procurator', 'person'], decisionType: 'apply', termMonths: 18, centreName: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm', deductibleInterimDays: 20, announcedAt: '2026-12-10T10:30:00+07:00', finalDecision: 'apply' },
  },
  {
    id: 'court.decision-issue', vi: 'Gửi quyết định của Tòa án', en: 'Issue the court decision',
    fields: [
      req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('decisionDate', 'Ngày quyết định', 'Decision date')),
      req(multi('recipients', 'Nơi nhận', 'Recipients', recipients)), req(date('sentDate', 'Ngày gửi', 'Date sent')), files('decisionScan', 'Bản scan quyết định', 'Decision scan'),
    ],
    example: { decisionNo: '45/2026/QĐ-TA', decisionDate: '2026-12-10', recipients: ['person', 'proposing_agency', 'procuracy', 'rehab_centre'], sentDate: '2026-12-11' },
  },
  {
    id: 'court.complaint-resolution', vi: 'Giải quyết khiếu nại, kiến nghị, kháng nghị', en: 'Resolve the complaint, petition or protest',
    fields: [
      req(choice('challengeType', 'Loại', 'Type', [['complaint', 'Khiếu nại', 'Complaint'], ['petition', 'Kiến nghị (cơ quan đề nghị)', 'Petition (proposing agency)'], ['protest', 'Kháng nghị (Viện kiểm sát)', 'Protest (procuracy)']])),
      req(text('filedBy', 'Người / cơ quan', 'Filed by')), req(date('filedDate', 'Ngày nộp', 'Filed on')), req(date('fileReceivedDate', 'Ngày Tòa án cấp trên nhận hồ sơ', 'File received by the higher court')),
      req(choice('outcome', 'Kết quả', 'Outcome', [['upheld', 'Giữ nguyên quyết định', 'Decision upheld'], ['amended', 'Sửa quyết định', 'Decision amended'], ['cancelled', 'Hủy quyết định', 'Decision cancelled']])),
      req(choice('finalDecision', 'Quyết định có hiệu lực', 'Effective decision', decisionTypes)), int('termMonths', 'Thời hạn áp dụng (tháng)', 'Term (months)', 6, 36), ...signer(),
    ],
    example: { challengeType: 'complaint', filedBy: 'Trịnh Công Danh', filedDate: '2026-12-12', fileReceivedDate: '2026-12-14', outcome: 'upheld', finalDecision: 'apply', termMonths: 18, signerName: 'Thẩm phán Lê Quang Vinh', signerPosition: 'Thẩm phán TAND tỉnh' },
  },
  {
    id: 'court.postponement-decision', vi: 'Xem xét đề nghị hoãn, miễn chấp hành (Mẫu 42a/42b)', en: 'Decide on postponement / exemption (Mẫu 42a/42b)',
    fields: [
      req(choice('requestType', 'Loại đề nghị', 'Request', [['postponement', 'Hoãn chấp hành (Mẫu 42a)', 'Postponement (Mẫu 42a)'], ['exemption', 'Miễn chấp hành (Mẫu 42b)', 'Exemption (Mẫu 42b)']])),
      req(date('requestDate', 'Ngày nộp đơn', 'Request date')),
      req(choice('ground', 'Lý do', 'Ground', [
        ['serious_illness', 'Ốm nặng có xác nhận của bệnh viện cấp huyện trở lên', 'Serious illness certified by a hospital'],
        ['family_hardship', 'Gia đình đặc biệt khó khăn có xác nhận của Chủ tịch UBND xã', 'Special family hardship certified by the commune'],
        ['grave_illness', 'Mắc bệnh hiểm nghèo', 'Grave illness'], ['no_longer_addicted', 'Không còn nghiện sau cai nghiện tự nguyện trong thời gian hoãn', 'No longer addicted after voluntary rehab'],
        ['pregnancy', 'Đang mang thai', 'Pregnancy'],
      ])),
      files('proof', 'Giấy tờ chứng minh', 'Proof'),
      req(choice('postponementOutcome', 'Quyết định của Tòa án', 'Court ruling', [['postponement_granted', 'Chấp nhận hoãn', 'Postponement granted'], ['exemption_granted', 'Chấp nhận miễn', 'Exemption granted'], ['rejected', 'Không chấp nhận', 'Rejected']])),
      date('postponedUntil', 'Hoãn đến ngày', 'Postponed until'), note(),
    ],
    example: { requestType: 'postponement', requestDate: '2026-12-11', ground: 'serious_illness', postponementOutcome: 'postponement_granted', postponedUntil: '2027-03-11' },
  },
  {
    id: 'court.postponement-end', vi: 'Xác nhận hết lý do hoãn chấp hành', en: 'Confirm the postponement ground has ended',
    fields: [req(date('groundEndedDate', 'Ngày hết lý do hoãn', 'Ground ended on')), req(area('evidence', 'Căn cứ', 'Evidence')), ...signer()],
    example: { groundEndedDate: '2027-03-10', evidence: 'Giấy ra viện ngày 10/03/2027', ...signerExample },
  },
];
