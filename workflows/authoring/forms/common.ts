import type { Field, Option } from '../form-dsl';
import { area, bool, cccd, choice, date, req, signature, text } from '../form-dsl';

export const sexOptions: Option[] = [['male', 'Nam', 'Male'], ['female', 'Nữ', 'Female']];
export const idTypeOptions: Option[] = [
  ['cccd', 'Căn cước công dân / Căn cước', 'Citizen ID card'],
  ['cmnd', 'Chứng minh nhân dân', 'Old ID card (CMND)'],
  ['passport', 'Hộ chiếu', 'Passport'],
  ['birth_certificate', 'Giấy khai sinh (người dưới 18 tuổi)', 'Birth certificate (under 18)'],
];
export const conclusionOptions: Option[] = [
  ['nghien', 'Có nghiện ma túy', 'Addicted'],
  ['khong_nghien', 'Không nghiện ma túy', 'Not addicted'],
];
export const drugClassOptions: Option[] = [
  ['opioid', 'Nhóm thuốc phiện (heroin, morphin…)', 'Opioids (heroin, morphine…)'],
  ['stimulant', 'Nhóm kích thích (ma túy tổng hợp ATS, cocain…)', 'Stimulants (ATS, cocaine…)'],
  ['cannabis', 'Cần sa', 'Cannabis'],
  ['other', 'Chất khác', 'Other'],
];
export const triggerOptions: Option[] = [
  ['NOT_REGISTERED', 'Không đăng ký cai nghiện', 'Did not register'],
  ['NOT_PERFORMED', 'Không thực hiện cai nghiện', 'Did not carry out rehab'],
  ['SELF_TERMINATED', 'Tự ý chấm dứt cai nghiện', 'Quit rehab'],
  ['USED_DURING_VOLUNTARY', 'Sử dụng ma túy trong thời gian cai nghiện tự nguyện', 'Used drugs during voluntary rehab'],
  ['METHADONE_BREACH', 'Vi phạm điều trị methadone', 'Methadone breach'],
  ['RELAPSE_POST_REHAB', 'Tái nghiện trong thời gian quản lý sau cai', 'Relapse during post-rehab management'],
];

/** Identity block (DOMAIN.md §2.6) in the order of the paper forms. */
export function identity(): Field[] {
  return [
    req(text('fullName', 'Họ và tên', 'Full name')),
    text('otherNames', 'Tên gọi khác', 'Other names'),
    req(date('dateOfBirth', 'Ngày, tháng, năm sinh', 'Date of birth')),
    req(choice('sex', 'Giới tính', 'Sex', sexOptions)),
    req(choice('idType', 'Loại giấy tờ tùy thân', 'ID type', idTypeOptions)),
    req(text('idNumber', 'Số giấy tờ', 'ID number')),
    text('permanentAddress', 'Nơi thường trú', 'Permanent residence'),
    text('temporaryAddress', 'Nơi tạm trú', 'Temporary residence'),
    text('currentAddress', 'Nơi ở hiện tại', 'Current address'),
  ];
}

export const identityExample = {
  fullName: 'Lê Minh Tuấn', otherNames: 'Tuấn Bến', dateOfBirth: '1989-11-23', sex: 'male', idType: 'cccd',
  idNumber: '099089047676', permanentAddress: 'Ấp Bến, xã Bến Đò, Tỉnh Thử nghiệm', currentAddress: 'Ấp Bến, xã Bến Đò, Tỉnh Thử nghiệm',
};

/** Signature block at the foot of official documents. */
export function signer(): Field[] {
  return [
    req(text('signerName', 'Người ký', 'Signed by')),
    text('signerPosition', 'Chức vụ', 'Position'),
    signature('signature', 'Chữ ký', 'Signature'),
  ];
}
export const signerExample = { signerName: 'Nguyễn Văn An', signerPosition: 'Trưởng Công an xã' };

export const note = (): Field => area('note', 'Ghi chú', 'Notes');
export const yes = (name: string, vi: string, en: string): Field => req(bool(name, vi, en));
export { cccd };
