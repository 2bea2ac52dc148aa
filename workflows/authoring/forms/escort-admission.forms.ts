import type { FormSpec } from '../form-dsl';
import { area, bool, choice, computed, date, datetime, files, int, multi, req, table, text } from '../form-dsl';
import { drugClassOptions, identity, identityExample, note, signer, signerExample } from './common';

const centreSigner = { signerName: 'Hoàng Minh Quân', signerPosition: 'Giám đốc Cơ sở cai nghiện' };

export const escortAdmissionForms: FormSpec[] = [
  {
    id: 'escort.plan', vi: 'Tổ chức đưa người vào cơ sở cai nghiện bắt buộc', en: 'Escort to the centre',
    fields: [
      req(date('decisionReceivedDate', 'Ngày nhận quyết định của Tòa án', 'Court decision received on')),
      req(text('escortUnit', 'Đơn vị đưa người', 'Escorting unit')), text('officers', 'Cán bộ thực hiện', 'Officers'),
      req(choice('escortOutcome', 'Kết quả', 'Outcome', [
        ['handed_over', 'Đã đưa đến và bàn giao cho cơ sở', 'Brought to and handed over to the centre'],
        ['centre_full', 'Cơ sở hết chỗ, đề nghị gia hạn', 'Centre full, extension needed'],
        ['absconded', 'Người phải chấp hành bỏ trốn', 'Person absconded'],
        ['force_majeure', 'Sự kiện bất khả kháng', 'Force majeure'],
      ])),
      bool('coercionApplied', 'Có áp dụng biện pháp cưỡng chế do chống đối', 'Coercion applied (refusal)'),
      date('expectedAdmissionDate', 'Ngày dự kiến tiếp nhận (cơ sở hết chỗ, tối đa 03 tháng)', 'Expected admission date (centre full, ≤3 months)'), note(),
    ],
    example: { decisionReceivedDate: '2026-12-14', escortUnit: 'Phòng PC04 Công an tỉnh', officers: 'Nguyễn Văn Dũng, Phạm Văn Hòa', escortOutcome: 'handed_over', coercionApplied: false },
  },
  {
    id: 'escort.centre-full-notice', vi: 'Văn bản thông báo Tòa án về việc gia hạn đưa người', en: 'Notice to the court: extension (centre full)',
    fields: [req(text('noticeNo', 'Số văn bản', 'Notice number')), req(date('noticeDate', 'Ngày', 'Date')), req(text('court', 'Tòa án nhận', 'Court')), req(date('expectedAdmissionDate', 'Ngày dự kiến tiếp nhận', 'Expected admission date')), req(area('reason', 'Lý do', 'Reason')), ...signer()],
    example: { noticeNo: '31/TB-PC04', noticeDate: '2026-12-15', court: 'Tòa án nhân dân khu vực 1 – Tỉnh Thử nghiệm', expectedAdmissionDate: '2027-01-15', reason: 'Cơ sở cai nghiện đã đủ công suất tiếp nhận', ...signerExample },
  },
  {
    id: 'escort.search-decision', vi: 'Quyết định truy tìm người phải chấp hành', en: 'Search decision', mau: 'Mẫu 41',
    fields: [req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('decisionDate', 'Ngày', 'Date')), ...identity(), req(date('abscondedDate', 'Ngày bỏ trốn', 'Absconded on')), text('description', 'Đặc điểm nhận dạng', 'Description'), ...signer()],
    example: { decisionNo: '05/QĐ-TT', decisionDate: '2026-12-16', ...identityExample, abscondedDate: '2026-12-15', ...signerExample },
  },
  {
    id: 'admission.handover', vi: 'Biên bản giao, nhận người vào cơ sở cai nghiện bắt buộc', en: 'Centre handover record', mau: 'Mẫu 40',
    fields: [
      req(datetime('handoverAt', 'Thời gian giao nhận', 'Handover at')), req(text('handedOverBy', 'Bên giao (đơn vị công an)', 'Handed over by (police)')), req(text('receivedBy', 'Bên nhận (cơ sở)', 'Received by (centre)')),
      req(bool('identityChecked', 'Đã đối chiếu người với hồ sơ và giấy tờ tùy thân', 'Identity checked against the dossier')),
      req(area('healthStatus', 'Tình trạng sức khỏe (kiểm tra sơ bộ)', 'Health status (preliminary check)')),
      req(int('documentCount', 'Số lượng tài liệu', 'Documents', 0, 200)),
      table('belongings', 'Đồ dùng, tư trang cá nhân', 'Personal belongings', [req(text('item', 'Tên đồ vật', 'Item')), int('quantity', 'Số lượng', 'Quantity', 1, 1000), text('condition', 'Tình trạng', 'Condition')]),
    ],
    example: { handoverAt: '2026-12-16T09:30:00+07:00', handedOverBy: 'Phòng PC04 Công an tỉnh', receivedBy: 'Cơ sở cai nghiện ma túy Tỉnh Thử nghiệm', identityChecked: true, healthStatus: 'Tỉnh táo, không có dấu hiệu bệnh cấp tính', documentCount: 3, belongings: [{ item: 'Điện thoại di động', quantity: 1, condition: 'Còn sử dụng' }] },
  },
  {
    id: 'admission.intake', vi: 'Phiếu thu thập thông tin người cai nghiện', en: 'Intake information', mau: 'Mẫu 19',
    fields: [
      ...identity(), text('education', 'Trình độ học vấn', 'Education'), text('occupation', 'Nghề nghiệp', 'Occupation'),
      req(multi('drugTypes', 'Loại ma túy sử dụng', 'Drug types used', drugClassOptions)),
      req(choice('usageLevel', 'Mức độ sử dụng', 'Level of use', [['occasional', 'Thỉnh thoảng', 'Occasional'], ['regular', 'Thường xuyên', 'Regular'], ['daily', 'Hằng ngày', 'Daily']])),
      text('dose', 'Liều lượng, cách dùng', 'Dose and route'), area('healthConditions', 'Tình trạng sức khỏe, bệnh kèm theo', 'Health conditions'),
      multi('infectiousFlags', 'Bệnh truyền nhiễm nhóm A/B', 'Group A/B infectious diseases', [['hiv', 'HIV', 'HIV'], ['tb', 'Lao', 'Tuberculosis'], ['hepatitis', 'Viêm gan B/C', 'Hepatitis B/C'], ['other', 'Khác', 'Other']]),
      area('familySituation', 'Hoàn cảnh gia đình', 'Family situation'),
      req(choice('classificationGroup', 'Phân loại', 'Classification', [['compulsory_adult', 'Cai nghiện bắt buộc – người thành niên', 'Compulsory – adult'], ['compulsory_minor', 'Người từ đủ 12 đến dưới 18 tuổi', 'Aged 12 to under 18'], ['infectious', 'Mắc bệnh truyền nhiễm nhóm A/B', 'Group A/B infectious disease'], ['discipline', 'Gây rối, vi phạm nội quy', 'Disturbs order / breaks rules']])),
    ],
    example: { ...identityExample, education: '9/12', occupation: 'Lao động tự do', drugTypes: ['stimulant'], usageLevel: 'regular', healthConditions: 'Không', familySituation: 'Sống cùng mẹ', classificationGroup: 'compulsory_adult' },
  },
  {
    id: 'admission.placement', vi: 'Bố trí khu, đội và kế hoạch cai nghiện', en: 'Zone, team and rehab plan', mau: 'Mẫu 20',
    fields: [
      req(choice('zone', 'Khu', 'Zone', [['compulsory', 'Khu cai nghiện bắt buộc', 'Compulsory'], ['minor', 'Khu người từ đủ 12 đến dưới 18 tuổi', 'Minors'], ['infectious', 'Khu người mắc bệnh truyền nhiễm nhóm A/B', 'Infectious diseases'], ['discipline', 'Khu người gây rối, vi phạm nội quy', 'Discipline'], ['temporary', 'Khu lưu trú tạm thời', 'Temporary stay']])),
      req(choice('sexHousing', 'Khu vực nam/nữ', 'Male/female area', [['male', 'Nam', 'Male'], ['female', 'Nữ', 'Female'], ['separate_room', 'Phòng riêng (giới tính thể hiện khác hồ sơ)', 'Separate room']])),
      req(text('team', 'Đội', 'Team')), area('rehabPlan', 'Kế hoạch cai nghiện (5 giai đoạn)', 'Rehab plan (5 stages)'),
      req(date('termStart', 'Ngày bắt đầu chấp hành', 'Term start')), req(int('termMonths', 'Thời hạn (tháng)', 'Term (months)', 6, 36)),
      int('interimDays', 'Số ngày quản lý tại cơ sở được trừ', 'Interim days deducted', 0, 1000),
      computed('termEnd', 'Ngày hết hạn chấp hành', 'Term end',
        '=string(date(termStart) + duration("P" + string(termMonths) + "M") - duration("P" + string(if interimDays = null then 0 else interimDays) + "D"))'),
    ],
    example: { zone: 'compulsory', sexHousing: 'male', team: 'Đội 3', rehabPlan: 'Giai đoạn 1–5 theo Điều 29 Luật Phòng, chống ma túy', termStart: '2026-12-16', termMonths: 18, interimDays: 20, termEnd: '2028-05-27' },
  },
  {
    id: 'admission.pre-release-notice', vi: 'Thông báo người sắp chấp hành xong quyết định', en: 'Pre-release notice',
    fields: [req(text('noticeNo', 'Số thông báo', 'Notice number')), req(date('noticeDate', 'Ngày thông báo', 'Notice date')), req(date('releaseDate', 'Ngày hết hạn chấp hành', 'Term end')), req(multi('recipients', 'Nơi nhận', 'Recipients', [['court', 'Tòa án đã quyết định', 'Deciding court'], ['commune', 'UBND xã nơi lập hồ sơ', 'Commune that prepared the dossier'], ['family', 'Gia đình / người đại diện', 'Family / representative']])), ...signer()],
    example: { noticeNo: '88/TB-CSCN', noticeDate: '2028-05-08', releaseDate: '2028-05-27', recipients: ['court', 'commune', 'family'], ...centreSigner },
  },
  {
    id: 'admission.completion', vi: 'Giấy chứng nhận hoàn thành thời gian cai nghiện bắt buộc', en: 'Compulsory rehab completion certificate', mau: 'Mẫu 46',
    fields: [req(text('certificateNo', 'Số giấy chứng nhận', 'Certificate number')), req(date('completionDate', 'Ngày hoàn thành', 'Completion date')), ...identity(), req(text('returnAddress', 'Nơi về cư trú', 'Returning to')), bool('minorCollected', 'Người chưa thành niên đã có gia đình đón', 'Minor collected by family'), bool('referSocialProtection', 'Chuyển cơ sở trợ giúp xã hội (không nơi cư trú / khuyết tật)', 'Refer to social protection'), ...signer()],
    example: { certificateNo: '112/GCN-CSCN', completionDate: '2028-05-27', ...identityExample, returnAddress: 'Ấp Bến, xã Bến Đò, Tỉnh Thử nghiệm', ...centreSigner },
  },
  {
    id: 'admission.minor-handover', vi: 'Biên bản bàn giao người chưa thành niên', en: 'Handover of a minor', mau: 'Mẫu 47',
    fields: [req(datetime('handoverAt', 'Thời gian bàn giao', 'Handover at')), req(text('receivedBy', 'Người / cơ quan nhận', 'Received by')), req(text('place', 'Địa điểm', 'Place')), note()],
    example: { handoverAt: '2027-06-01T09:00:00+07:00', receivedBy: 'UBND xã Bến Đò', place: 'Trụ sở UBND xã Bến Đò' },
  },
  {
    id: 'admission.health-check', vi: 'Khám sức khỏe định kỳ', en: 'Periodic health check',
    fields: [req(date('checkDate', 'Ngày khám', 'Check date')), req(text('doctor', 'Người khám', 'Examined by')), req(area('findings', 'Kết quả khám', 'Findings')), bool('referredToHospital', 'Chuyển bệnh viện điều trị', 'Referred to hospital'), text('hospital', 'Bệnh viện', 'Hospital'), bool('familyNotified', 'Đã thông báo gia đình', 'Family notified')],
    example: { checkDate: '2027-06-16', doctor: 'BS. Trần Thu Hà', findings: 'Sức khỏe bình thường', referredToHospital: false },
  },
  {
    id: 'admission.reduction-review', vi: 'Xét đề nghị giảm thời hạn, tạm đình chỉ, miễn chấp hành phần còn lại', en: 'Review for reduction, suspension or exemption', mau: 'Mẫu 43',
    fields: [
      req(date('reviewDate', 'Ngày xét', 'Review date')), req(bool('halfTermServed', 'Đã chấp hành 1/2 thời hạn', 'Half the term served')),
      req(bool('reductionProposed', 'Đề nghị Tòa án', 'Propose to the court')),
      choice('proposalType', 'Loại đề nghị', 'Proposal', [['reduce', 'Giảm thời hạn', 'Reduce the term'], ['suspend', 'Tạm đình chỉ (điều trị nội trú >10 ngày)', 'Suspend (hospital stay >10 days)'], ['exempt', 'Miễn chấp hành phần còn lại', 'Exempt the remainder']]),
      int('proposedMonths', 'Số tháng đề nghị giảm', 'Months proposed', 0, 6), area('grounds', 'Căn cứ (xếp loại, lập công…)', 'Grounds (rating, meritorious act…)'),
      date('postedFrom', 'Ngày niêm yết danh sách (Mẫu 44)', 'List posted on (Mẫu 44)'),
    ],
    example: { reviewDate: '2027-09-16', halfTermServed: true, reductionProposed: true, proposalType: 'reduce', proposedMonths: 2, grounds: '3 tháng gần nhất xếp loại tốt', postedFrom: '2027-09-17' },
  },
  {
    id: 'admission.court-reduction-decision', vi: 'Quyết định của Tòa án về giảm, tạm đình chỉ, miễn', en: 'Court ruling on reduction, suspension or exemption',
    fields: [req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('decisionDate', 'Ngày', 'Date')), req(bool('reductionGranted', 'Chấp nhận đề nghị', 'Granted')), int('monthsReduced', 'Số tháng được giảm', 'Months reduced', 0, 6), date('termEnd', 'Ngày hết hạn mới', 'New term end')],
    example: { decisionNo: '12/2027/QĐ-TA', decisionDate: '2027-09-30', reductionGranted: true, monthsReduced: 2, termEnd: '2028-03-27' },
  },
  {
    id: 'admission.escape-search', vi: 'Quyết định truy tìm người bỏ trốn khỏi cơ sở', en: 'Search decision (escape from the centre)', mau: 'Mẫu 41',
    fields: [req(text('decisionNo', 'Số quyết định', 'Decision number')), req(date('escapedDate', 'Ngày bỏ trốn', 'Escaped on')), req(text('policeUnit', 'Đơn vị công an phối hợp', 'Police unit assisting')), ...signer()],
    example: { decisionNo: '02/QĐ-CSCN', escapedDate: '2027-02-03', policeUnit: 'Công an xã Núi Đá', ...centreSigner },
  },
  {
    id: 'admission.escape-return', vi: 'Ghi nhận người bỏ trốn trở lại cơ sở', en: 'Record the return after an escape',
    fields: [req(date('returnedDate', 'Ngày trở lại', 'Returned on')), req(int('daysAbsent', 'Số ngày bỏ trốn (không tính vào thời hạn)', 'Days absent (not counted)', 0, 2000)), req(date('termEnd', 'Ngày hết hạn mới', 'New term end')), files('attachments', 'Tài liệu', 'Documents')],
    example: { returnedDate: '2027-02-13', daysAbsent: 10, termEnd: '2028-06-06' },
  },
];
