import type { DemoSeed } from './demo-seed.types';

/**
 * Minimal demo identity data until workflows/ ships the full demo province (then this file
 * re-exports it).
 */
export const demoSeed: DemoSeed = {
  demoPassword: 'QuyTrinh@2026',
  jurisdictions: [
    { code: '99', name: 'Tỉnh Thử nghiệm', level: 'province', parentCode: null, structure: '2025' },
    { code: '99001', name: 'Xã Hòa Bình', level: 'commune', parentCode: '99', structure: '2025' },
  ],
  agencies: [{ code: 'CA-99001', name: 'Công an xã Hòa Bình', kind: 'police', jurisdictionCode: '99001' }],
  users: [
    { username: 'admin.tinh', displayName: 'Quản trị tỉnh', agencyCode: null, roles: ['provincial_admin'] },
    { username: 'ca.xa1', displayName: 'Nguyễn Văn An', agencyCode: 'CA-99001', roles: ['staff'] },
  ],
};
