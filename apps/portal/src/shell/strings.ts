import type { Text } from '@pakn/domain';

export const STRINGS = {
  product: { vi: 'PAKN – Cổng cán bộ', en: 'PAKN – Staff portal' },
  productLong: {
    vi: 'Phản ánh, kiến nghị về thủ tục hành chính',
    en: 'Complaints and recommendations on administrative procedures',
  },
  skipToContent: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  mainNav: { vi: 'Điều hướng chính', en: 'Main navigation' },
  shortcuts: { vi: 'Phím tắt', en: 'Shortcuts' },
  signedInAs: { vi: 'Đang đăng nhập', en: 'Signed in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },

  signInIntro: {
    vi: 'Dành cho cán bộ Trung tâm Phục vụ hành chính công và các đơn vị xử lý.',
    en: 'For staff of the Public Administration Service Centre and the handling units.',
  },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signingIn: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  sessionExpired: {
    vi: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has ended. Please sign in again.',
  },

  checking: { vi: 'Đang kiểm tra phiên làm việc…', en: 'Checking your session…' },
  loadingFeature: { vi: 'Đang tải chức năng…', en: 'Loading…' },
  featureFailed: {
    vi: 'Không tải được chức năng này. Có thể cổng vừa được cập nhật: vui lòng tải lại trang.',
    en: 'This part of the portal could not be loaded. The portal may have just been updated: please reload the page.',
  },
  reloadPage: { vi: 'Tải lại trang', en: 'Reload the page' },
  notFoundHeading: { vi: 'Không tìm thấy trang', en: 'Page not found' },
  notFoundBody: { vi: 'Địa chỉ này không có trong cổng cán bộ.', en: 'There is no such page in the staff portal.' },

  forbiddenHeading: { vi: 'Không có quyền truy cập', en: 'Not allowed' },
  forbiddenBody: {
    vi: 'Trang này dành cho cán bộ có nhiệm vụ khác. Nếu cần, hãy liên hệ quản trị hệ thống.',
    en: 'This page is for staff with other duties. Ask the administrator if you need it.',
  },

  liveUpdate: { vi: 'Có cập nhật mới', en: 'New update' },
  dismiss: { vi: 'Ẩn', en: 'Hide' },

  shortcutsHeading: { vi: 'Phím tắt', en: 'Keyboard shortcuts' },
  shortcutsIntro: {
    vi: 'Phím tắt không có tác dụng khi đang nhập liệu trong một ô.',
    en: 'Shortcuts do nothing while you type in a field.',
  },
  then: { vi: 'rồi', en: 'then' },
  close: { vi: 'Đóng', en: 'Close' },
} as const satisfies Record<string, Text>;
