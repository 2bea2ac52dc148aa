import type { Role, SeedUser } from '../types';

/** The one documented demo password for every demo login (change it before any real use). */
export const demoPassword = 'ThuNghiem@2026';

const domain = 'demo.quytrinh.example.vn';

function user(username: string, displayName: string, agencyCode: string | null, roles: Role[]): SeedUser {
  return { username, displayName, email: `${username}@${domain}`, agencyCode, roles };
}

/** 2025 communes xa1..xa3 and 2022 communes cu.xa1..cu.xa6 (old structure, for the 2022 ruleset). */
const communes2025 = ['99130', '99160', '99230'];
const communes2022 = ['99101', '99104', '99107', '99201', '99204', '99207'];

const communeUsers: SeedUser[] = [
  ...communes2025.flatMap((code, i) => [
    user(`ca.xa${i + 1}`, `Cán bộ Công an xã ${i + 1}`, `CA-${code}`, ['staff']),
    user(`ca.xa${i + 1}.truong`, `Trưởng Công an xã ${i + 1}`, `CA-${code}`, ['supervisor']),
    user(`ubnd.xa${i + 1}`, `Công chức UBND xã ${i + 1}`, `UBND-${code}`, ['staff']),
    user(`ubnd.xa${i + 1}.chutich`, `Chủ tịch UBND xã ${i + 1}`, `UBND-${code}`, ['supervisor', 'leader']),
  ]),
  ...communes2022.flatMap((code, i) => [
    user(`ca.cu.xa${i + 1}`, `Công an xã (cũ) ${i + 1}`, `CA-${code}`, ['staff']),
    user(`ubnd.cu.xa${i + 1}`, `UBND xã (cũ) ${i + 1}`, `UBND-${code}`, ['staff']),
  ]),
  user('ubnd.cu.xa1.chutich', 'Chủ tịch UBND xã (cũ) 1', 'UBND-99101', ['supervisor', 'leader']),
];

const otherUsers: SeedUser[] = [
  // 2022 district level
  user('ldtbxh.huyen1', 'Chuyên viên Phòng LĐTBXH huyện Sông Xanh', 'LDTBXH-991', ['staff']),
  user('ldtbxh.huyen1.truong', 'Trưởng phòng LĐTBXH huyện Sông Xanh', 'LDTBXH-991', ['supervisor']),
  user('ldtbxh.huyen2', 'Chuyên viên Phòng LĐTBXH huyện Núi Đá', 'LDTBXH-992', ['staff']),
  user('ca.huyen1', 'Cán bộ Công an huyện Sông Xanh (áp giải)', 'CA-991', ['staff']),
  user('ca.huyen2', 'Cán bộ Công an huyện Núi Đá (áp giải)', 'CA-992', ['staff']),
  user('toa.huyen1', 'Thẩm phán TAND huyện Sông Xanh', 'TAND-991', ['staff']),
  user('toa.huyen2', 'Thẩm phán TAND huyện Núi Đá', 'TAND-992', ['staff']),
  // 2025 regional courts
  user('toa.khuvuc1', 'Thư ký TAND khu vực 1', 'TAND-99-KV1', ['staff']),
  user('toa.khuvuc1.thamphan', 'Thẩm phán TAND khu vực 1', 'TAND-99-KV1', ['supervisor']),
  user('toa.khuvuc2', 'Thư ký TAND khu vực 2', 'TAND-99-KV2', ['staff']),
  user('toa.tinh', 'Thẩm phán TAND tỉnh (giải quyết khiếu nại)', 'TAND-99', ['staff']),
  // Provincial agencies
  user('ca.tinh', 'Cán bộ Phòng PC04 Công an tỉnh', 'CA-99-PC04', ['staff']),
  user('ca.tinh.truongphong', 'Trưởng phòng PC04 Công an tỉnh', 'CA-99-PC04', ['supervisor', 'leader']),
  user('yte.tinh', 'Bác sĩ Bệnh viện Tâm thần tỉnh', 'BVTT-99', ['staff']),
  user('yte.tinh.giamdoc', 'Giám đốc Bệnh viện Tâm thần tỉnh', 'BVTT-99', ['supervisor']),
  user('trungtam', 'Cán bộ Cơ sở cai nghiện ma túy tỉnh', 'CSCN-99', ['staff']),
  user('trungtam.giamdoc', 'Giám đốc Cơ sở cai nghiện ma túy tỉnh', 'CSCN-99', ['supervisor']),
  user('vks.tinh', 'Kiểm sát viên VKSND tỉnh', 'VKS-99', ['staff', 'auditor']),
  user('lanhdao.tinh', 'Phó Chủ tịch UBND tỉnh', 'UBND-99', ['leader']),
  user('admin.tinh', 'Quản trị hệ thống tỉnh', 'UBND-99', ['provincial_admin']),
  user('kiemtra.tinh', 'Cán bộ thanh tra – kiểm tra', 'UBND-99', ['auditor']),
  user('admin', 'Quản trị hệ thống', null, ['admin']),
  // Second province (authorization tests)
  user('ca.t98.xa1', 'Cán bộ Công an xã Đồng Cỏ (Tỉnh Đối chứng)', 'CA-98130', ['staff']),
  user('ca.t98.xa1.truong', 'Trưởng Công an xã Đồng Cỏ (Tỉnh Đối chứng)', 'CA-98130', ['supervisor']),
  user('ubnd.t98.xa1', 'Công chức UBND xã Đồng Cỏ (Tỉnh Đối chứng)', 'UBND-98130', ['staff']),
  user('yte.t98', 'Bác sĩ Bệnh viện Đa khoa Tỉnh Đối chứng', 'BVDK-98', ['staff']),
  user('admin.t98', 'Quản trị hệ thống Tỉnh Đối chứng', 'UBND-98', ['provincial_admin']),
  user('lanhdao.t98', 'Lãnh đạo UBND Tỉnh Đối chứng', 'UBND-98', ['leader']),
  // District/commune admins who adopt local variants of procedures in their subtree (issue 8, 2022 structure)
  user('admin.huyen1', 'Quản trị quy trình huyện Sông Xanh', 'LDTBXH-991', ['variant_admin']),
  user('admin.huyen2', 'Quản trị quy trình huyện Núi Đá', 'LDTBXH-992', ['variant_admin']),
  user('admin.xa.cu1', 'Quản trị quy trình Thị trấn Sông Xanh (cũ)', 'UBND-99101', ['variant_admin']),
];

export const users: SeedUser[] = [...communeUsers, ...otherUsers];
