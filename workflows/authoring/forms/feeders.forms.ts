import type { FormSpec } from '../form-dsl';
import { area, bool, choice, commune, computed, date, files, req, table, text } from '../form-dsl';
import { identity, identityExample, note, signer, signerExample, triggerOptions } from './common';

const chairman = { signerName: 'Lê Thị Hằng', signerPosition: 'Chủ tịch UBND xã' };

export const illegalUserForms: FormSpec[] = [
  {
    id: 'iu.residence-verification', vi: 'Xác minh nơi cư trú của người sử dụng trái phép chất ma túy', en: "Verify the illegal user's residence",
    fields: [
      req(date('detectedDate', 'Ngày phát hiện', 'Detected on')), bool('remoteArea', 'Địa bàn miền núi, hải đảo, vùng sâu, vùng xa', 'Mountain, island or remote area'),
      req(bool('stableResidence', 'Có nơi cư trú ổn định', 'Has a stable residence')), commune('residenceCommuneCode', 'Xã nơi cư trú', 'Commune of residence'),
      req(area('findings', 'Kết quả xác minh', 'Findings')),
    ],
    example: { detectedDate: '2026-11-18', remoteArea: false, stableResidence: true, residenceCommuneCode: '99130', findings: 'Thường trú và thực tế sinh sống tại Thôn Tây' },
  },
  {
    id: 'iu.notice', vi: 'Thông báo về việc sử dụng trái phép chất ma túy', en: 'Notice of illegal drug use', mau: 'Mẫu 04',
    fields: [req(text('noticeNo', 'Số thông báo', 'Notice number')), req(date('noticeDate', 'Ngày', 'Date')), req(text('to', 'Kính gửi (Chủ tịch UBND xã)', 'To (commune chairman)')), ...identity(), req(date('testDate', 'Ngày xét nghiệm', 'Test date')), req(text('testResult', 'Kết quả xét nghiệm (Mẫu 03)', 'Test result (Mẫu 03)')), files('attachments', 'Tài liệu kèm theo (Mẫu 05, 06)', 'Attachments (Mẫu 05, 06)'), ...signer()],
    example: { noticeNo: '11/TB-CAX', noticeDate: '2026-11-21', to: 'Chủ tịch UBND xã Sông Xanh', ...identityExample, testDate: '2026-11-18', testResult: 'Dương tính với Methamphetamine', ...signerExample },
  },
  {
    id: 'iu.management-decision', version: 2, vi: 'Quyết định quản lý người sử dụng trái phép chất ma túy', en: 'Management decision', mau: 'Mẫu 07',
    fields: [
      req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('managementStart', 'Ngày ký (có hiệu lực)', 'Signed (effective) on')),
      computed('managementEnd', 'Ngày kết thúc (01 năm kể từ ngày ký)', 'End date (1 year from signing)', '=string(date(managementStart) + duration("P1Y"))'), ...identity(),
      table('team', 'Tổ quản lý', 'Management team', [req(text('name', 'Họ tên', 'Name')), req(choice('role', 'Vai trò', 'Role', [['lead', 'Tổ trưởng (Công an xã)', 'Lead (commune police)'], ['deputy', 'Tổ phó (thôn, tổ dân phố)', 'Deputy (village)'], ['member', 'Thành viên', 'Member']]))]),
      ...signer(),
    ],
    example: { decisionNo: '31/QĐ-UBND', managementStart: '2026-11-24', managementEnd: '2027-11-24', ...identityExample, team: [{ name: 'Trần Văn Bình', role: 'lead' }, { name: 'Nguyễn Văn Tư', role: 'deputy' }], ...chairman },
  },
  {
    id: 'iu.monthly-check', vi: 'Kiểm tra nơi cư trú hằng tháng', en: 'Monthly residence check',
    fields: [req(date('checkDate', 'Ngày kiểm tra', 'Check date')), req(bool('presentAtResidence', 'Có mặt tại nơi cư trú', 'Present at residence')), bool('testDone', 'Có xét nghiệm (khi có căn cứ)', 'Drug test done (on grounds)'), req(bool('reuseDetected', 'Phát hiện tái sử dụng', 'Reuse detected')), note()],
    example: { checkDate: '2026-12-24', presentAtResidence: true, testDone: false, reuseDetected: false },
  },
  {
    id: 'iu.transfer-file', vi: 'Văn bản chuyển hồ sơ quản lý người sử dụng trái phép chất ma túy', en: 'Transfer of the management file', mau: 'Mẫu 08',
    fields: [req(text('documentNo', 'Số văn bản', 'Document number')), req(date('departureDate', 'Ngày chuyển đi', 'Departure date')), req(commune('newCommuneCode', 'Xã nơi đến', 'New commune')), req(date('remainingUntil', 'Thời hạn quản lý còn lại đến', 'Remaining term until')), ...signer()],
    example: { documentNo: '05/UBND', departureDate: '2027-02-01', newCommuneCode: '99160', remainingUntil: '2027-11-24', ...chairman },
  },
  {
    id: 'iu.accept-transfer', vi: 'Tiếp nhận hồ sơ quản lý chuyển đến', en: 'Accept a transferred management file',
    fields: [req(text('documentNo', 'Văn bản chuyển (Mẫu 08)', 'Transfer document (Mẫu 08)')), req(commune('fromCommuneCode', 'Xã chuyển đi', 'From commune')), req(date('managementEnd', 'Ngày kết thúc thời hạn còn lại', 'End of the remaining term')), text('teamLead', 'Tổ trưởng tổ quản lý mới', 'New team lead')],
    example: { documentNo: '05/UBND', fromCommuneCode: '99130', managementEnd: '2027-11-24', teamLead: 'Phạm Văn Nam' },
  },
  {
    id: 'iu.stop-decision', vi: 'Quyết định chấm dứt việc quản lý', en: 'Decision to stop management', mau: 'Mẫu 09',
    fields: [req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('decisionDate', 'Ngày', 'Date')), req(choice('reason', 'Lý do', 'Reason', [['addicted', 'Xác định là người nghiện ma túy', 'Found to be addicted'], ['commune_education', 'Áp dụng giáo dục tại xã, phường, thị trấn', 'Commune education'], ['reform_school', 'Đưa vào trường giáo dưỡng / cơ sở giáo dục bắt buộc', 'Reform school / compulsory education'], ['prison', 'Chấp hành án phạt tù', 'Prison'], ['death_or_missing', 'Chết / bị tuyên bố mất tích', 'Death / declared missing']])), ...signer()],
    example: { decisionNo: '40/QĐ-UBND', decisionDate: '2027-03-10', reason: 'addicted', ...chairman },
  },
  {
    id: 'iu.end-decision', vi: 'Quyết định kết thúc việc quản lý', en: 'Decision to end management', mau: 'Mẫu 10',
    fields: [req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('decisionDate', 'Ngày', 'Date')), req(date('managementEnd', 'Ngày hết thời hạn quản lý', 'Term ended on')), ...signer()],
    example: { decisionNo: '52/QĐ-UBND', decisionDate: '2027-11-25', managementEnd: '2027-11-24', ...chairman },
  },
];

const treatmentTypes: [string, string, string][] = [
  ['voluntary_home', 'Cai nghiện tự nguyện tại gia đình', 'Voluntary rehab at home'], ['voluntary_community', 'Cai nghiện tự nguyện tại cộng đồng', 'Voluntary rehab in the community'],
  ['voluntary_centre', 'Cai nghiện tự nguyện tại cơ sở cai nghiện', 'Voluntary rehab in a centre'], ['methadone', 'Điều trị thay thế bằng methadone', 'Methadone therapy'],
];

export const voluntaryForms: FormSpec[] = [
  {
    id: 'voluntary.registration', vi: 'Tờ khai đăng ký cai nghiện ma túy tự nguyện', en: 'Voluntary rehab registration', mau: 'Mẫu 22',
    fields: [...identity(), req(choice('treatmentType', 'Hình thức', 'Form of treatment', treatmentTypes)), req(date('registrationDate', 'Ngày đăng ký', 'Registration date')), req(text('registerBookNo', 'Số vào sổ (Mẫu 23)', 'Register entry (Mẫu 23)')), text('guardianName', 'Cha, mẹ, người giám hộ (12–dưới 18 tuổi)', 'Parent or guardian (12–<18)'), files('attachments', 'Phiếu kết quả xác định, giấy tờ tùy thân', 'Result sheet, ID')],
    example: { ...identityExample, treatmentType: 'methadone', registrationDate: '2026-11-24', registerBookNo: '08/2026' },
  },
  {
    id: 'voluntary.appraisal', vi: 'Thẩm định hồ sơ đăng ký cai nghiện tự nguyện', en: 'Appraise the registration',
    fields: [req(bool('dossierValid', 'Hồ sơ hợp lệ', 'Dossier valid')), area('remarks', 'Ý kiến thẩm định', 'Remarks'), req(text('appraisedBy', 'Người thẩm định', 'Appraised by'))],
    example: { dossierValid: true, appraisedBy: 'Trần Văn Bình' },
  },
  {
    id: 'voluntary.decision', vi: 'Quyết định cai nghiện ma túy tự nguyện / điều trị methadone', en: 'Voluntary rehab / methadone decision', mau: 'Mẫu 24',
    fields: [req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('decisionDate', 'Ngày', 'Date')), ...identity(), req(choice('treatmentType', 'Hình thức', 'Form of treatment', treatmentTypes)), req(text('provider', 'Cơ sở / tổ chức cung cấp dịch vụ', 'Provider')), text('contractNo', 'Số hợp đồng dịch vụ (Mẫu 28, tại cơ sở)', 'Service contract (Mẫu 28)'), req(text('duration', 'Thời gian cai nghiện (6–12 tháng)', 'Duration (6–12 months)')), ...signer()],
    example: { decisionNo: '25/QĐ-UBND', decisionDate: '2026-11-26', ...identityExample, treatmentType: 'methadone', provider: 'Cơ sở điều trị methadone Tỉnh Thử nghiệm', duration: 'Theo phác đồ điều trị', ...chairman },
  },
  {
    id: 'voluntary.violation-record', vi: 'Biên bản vi phạm về cai nghiện ma túy', en: 'Violation record', mau: 'Mẫu 27',
    fields: [req(text('recordNo', 'Số biên bản', 'Record number')), req(date('recordDate', 'Ngày lập', 'Date')), ...identity(), req(choice('violationType', 'Hành vi vi phạm', 'Violation', triggerOptions.filter(([v]) => v !== 'RELAPSE_POST_REHAB'))), req(area('details', 'Nội dung vi phạm', 'Details')), area('personStatement', 'Ý kiến của người vi phạm', "Person's statement"), ...signer()],
    example: { recordNo: '06/BB-VP', recordDate: '2026-12-05', ...identityExample, violationType: 'NOT_PERFORMED', details: 'Không bắt đầu điều trị trong 05 ngày làm việc kể từ ngày có quyết định', ...signerExample },
  },
  {
    id: 'voluntary.transfer', vi: 'Văn bản chuyển hồ sơ cai nghiện tự nguyện', en: 'Transfer of the voluntary rehab file', mau: 'Mẫu 25',
    fields: [req(text('documentNo', 'Số văn bản', 'Document number')), req(date('departureDate', 'Ngày chuyển đi', 'Departure date')), req(commune('newCommuneCode', 'Xã nơi đến', 'New commune')), ...signer()],
    example: { documentNo: '07/UBND', departureDate: '2027-01-15', newCommuneCode: '99230', ...chairman },
  },
  {
    id: 'voluntary.completion', vi: 'Giấy chứng nhận hoàn thành cai nghiện ma túy tự nguyện', en: 'Voluntary rehab completion certificate', mau: 'Mẫu 26a',
    descVi: 'Mẫu 26a do UBND xã cấp; Mẫu 26b do cơ sở cai nghiện cấp (ghi nhận số giấy).',
    fields: [req(choice('certificateForm', 'Mẫu giấy chứng nhận', 'Certificate form', [['26a', 'Mẫu 26a (tại gia đình, cộng đồng)', 'Mẫu 26a (home / community)'], ['26b', 'Mẫu 26b (tại cơ sở cai nghiện)', 'Mẫu 26b (centre)'], ['methadone', 'Hoàn thành điều trị methadone', 'Methadone completed']])), req(text('certificateNo', 'Số giấy chứng nhận', 'Certificate number')), req(date('completionDate', 'Ngày hoàn thành', 'Completion date')), ...identity(), req(bool('copySentToPolice', 'Đã gửi 01 bản cho Công an xã', 'Copy sent to commune police')), ...signer()],
    example: { certificateForm: '26a', certificateNo: '02/GCN-UBND', completionDate: '2027-06-12', ...identityExample, copySentToPolice: true, ...chairman },
  },
];
