import type { FormSpec } from '../form-dsl';
import { area, bool, choice, computed, date, datetime, files, int, multi, phone, req, table, text } from '../form-dsl';
import { conclusionOptions, drugClassOptions, identity, identityExample, note, signer, signerExample } from './common';

const criteria = [1, 2, 3, 4, 5, 6].map((i) => `criterion${i}`).join(', ');
const count = `count([${criteria}][item = true])`;

export const addictionDeterminationForms: FormSpec[] = [
  {
    id: 'determination.volunteer-application', vi: 'Đơn đề nghị xác định tình trạng nghiện ma túy', en: 'Request for addiction determination (volunteer)', mau: 'Mẫu 01',
    fields: [
      req(text('facilityName', 'Kính gửi (cơ sở y tế)', 'To (health facility)')), ...identity(), phone('phone', 'Số điện thoại', 'Phone'),
      req(area('reason', 'Lý do đề nghị xác định', 'Reason for the request')),
      bool('isMinorOrIncapable', 'Người dưới 18 tuổi hoặc mất năng lực hành vi dân sự', 'Under 18 or lacking legal capacity'),
      text('guardianName', 'Họ tên cha, mẹ, người giám hộ hoặc người đại diện hợp pháp (nếu có)', 'Parent, guardian or legal representative'),
      req(date('applicationDate', 'Ngày làm đơn', 'Application date')), files('attachments', 'Giấy tờ kèm theo', 'Attachments'),
    ],
    example: { facilityName: 'Bệnh viện Tâm thần Tỉnh Thử nghiệm', ...identityExample, phone: '0912345678', reason: 'Tự nguyện đề nghị xác định để đăng ký điều trị methadone', isMinorOrIncapable: false, applicationDate: '2026-11-20' },
  },
  {
    id: 'determination.request', vi: 'Văn bản đề nghị xác định tình trạng nghiện ma túy', en: 'Police request for addiction determination', mau: 'Mẫu 02',
    fields: [
      req(text('requestNo', 'Số văn bản', 'Request number')), req(date('requestDate', 'Ngày đề nghị', 'Request date')),
      req(text('requestingAgency', 'Cơ quan đề nghị', 'Requesting agency')), text('officer', 'Cán bộ thụ lý', 'Officer in charge'),
      req(text('facilityName', 'Kính gửi (cơ sở y tế)', 'To (health facility)')), ...identity(),
      req(choice('triggerGroup', 'Thuộc trường hợp (L73 Điều 27 khoản 1)', 'Group (L73 Art 27(1))', [
        ['a', 'a) Đang trong thời hạn quản lý mà sử dụng trái phép', 'a) Used during illegal-user management'],
        ['b', 'b) Sử dụng trái phép, không có nơi cư trú ổn định', 'b) Illegal user without stable residence'],
        ['c', 'c) Đang/đã chấp hành giáo dục tại xã trong 1 năm mà sử dụng', 'c) During or within 1 year of commune education'],
        ['d', 'd) Đang quản lý sau cai nghiện mà sử dụng', 'd) Used during post-rehab management'],
      ])),
      req(date('drugTestDate', 'Ngày xét nghiệm', 'Drug test date')),
      multi('substances', 'Chất ma túy dương tính', 'Positive substances', drugClassOptions),
      choice('sampleType', 'Mẫu xét nghiệm', 'Sample', [['urine', 'Nước tiểu', 'Urine'], ['blood', 'Máu', 'Blood'], ['other', 'Khác', 'Other']]),
      req(choice('custody', 'Tình trạng tạm giữ hành chính', 'Administrative custody', [
        ['in_custody_with_facility', 'Đang tạm giữ, nơi tạm giữ có cơ sở y tế đủ điều kiện', 'In custody; the custody place has an eligible facility'],
        ['in_custody_no_facility', 'Đang tạm giữ, nơi tạm giữ không có cơ sở y tế đủ điều kiện', 'In custody; no eligible facility there'],
        ['not_in_custody', 'Không bị tạm giữ', 'Not in custody'],
      ])),
      text('custodyDecisionNo', 'Số quyết định tạm giữ', 'Custody decision number'),
      choice('meetingPlace', 'Địa điểm xác định (không tạm giữ)', 'Where (not in custody)', [
        ['facility', 'Công an đưa người đến cơ sở y tế', 'Police bring the person to the facility'],
        ['agreed_place', 'Cơ sở y tế cử người đến địa điểm thống nhất', 'Facility staff come to an agreed place'],
      ]),
      text('agreedPlace', 'Địa điểm thống nhất', 'Agreed place'),
      files('testResultCopy', 'Bản sao kết quả xét nghiệm', 'Copy of the test result'), ...signer(),
    ],
    example: { requestNo: '15/ĐN-CAX', requestDate: '2026-11-18', requestingAgency: 'Công an xã Bến Đò', officer: 'Trần Văn Bình', facilityName: 'Bệnh viện Tâm thần Tỉnh Thử nghiệm', ...identityExample, triggerGroup: 'a', drugTestDate: '2026-11-17', substances: ['stimulant'], sampleType: 'urine', custody: 'not_in_custody', meetingPlace: 'facility', ...signerExample },
  },
  {
    id: 'determination.summary-cv', vi: 'Bản tóm tắt lý lịch', en: 'Summary CV', mau: 'Mẫu 03',
    fields: [
      ...identity(), text('ethnicity', 'Dân tộc', 'Ethnicity'), text('nationality', 'Quốc tịch', 'Nationality'),
      text('occupation', 'Nghề nghiệp', 'Occupation'), text('education', 'Trình độ học vấn', 'Education'),
      table('family', 'Quan hệ gia đình', 'Family', [req(text('relation', 'Quan hệ', 'Relation')), req(text('name', 'Họ tên', 'Name')), int('birthYear', 'Năm sinh', 'Year of birth', 1900, 2030), text('address', 'Nơi ở', 'Address')]),
      area('drugHistory', 'Quá trình sử dụng ma túy', 'Drug use history'), area('violations', 'Tiền án, tiền sự, vi phạm', 'Previous offences'),
      req(date('preparedDate', 'Ngày lập', 'Date')), ...signer(),
    ],
    example: { ...identityExample, ethnicity: 'Kinh', nationality: 'Việt Nam', occupation: 'Lao động tự do', education: '9/12', family: [{ relation: 'Mẹ', name: 'Nguyễn Thị Hoa', birthYear: 1965, address: 'Ấp Bến, xã Bến Đò' }], drugHistory: 'Sử dụng ma túy tổng hợp từ năm 2024', preparedDate: '2026-11-18', ...signerExample },
  },
  {
    id: 'determination.custody-transfer', vi: 'Chuyển hồ sơ và người đến cơ sở y tế tại nơi tạm giữ', en: 'Transfer at the custody place',
    fields: [req(text('custodyPlace', 'Nơi tạm giữ', 'Custody place')), req(datetime('dossierSentAt', 'Thời điểm chuyển hồ sơ', 'Dossier sent at')), req(datetime('personTransferredAt', 'Thời điểm chuyển người', 'Person transferred at')), note()],
    example: { custodyPlace: 'Nhà tạm giữ Công an tỉnh', dossierSentAt: '2026-11-18T08:30:00+07:00', personTransferredAt: '2026-11-18T09:00:00+07:00' },
  },
  {
    id: 'determination.bring-person', vi: 'Đưa người và hồ sơ đến cơ sở y tế', en: 'Bring the person to the facility',
    fields: [req(datetime('arrivedAt', 'Thời điểm đến cơ sở y tế', 'Arrived at')), req(text('escortOfficers', 'Cán bộ đưa đi', 'Escorting officers')), note()],
    example: { arrivedAt: '2026-11-19T08:00:00+07:00', escortOfficers: 'Trần Văn Bình, Lê Văn Cường' },
  },
  {
    id: 'determination.staff-dispatch', vi: 'Cử người đến nơi tạm giữ / địa điểm thống nhất', en: 'Send staff to the custody or agreed place',
    fields: [req(datetime('dossierReceivedAt', 'Thời điểm nhận hồ sơ', 'Dossier received at')), req(text('staffNames', 'Người được cử', 'Staff sent')), req(text('place', 'Địa điểm', 'Place')), req(datetime('arrivedAt', 'Thời điểm có mặt', 'Arrived at')), note()],
    example: { dossierReceivedAt: '2026-11-18T14:00:00+07:00', staffNames: 'BS. Phạm Thị Thu', place: 'Trụ sở Công an xã Bến Đò', arrivedAt: '2026-11-19T08:00:00+07:00' },
  },
  {
    id: 'determination.intake', vi: 'Tiếp nhận người được xác định (Bước 1)', en: 'Receive the person (step 1)',
    fields: [
      req(datetime('receivedAt', 'Thời điểm tiếp nhận người', 'Person received at', { descVi: 'Mốc tính thời hạn 05 ngày (D6)', descEn: 'Starts the 5-day limit (D6)' })),
      req(text('medicalRecordNo', 'Số bệnh án', 'Medical record number')), req(text('doctor', 'Bác sĩ phụ trách', 'Doctor')),
      text('companion', 'Người đi cùng', 'Companion'), area('informationGathered', 'Thông tin khai thác', 'Information gathered'),
    ],
    example: { receivedAt: '2026-11-19T08:15:00+07:00', medicalRecordNo: 'BA-2026-0312', doctor: 'BS. Phạm Thị Thu', companion: 'Nguyễn Thị Hoa (mẹ)' },
  },
  {
    id: 'determination.criteria', vi: 'Phiếu tổng hợp theo dõi – đánh giá 6 tiêu chí (TT18 Điều 3)', en: 'Summary observation sheet – six criteria (TT18 Art 3)',
    fields: [
      req(date('observationFrom', 'Theo dõi từ ngày', 'Observed from')), req(date('observationTo', 'Đến ngày', 'Observed to')),
      req(bool('criterion1', '1. Thèm muốn mạnh mẽ hoặc cảm thấy bắt buộc phải sử dụng', '1. Strong craving or compulsion to use')),
      req(bool('criterion2', '2. Khó khăn trong kiểm soát thời gian bắt đầu, kết thúc hoặc mức độ sử dụng', '2. Difficulty controlling onset, end or amount of use')),
      req(bool('criterion3', '3. Tăng liều (dung nạp)', '3. Tolerance')),
      req(bool('criterion4', '4. Sao nhãng thú vui, sở thích khác vì sử dụng', '4. Neglect of other pleasures or interests')),
      req(bool('criterion5', '5. Tiếp tục sử dụng dù biết rõ tác hại', '5. Continued use despite known harm')),
      req(bool('criterion6', '6. Trạng thái cai khi ngừng hoặc giảm sử dụng', '6. Withdrawal state when stopping or reducing')),
      bool('unclearSigns', 'Dấu hiệu chưa rõ ràng', 'Unclear signs'),
      computed('criteriaCount', 'Số tiêu chí đáp ứng', 'Criteria met', `=${count}`),
      computed('conclusion', 'Kết luận Bước 3', 'Step 3 conclusion',
        `=if ${count} >= 3 then "nghien" else if (${count} = 2 and criterion6 != true) or unclearSigns = true then "can_theo_doi_them" else "khong_nghien"`,
        [...conclusionOptions, ['can_theo_doi_them', 'Cần khám, theo dõi thêm (Bước 4)', 'Needs extended observation (step 4)']]),
      area('clinicalNotes', 'Diễn biến lâm sàng', 'Clinical notes'),
    ],
    example: { observationFrom: '2026-11-19', observationTo: '2026-11-20', criterion1: true, criterion2: true, criterion3: true, criterion4: false, criterion5: true, criterion6: false, unclearSigns: false, criteriaCount: 4, conclusion: 'nghien' },
  },
  {
    id: 'determination.extended-observation', vi: 'Phiếu theo dõi trạng thái cai (Bước 4)', en: 'Withdrawal-state observation (step 4)',
    fields: [
      req(multi('drugClasses', 'Nhóm chất sử dụng', 'Drug classes', drugClassOptions)),
      bool('opioidWithdrawal', 'Có trạng thái cai nhóm thuốc phiện (Phụ lục 04)', 'Opioid withdrawal present (App. 04)'),
      bool('stimulantWithdrawal', 'Có trạng thái cai nhóm kích thích (Phụ lục 05)', 'Stimulant withdrawal present (App. 05)'),
      bool('cannabisWithdrawal', 'Có trạng thái cai cần sa (Phụ lục 06)', 'Cannabis withdrawal present (App. 06)'),
      req(int('criteriaMet', 'Tổng số tiêu chí đáp ứng sau theo dõi', 'Criteria met after observation', 0, 6)),
      req(bool('timeRequirementMet', 'Đáp ứng yêu cầu về thời gian (≥1 tháng hoặc lặp lại trong 12 tháng)', 'Time requirement met (≥1 month or recurring within 12 months)')),
      computed('conclusion', 'Kết luận Bước 4', 'Step 4 conclusion', '=if criteriaMet >= 3 and timeRequirementMet = true then "nghien" else "khong_nghien"', conclusionOptions),
      area('clinicalNotes', 'Diễn biến lâm sàng', 'Clinical notes'),
    ],
    example: { drugClasses: ['stimulant'], stimulantWithdrawal: true, criteriaMet: 3, timeRequirementMet: true, conclusion: 'nghien' },
  },
  {
    id: 'determination.result-sheet', vi: 'Phiếu kết quả xác định tình trạng nghiện ma túy', en: 'Addiction determination result sheet', mau: 'Mẫu 05',
    descVi: 'Mẫu 05 (tuyến công an đề nghị); Mẫu 04 đối với người tự nguyện. Lập 02 bản.',
    fields: [
      req(text('sheetNo', 'Số phiếu', 'Sheet number')), req(date('sheetDate', 'Ngày lập phiếu', 'Date')),
      req(text('facilityName', 'Cơ sở y tế', 'Health facility')), req(text('doctor', 'Bác sĩ xác định', 'Determining doctor')),
      req(choice('conclusion', 'Kết luận', 'Conclusion', conclusionOptions)),
      text('approvedBy', 'Thủ trưởng cơ sở phê duyệt', 'Approved by (head of facility)'),
      req(text('sentTo', 'Nơi nhận', 'Recipients')), files('signedCopy', 'Bản scan có chữ ký', 'Signed scan'),
    ],
    example: { sheetNo: '128/PKQ-BVTT', sheetDate: '2026-11-21', facilityName: 'Bệnh viện Tâm thần Tỉnh Thử nghiệm', doctor: 'BS. Phạm Thị Thu', conclusion: 'nghien', approvedBy: 'Giám đốc BS. Đỗ Văn Lâm', sentTo: 'Công an xã Bến Đò; người được xác định' },
  },
  {
    id: 'determination.treatment-registration', vi: 'Tờ khai đăng ký cai nghiện ma túy tự nguyện / điều trị methadone', en: 'Registration for voluntary rehab / methadone', mau: 'Mẫu 22',
    fields: [
      ...identity(), req(choice('treatmentType', 'Hình thức đăng ký', 'Registered for', [
        ['voluntary_home', 'Cai nghiện tự nguyện tại gia đình', 'Voluntary rehab at home'],
        ['voluntary_community', 'Cai nghiện tự nguyện tại cộng đồng', 'Voluntary rehab in the community'],
        ['voluntary_centre', 'Cai nghiện tự nguyện tại cơ sở cai nghiện', 'Voluntary rehab in a centre'],
        ['methadone', 'Điều trị thay thế bằng methadone', 'Methadone substitution therapy'],
      ])),
      req(date('registrationDate', 'Ngày đăng ký', 'Registration date')), text('registerBookNo', 'Số vào sổ đăng ký (Mẫu 23)', 'Register book entry (Mẫu 23)'),
      text('guardianName', 'Cha, mẹ, người giám hộ (người 12–dưới 18 tuổi)', 'Parent or guardian (ages 12–<18)'),
      files('attachments', 'Bản sao phiếu kết quả, giấy tờ tùy thân', 'Result sheet copy, ID copy'),
    ],
    example: { ...identityExample, treatmentType: 'voluntary_community', registrationDate: '2026-11-24', registerBookNo: '07/2026' },
  },
  {
    id: 'determination.violation-not-registered', vi: 'Biên bản vi phạm: không đăng ký cai nghiện', en: 'Violation record: did not register', mau: 'Mẫu 27',
    fields: [
      req(text('recordNo', 'Số biên bản', 'Record number')), req(datetime('recordedAt', 'Thời gian lập', 'Recorded at')), req(text('place', 'Địa điểm lập', 'Place')),
      ...identity(), req(area('violation', 'Hành vi vi phạm', 'Violation')), area('personStatement', 'Ý kiến của người vi phạm', "Person's statement"),
      text('witnesses', 'Người chứng kiến', 'Witnesses'), ...signer(),
    ],
    example: { recordNo: '03/BB-VP', recordedAt: '2026-11-26T09:00:00+07:00', place: 'Trụ sở Công an xã Bến Đò', ...identityExample, violation: 'Không đăng ký cai nghiện tự nguyện hoặc điều trị methadone trong 05 ngày làm việc kể từ ngày có kết quả xác định nghiện', ...signerExample },
  },
];
