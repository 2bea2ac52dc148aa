import type { PersonStatus, SeedPerson } from '../types';

/**
 * ~30 demo persons at various stages. Identity numbers are fake but well-formed CCCD numbers:
 * 12 digits, the place-of-birth prefix 099 (no such province code exists), then the sex/century
 * digit (0/1 = male/female born 1900s, 2/3 = born 2000s) and the 2-digit birth year.
 */
const communeNames: Record<string, string> = {
  '99130': 'xã Sông Xanh, Tỉnh Thử nghiệm',
  '99160': 'xã Bến Đò, Tỉnh Thử nghiệm',
  '99230': 'xã Núi Đá, Tỉnh Thử nghiệm',
  '98130': 'xã Đồng Cỏ, Tỉnh Đối chứng',
};

type Step = [PersonStatus, string, string?];

function person(
  n: number, fullName: string, sex: 'male' | 'female', dateOfBirth: string, communeCode: string,
  village: string, stage: [string, string], steps: Step[], extra: Partial<SeedPerson> = {},
): SeedPerson {
  const year = Number(dateOfBirth.slice(0, 4));
  const sexDigit = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  const idNumber = `099${sexDigit}${dateOfBirth.slice(2, 4)}${String(100000 + n * 7919).slice(-6)}`;
  const statuses = steps.map(([status, from, note], i) => ({
    status, from, ...(steps[i + 1] ? { to: steps[i + 1][1] } : {}), ...(note ? { note } : {}),
  }));
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    fullName, otherNames: [], dateOfBirth, sex, idType: 'cccd', idNumber,
    provinceCode: communeCode.slice(0, 2), communeCode,
    permanentAddress: `${village}, ${communeNames[communeCode]}`,
    stableResidence: true,
    status: steps[steps.length - 1][0], statuses,
    stage: { procedure: stage[0], step: stage[1] },
    ...extra,
  };
}

export const persons: SeedPerson[] = [
  person(1, 'Nguyễn Văn Hùng', 'male', '1992-03-14', '99130', 'Thôn Đông', ['illegal-user-management', 'monthly-check'],
    [['illegal_user_managed', '2026-05-12']]),
  person(2, 'Trần Thị Mai', 'female', '1998-07-02', '99130', 'Thôn Tây', ['illegal-user-management', 'verify-residence'],
    [['illegal_user_managed', '2026-11-20']]),
  person(3, 'Lê Minh Tuấn', 'male', '1989-11-23', '99160', 'Ấp Bến', ['addiction-determination', 'examine'],
    [['illegal_user_managed', '2026-03-01'], ['illegal_user_managed', '2026-11-18', 'tái sử dụng trong thời hạn quản lý']],
    { otherNames: ['Tuấn "Bến"'] }),
  person(4, 'Phạm Quốc Bảo', 'male', '1995-01-30', '99160', 'Ấp Chợ', ['addiction-determination', 'extended-observation'],
    [['illegal_user_managed', '2026-11-19']], { stableResidence: false, permanentAddress: 'Không có nơi cư trú ổn định' }),
  person(5, 'Hoàng Văn Nam', 'male', '1987-06-09', '99230', 'Bản Na', ['addiction-determination', 'register-treatment'],
    [['illegal_user_managed', '2026-06-01'], ['addicted', '2026-11-21']]),
  person(6, 'Vũ Thị Hồng', 'female', '2001-09-17', '99230', 'Bản Mường', ['voluntary-registration', 'commune-decision'],
    [['addicted', '2026-11-17']]),
  person(7, 'Đặng Văn Lợi', 'male', '1990-12-05', '99130', 'Thôn Bắc', ['voluntary-registration', 'in-rehab'],
    [['addicted', '2026-08-03'], ['voluntary_rehab', '2026-08-12']]),
  person(8, 'Bùi Thanh Sơn', 'male', '1984-04-21', '99130', 'Thôn Nam', ['voluntary-registration', 'in-methadone'],
    [['addicted', '2025-10-01'], ['methadone', '2025-10-09']]),
  person(9, 'Đỗ Minh Khang', 'male', '1993-08-11', '99160', 'Ấp Mới', ['compulsory-dossier', 'prepare-documents'],
    [['addicted', '2026-10-28'], ['interim_management', '2026-11-12', 'quản lý tại gia đình']]),
  person(10, 'Ngô Văn Thắng', 'male', '1986-02-27', '99160', 'Ấp Giữa', ['compulsory-dossier', 'reading-period'],
    [['voluntary_rehab', '2026-06-10'], ['interim_management', '2026-11-05', 'quản lý tại cơ sở']]),
  person(11, 'Dương Văn Phúc', 'male', '1991-05-19', '99230', 'Bản Đá', ['compulsory-dossier', 'interim-handover'],
    [['addicted', '2026-10-20'], ['voluntary_rehab', '2026-10-29'], ['addicted', '2026-11-16', 'không thực hiện cai nghiện tự nguyện (Mẫu 27)']]),
  person(12, 'Lý Văn Tài', 'male', '1988-10-08', '99130', 'Thôn Trung', ['court-decision', 'accept'],
    [['methadone', '2025-12-01'], ['interim_management', '2026-11-10']]),
  person(13, 'Trịnh Công Danh', 'male', '1994-03-03', '99130', 'Thôn Đông', ['court-decision', 'session'],
    [['addicted', '2026-09-15'], ['interim_management', '2026-10-20']]),
  person(14, 'Mai Văn Quý', 'male', '1983-07-29', '99160', 'Ấp Bến', ['court-decision', 'complaint-window'],
    [['post_rehab', '2025-04-01'], ['interim_management', '2026-10-01', 'tái nghiện']]),
  person(15, 'Hồ Thị Lan', 'female', '1996-12-12', '99230', 'Bản Na', ['court-decision', 'postponement-request'],
    [['addicted', '2026-09-01'], ['interim_management', '2026-10-05']]),
  person(16, 'Châu Văn Đức', 'male', '1990-01-15', '99130', 'Thôn Tây', ['escort-admission', 'escort'],
    [['interim_management', '2026-09-25'], ['compulsory_rehab', '2026-11-22', 'quyết định của Tòa án']]),
  person(17, 'Tạ Minh Hiếu', 'male', '1992-09-09', '99160', 'Ấp Chợ', ['escort-admission', 'in-centre'],
    [['interim_management', '2026-02-01'], ['compulsory_rehab', '2026-03-10']]),
  person(18, 'Lâm Văn Trí', 'male', '1985-11-30', '99230', 'Bản Mường', ['escort-admission', 'pre-release-notice'],
    [['compulsory_rehab', '2024-12-20']]),
  person(19, 'Phan Văn Khải', 'male', '1997-04-04', '99160', 'Ấp Mới', ['escort-admission', 'absconded'],
    [['compulsory_rehab', '2026-11-01', 'bỏ trốn trước khi tiếp nhận']]),
  person(20, 'Kiều Văn Bình', 'male', '1982-06-16', '99130', 'Thôn Bắc', ['post-rehab-supervision', 'open-file'],
    [['compulsory_rehab', '2024-11-20'], ['post_rehab', '2026-11-21']]),
  person(21, 'Quách Thị Ngọc', 'female', '1994-02-08', '99130', 'Thôn Nam', ['post-rehab-supervision', 'periodic-test'],
    [['voluntary_rehab', '2025-09-01'], ['post_rehab', '2026-06-01']]),
  person(22, 'Tô Văn Lực', 'male', '1989-08-25', '99160', 'Ấp Giữa', ['post-rehab-supervision', 'moved'],
    [['compulsory_rehab', '2024-05-01'], ['post_rehab', '2025-11-01']]),
  person(23, 'Vương Đình Chiến', 'male', '1987-12-31', '99230', 'Bản Đá', ['post-rehab-supervision', 'relapse-determination'],
    [['methadone', '2024-03-01'], ['post_rehab', '2026-01-15']]),
  person(24, 'Nông Văn Sáng', 'male', '1986-05-05', '99230', 'Bản Na', ['post-rehab-supervision', 'completed'],
    [['voluntary_rehab', '2024-06-01'], ['post_rehab', '2025-01-10'], ['closed', '2026-01-10', 'Mẫu 54']]),
  person(25, 'Đinh Thị Thu', 'female', '1999-10-20', '99130', 'Thôn Trung', ['illegal-user-management', 'ended'],
    [['illegal_user_managed', '2025-10-01'], ['closed', '2026-10-01', 'hết thời hạn quản lý (Mẫu 10)']]),
  person(26, 'Lưu Văn Toàn', 'male', '2008-03-18', '99160', 'Ấp Bến', ['addiction-determination', 'request'],
    [['illegal_user_managed', '2026-07-01']], { idType: 'cccd' }),
  person(27, 'Cao Văn Thành', 'male', '1991-01-01', '99130', 'Thôn Đông', ['compulsory-dossier', 'open'],
    [['addicted', '2026-11-10', 'không đăng ký cai nghiện (Mẫu 27)']]),
  person(28, 'Huỳnh Thị Diễm', 'female', '1993-06-06', '99160', 'Ấp Chợ', ['voluntary-registration', 'violation'],
    [['addicted', '2026-10-01'], ['voluntary_rehab', '2026-10-08'], ['addicted', '2026-11-19', 'tự ý chấm dứt']]),
  person(29, 'Thái Văn Long', 'male', '1980-09-14', '98130', 'Thôn Một', ['illegal-user-management', 'monthly-check'],
    [['illegal_user_managed', '2026-08-20']]),
  person(30, 'La Thị Hạnh', 'female', '1995-03-27', '98130', 'Thôn Hai', ['addiction-determination', 'examine'],
    [['illegal_user_managed', '2026-11-22']]),
];
