/** UI strings; Vietnamese is the default, English the second language. */
export const messages = {
  vi: {
    'app.name': 'Quy Trình',
    'app.tagline': 'Nền tảng quy trình cai nghiện và quản lý sau cai',
    'nav.tasks': 'Công việc',
    'nav.cases': 'Hồ sơ đối tượng',
    'nav.reports': 'Báo cáo',
    'nav.designer': 'Thiết kế quy trình',
    'nav.admin': 'Quản trị',
    'lang.switch': 'English',
    'home.title': 'Chào mừng đến với Quy Trình',
    'home.body': 'Chọn một mục ở thanh điều hướng để bắt đầu.',
    'health.ok': 'Hệ thống hoạt động bình thường',
    'health.down': 'Không kết nối được máy chủ',
    'health.checking': 'Đang kiểm tra kết nối…',
    'notFound.title': 'Không tìm thấy trang',
    'notFound.back': 'Về trang chủ',
    'page.comingSoon': 'Trang này đang được xây dựng.',
  },
  en: {
    'app.name': 'Quy Trình',
    'app.tagline': 'Drug-rehabilitation and post-rehab procedure platform',
    'nav.tasks': 'Tasks',
    'nav.cases': 'Cases',
    'nav.reports': 'Reports',
    'nav.designer': 'Designer',
    'nav.admin': 'Administration',
    'lang.switch': 'Tiếng Việt',
    'home.title': 'Welcome to Quy Trình',
    'home.body': 'Pick a section in the navigation to start.',
    'health.ok': 'All systems normal',
    'health.down': 'Cannot reach the server',
    'health.checking': 'Checking the connection…',
    'notFound.title': 'Page not found',
    'notFound.back': 'Back to the start page',
    'page.comingSoon': 'This page is being built.',
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['vi'];
