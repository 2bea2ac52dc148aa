import type { FormSpec, Field, Option } from '../form-dsl';
import { area, bool, choice, commune, computed, date, files, multi, req, table, text } from '../form-dsl';
import { drugClassOptions, identity, identityExample, note, signer, signerExample } from './common';

const sourceTypes: Option[] = [
  ['VOLUNTARY', 'Hoàn thành cai nghiện tự nguyện (Mẫu 26a/26b)', 'Completed voluntary rehab (Mẫu 26a/26b)'],
  ['METHADONE', 'Hoàn thành điều trị methadone', 'Completed methadone treatment'],
  ['COMPULSORY_ADULT', 'Chấp hành xong cai nghiện bắt buộc – người thành niên (Mẫu 46)', 'Completed compulsory rehab – adult (Mẫu 46)'],
  ['COMPULSORY_MINOR', 'Chấp hành xong cai nghiện bắt buộc – người chưa thành niên (Mẫu 46)', 'Completed compulsory rehab – minor (Mẫu 46)'],
];

const testFields = (): Field[] => [
  req(date('testDate', 'Ngày xét nghiệm', 'Test date')),
  req(choice('sampleType', 'Mẫu xét nghiệm', 'Sample', [['urine', 'Nước tiểu', 'Urine'], ['blood', 'Máu', 'Blood'], ['other', 'Khác', 'Other']])),
  req(choice('testResult', 'Kết quả', 'Result', [['negative', 'Âm tính', 'Negative'], ['positive', 'Dương tính', 'Positive']])),
  multi('substances', 'Chất dương tính', 'Positive substances', drugClassOptions), text('testedBy', 'Người thực hiện', 'Tested by'), files('resultScan', 'Phiếu kết quả', 'Result sheet'),
];

export const postRehabSupervisionForms: FormSpec[] = [
  {
    id: 'post-rehab.report', vi: 'Tiếp nhận trình báo sau khi hoàn thành cai nghiện', en: 'Report after completing rehab',
    fields: [
      req(date('returnDate', 'Ngày về nơi cư trú', 'Returned home on')), req(date('reportDate', 'Ngày trình báo', 'Report date')),
      req(choice('sourceType', 'Hình thức đã hoàn thành', 'Completed', sourceTypes)),
      req(text('certificateNo', 'Số giấy chứng nhận hoàn thành', 'Completion certificate no.')), req(date('completionDate', 'Ngày hoàn thành', 'Completion date')), note(),
    ],
    example: { returnDate: '2026-11-21', reportDate: '2026-11-24', sourceType: 'COMPULSORY_ADULT', certificateNo: '97/GCN-CSCN', completionDate: '2026-11-20' },
  },
  {
    id: 'post-rehab.proposal', vi: 'Văn bản đề nghị quản lý sau cai nghiện ma túy', en: 'Proposal for post-rehab management', mau: 'Mẫu 50',
    fields: [
      req(text('proposalNo', 'Số văn bản', 'Proposal number')), req(date('proposalDate', 'Ngày', 'Date')), ...identity(),
      req(text('completionDocument', 'Giấy tờ hoàn thành kèm theo', 'Completion document')), req(text('summaryCvRef', 'Bản tóm tắt lý lịch (Mẫu 30)', 'Summary CV (Mẫu 30)')),
      req(area('proposedMeasures', 'Đề xuất biện pháp quản lý, hỗ trợ', 'Proposed management and support')), ...signer(),
    ],
    example: { proposalNo: '09/ĐN-CAX', proposalDate: '2026-11-25', ...identityExample, completionDocument: 'Giấy chứng nhận số 97/GCN-CSCN', summaryCvRef: 'Mẫu 30 lập ngày 25/11/2026', proposedMeasures: 'Xét nghiệm định kỳ 3 tháng/lần; hỗ trợ học nghề', ...signerExample },
  },
  {
    id: 'post-rehab.decision', vi: 'Quyết định quản lý sau cai nghiện ma túy', en: 'Post-rehab management decision', mau: 'Mẫu 51',
    fields: [
      req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('decisionDate', 'Ngày ký', 'Signed on')), ...identity(),
      text('occupation', 'Nghề nghiệp', 'Occupation'), req(choice('sourceType', 'Căn cứ', 'Basis', sourceTypes)),
      computed('termMonths', 'Thời hạn quản lý (tháng)', 'Term (months)', '=if sourceType = "COMPULSORY_ADULT" then 24 else 12'),
      req(date('termStart', 'Ngày bắt đầu', 'Start date')),
      computed('termEnd', 'Ngày kết thúc (chưa tính thời gian vắng mặt không báo cáo)', 'End date (before unreported absences)',
        '=string(date(termStart) + duration("P" + string(if sourceType = "COMPULSORY_ADULT" then 24 else 12) + "M"))'),
      req(text('place', 'Nơi thi hành', 'Place of enforcement')), req(text('responsibleAgency', 'Cơ quan chịu trách nhiệm', 'Responsible agency')),
      table('supervisors', 'Người được giao giúp đỡ, giáo dục', 'Assigned supporters', [req(text('name', 'Họ tên', 'Name')), text('organisation', 'Tổ chức', 'Organisation')]),
      req(multi('recipients', 'Nơi nhận', 'Recipients', [['person', 'Người được quản lý / gia đình', 'Person / family'], ['police_chief', 'Trưởng Công an xã', 'Commune police chief'], ['social_officer', 'Công chức văn hóa – xã hội', 'Social-affairs officer']])),
      ...signer(),
    ],
    example: { decisionNo: '21/QĐ-UBND', decisionDate: '2026-11-27', ...identityExample, occupation: 'Lao động tự do', sourceType: 'COMPULSORY_ADULT', termMonths: 24, termStart: '2026-11-27', termEnd: '2028-11-27', place: 'Xã Bến Đò', responsibleAgency: 'Công an xã Bến Đò', supervisors: [{ name: 'Nguyễn Văn Tư', organisation: 'Hội Cựu chiến binh' }], recipients: ['person', 'police_chief', 'social_officer'], signerName: 'Lê Thị Hằng', signerPosition: 'Chủ tịch UBND xã' },
  },
  {
    id: 'post-rehab.accept-transfer', vi: 'Tiếp nhận hồ sơ quản lý sau cai chuyển đến', en: 'Accept a transferred post-rehab file',
    fields: [req(text('noticeNo', 'Số thông báo (Mẫu 53)', 'Notice no. (Mẫu 53)')), req(commune('fromCommuneCode', 'Xã chuyển đi', 'From commune')), req(date('receivedDate', 'Ngày nhận', 'Received on')), req(date('termEnd', 'Ngày kết thúc thời hạn còn lại', 'End of the remaining term'))],
    example: { noticeNo: '04/TB-CAX', fromCommuneCode: '99130', receivedDate: '2026-10-02', termEnd: '2027-11-01' },
  },
  { id: 'post-rehab.periodic-test', vi: 'Xét nghiệm định kỳ', en: 'Periodic drug test', fields: testFields(), example: { testDate: '2027-02-27', sampleType: 'urine', testResult: 'negative', testedBy: 'Trạm Y tế xã' } },
  {
    id: 'post-rehab.adhoc-test', vi: 'Xét nghiệm đột xuất', en: 'Ad-hoc drug test',
    fields: [req(area('grounds', 'Căn cứ xét nghiệm đột xuất', 'Grounds')), ...testFields()],
    example: { grounds: 'Có biểu hiện sử dụng ma túy', testDate: '2027-01-10', sampleType: 'urine', testResult: 'positive', substances: ['stimulant'] },
  },
  {
    id: 'post-rehab.absence', vi: 'Ghi nhận vắng mặt khỏi nơi cư trú', en: 'Record an absence',
    fields: [req(date('from', 'Từ ngày', 'From')), req(date('to', 'Đến ngày', 'To')), req(bool('reported', 'Có báo cáo Công an xã (lý do, thời gian)', 'Reported to commune police')), area('reason', 'Lý do', 'Reason'), date('termEnd', 'Ngày kết thúc thời hạn (đã cộng thời gian vắng không báo cáo)', 'Term end (extended by unreported absence)')],
    example: { from: '2027-03-01', to: '2027-03-20', reported: false, termEnd: '2028-12-17' },
  },
  {
    id: 'post-rehab.move-notice', vi: 'Thông báo về việc thay đổi nơi cư trú của người bị quản lý sau cai', en: 'Move notice', mau: 'Mẫu 53',
    fields: [req(text('noticeNo', 'Số thông báo', 'Notice number')), req(date('departureDate', 'Ngày chuyển đi', 'Departure date')), req(commune('newCommuneCode', 'Xã nơi đến', 'New commune')), req(text('newAddress', 'Địa chỉ nơi đến', 'New address')), req(date('remainingTermEnd', 'Ngày kết thúc thời hạn còn lại', 'End of the remaining term')), ...signer()],
    example: { noticeNo: '04/TB-CAX', departureDate: '2026-09-28', newCommuneCode: '99160', newAddress: 'Ấp Chợ, xã Bến Đò', remainingTermEnd: '2027-11-01', ...signerExample },
  },
  {
    id: 'post-rehab.removal', vi: 'Đưa ra khỏi danh sách quản lý sau cai', en: 'Remove from the post-rehab list',
    fields: [req(choice('reason', 'Lý do', 'Reason', [['prison', 'Bị phạt tù', 'Prison sentence'], ['death', 'Chết', 'Death'], ['missing', 'Bị Tòa án tuyên bố mất tích', 'Declared missing by a court']])), req(date('effectiveDate', 'Ngày', 'Date')), text('documentRef', 'Văn bản căn cứ', 'Supporting document'), ...signer()],
    example: { reason: 'prison', effectiveDate: '2027-05-04', documentRef: 'Bản án số 55/2027/HS-ST', ...signerExample },
  },
  {
    id: 'post-rehab.completion', vi: 'Giấy chứng nhận hoàn thành thời gian quản lý sau cai nghiện ma túy', en: 'Post-rehab completion certificate', mau: 'Mẫu 54',
    fields: [req(text('certificateNo', 'Số giấy chứng nhận', 'Certificate number')), req(date('issueDate', 'Ngày cấp', 'Issued on')), ...identity(), req(date('termStart', 'Quản lý từ ngày', 'Managed from')), req(date('termEnd', 'Đến ngày', 'Managed until')), ...signer()],
    example: { certificateNo: '03/GCN-UBND', issueDate: '2028-11-28', ...identityExample, termStart: '2026-11-27', termEnd: '2028-11-27', signerName: 'Lê Thị Hằng', signerPosition: 'Chủ tịch UBND xã' },
  },
];
