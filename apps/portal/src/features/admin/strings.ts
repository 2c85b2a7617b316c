import type { Text } from '@pakn/domain';

/** Words every admin page uses. */
export const ADMIN = {
  backToAdmin: { vi: 'Quản trị hệ thống', en: 'Administration' },
  breadcrumb: { vi: 'Vị trí trang', en: 'Breadcrumb' },
  filter: { vi: 'Lọc danh sách', en: 'Filter the list' },
  filterHint: { vi: 'Gõ có dấu hoặc không dấu.', en: 'With or without Vietnamese marks.' },
  shown: { vi: 'Đang hiện {shown}/{total}.', en: 'Showing {shown} of {total}.' },
  noMatch: { vi: 'Không có mục nào khớp với từ khóa.', en: 'Nothing matches the filter.' },
  noUnit: { vi: '— Không thuộc đơn vị nào —', en: '— No unit —' },
  unitSearch: { vi: 'Tìm đơn vị', en: 'Find a unit' },
  unitSearchHint: {
    vi: 'Gõ vài chữ trong tên (có dấu hoặc không dấu) để rút gọn danh sách bên dưới.',
    en: 'Type part of the name (with or without marks) to narrow the list below.',
  },
  unitsFound: { vi: '{n} đơn vị khớp.', en: '{n} units match.' },
  slugHint: {
    vi: 'Chữ thường không dấu, số và dấu gạch ngang (2–64 ký tự). Không đổi được sau khi lưu.',
    en: 'Lower-case letters, digits and hyphens (2–64 characters). Cannot change once saved.',
  },
  slugFormat: {
    vi: 'Chỉ dùng chữ thường không dấu, số và dấu gạch ngang, từ 2 đến 64 ký tự.',
    en: 'Use lower-case letters, digits and hyphens only, 2 to 64 characters.',
  },
  idTaken: { vi: 'Mã này đã được dùng. Hãy chọn mã khác, hoặc sửa mục đã có.', en: 'This identifier is in use. Choose another, or edit the existing entry.' },
  unknownUnit: { vi: 'Đơn vị này không có trong danh sách.', en: 'This unit is not in the list.' },
  yes: { vi: 'Có', en: 'Yes' },
} as const satisfies Record<string, Text>;

export const LANDING = {
  heading: { vi: 'Quản trị hệ thống', en: 'Administration' },
  intro: {
    vi: 'Các danh mục và thiết lập dùng chung cho cả hệ thống. Mọi thay đổi đều được ghi vào nhật ký kiểm tra.',
    en: 'Lists and settings the whole system uses. Every change is recorded in the audit log.',
  },
} as const satisfies Record<string, Text>;

export const USERS = {
  heading: { vi: 'Tài khoản cán bộ', en: 'Staff accounts' },
  intro: {
    vi: 'Cán bộ xử lý và lãnh đạo đơn vị chỉ thấy phản ánh của đơn vị mình. Khóa tài khoản hoặc đặt mật khẩu mới sẽ kết thúc các phiên đăng nhập của tài khoản đó.',
    en: 'Unit handlers and unit heads see their own unit’s cases only. Deactivating an account or setting a new password ends its sessions.',
  },
  caption: { vi: 'Tài khoản cán bộ', en: 'Staff accounts' },
  add: { vi: 'Thêm tài khoản', en: 'Add an account' },
  newHeading: { vi: 'Thêm tài khoản', en: 'New account' },
  editHeading: { vi: 'Sửa tài khoản {username}', en: 'Edit account {username}' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  usernameHint: {
    vi: 'Chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang (3–60 ký tự), ví dụ xuly.hoankiem. Không đổi được sau khi lưu.',
    en: 'Lower-case letters, digits, dot, underscore, hyphen (3–60 characters), e.g. xuly.hoankiem. Cannot change once saved.',
  },
  usernameFormat: {
    vi: 'Chỉ dùng chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang; từ 3 đến 60 ký tự.',
    en: 'Use lower-case letters, digits, dot, underscore and hyphen only; 3 to 60 characters.',
  },
  displayName: { vi: 'Họ và tên', en: 'Full name' },
  role: { vi: 'Vai trò', en: 'Role' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  unitHintRequired: {
    vi: 'Bắt buộc với vai trò này: tài khoản chỉ thấy phản ánh của đơn vị này.',
    en: 'Required for this role: the account sees this unit’s cases only.',
  },
  unitHintOptional: { vi: 'Không bắt buộc với vai trò này.', en: 'Optional for this role.' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  emailHint: { vi: 'Để nhận thông báo (không bắt buộc).', en: 'For notifications (optional).' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  activeLabel: { vi: 'Tài khoản đang hoạt động (bỏ chọn để khóa)', en: 'The account is active (untick to deactivate)' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  passwordHintNew: {
    vi: 'Ít nhất {min} ký tự. Hãy trao mật khẩu cho cán bộ qua kênh an toàn.',
    en: 'At least {min} characters. Hand it to the person through a safe channel.',
  },
  passwordHintEdit: {
    vi: 'Để trống nếu giữ mật khẩu cũ. Nếu nhập: ít nhất {min} ký tự.',
    en: 'Leave empty to keep the current password. If set: at least {min} characters.',
  },
  inactive: { vi: 'Đã khóa', en: 'Deactivated' },
  lockedUntil: { vi: 'Tạm khóa đăng nhập đến {until}', en: 'Sign-in locked until {until}' },
  lockedWhy: {
    vi: 'Do đăng nhập sai nhiều lần. Khóa tự hết hạn; chỉ mở sớm khi đã xác minh đúng người.',
    en: 'After repeated failed sign-ins. The lock ends by itself; unlock early only once you know it is the right person.',
  },
  unlock: { vi: 'Mở khóa đăng nhập', en: 'Unlock sign-in' },
  unlocked: { vi: 'Đã mở khóa đăng nhập cho tài khoản {username}.', en: 'Sign-in unlocked for {username}.' },
  saved: { vi: 'Đã lưu tài khoản {username}.', en: 'Account {username} saved.' },
  empty: { vi: 'Chưa có tài khoản nào.', en: 'No accounts yet.' },
} as const satisfies Record<string, Text>;

export const UNITS = {
  heading: { vi: 'Đơn vị', en: 'Units' },
  intro: {
    vi: 'Các đơn vị mà phản ánh nói đến và được chuyển đến xử lý. Đơn vị đang bị thanh tra, kiểm tra được đánh dấu.',
    en: 'The units that cases are about and are forwarded to. Units under inspection are marked.',
  },
  caption: { vi: '{kind}: {n} đơn vị', en: '{kind}: {n} units' },
  add: { vi: 'Thêm đơn vị', en: 'Add a unit' },
  newHeading: { vi: 'Thêm đơn vị', en: 'New unit' },
  editHeading: { vi: 'Sửa đơn vị {name}', en: 'Edit {name}' },
  id: { vi: 'Mã đơn vị', en: 'Identifier' },
  kind: { vi: 'Loại đơn vị', en: 'Kind' },
  name: { vi: 'Tên đơn vị', en: 'Name' },
  parent: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  parentHint: { vi: 'Ví dụ: chi nhánh thuộc Trung tâm. Không bắt buộc.', en: 'E.g. a branch belongs to the Centre. Optional.' },
  parentSelf: { vi: 'Một đơn vị không thể là cấp trên của chính nó.', en: 'A unit cannot be its own parent.' },
  inspection: { vi: 'Thanh tra, kiểm tra', en: 'Inspection' },
  underInspection: { vi: 'Đang bị thanh tra, kiểm tra', en: 'Under inspection' },
  saved: { vi: 'Đã lưu đơn vị {name}.', en: 'Unit {name} saved.' },
  empty: { vi: 'Chưa có đơn vị nào.', en: 'No units yet.' },
} as const satisfies Record<string, Text>;

export const SITES = {
  heading: { vi: 'Trang web nhúng biểu mẫu', en: 'Sites embedding the widget' },
  intro: {
    vi: 'Biểu mẫu phản ánh chỉ nhận yêu cầu từ các địa chỉ đã đăng ký ở đây. Trang của đơn vị dán đoạn mã nhúng vào trang web; trang riêng /c/MÃ dùng cho mã QR và máy cũ.',
    en: 'The form accepts requests only from the origins registered here. A partner pastes the embed code into its pages; the hosted page /c/KEY serves QR codes and old browsers.',
  },
  add: { vi: 'Thêm trang web', en: 'Add a site' },
  newHeading: { vi: 'Thêm trang web', en: 'New site' },
  editHeading: { vi: 'Sửa trang web {name}', en: 'Edit {name}' },
  key: { vi: 'Mã trang', en: 'Site key' },
  name: { vi: 'Tên trang web', en: 'Name' },
  origins: { vi: 'Địa chỉ được phép nhúng', en: 'Allowed origins' },
  originsHint: {
    vi: 'Mỗi dòng một địa chỉ, dạng https://ten-mien (có thể kèm cổng), không có đường dẫn. Tối đa {max} địa chỉ.',
    en: 'One per line, as https://domain (a port is allowed), without a path. At most {max}.',
  },
  originNotUrl: {
    vi: 'Dòng {line}: “{value}” không phải địa chỉ trang web; hãy viết đủ, ví dụ https://{value}.',
    en: 'Line {line}: “{value}” is not a web address; write it in full, e.g. https://{value}.',
  },
  originNotWeb: { vi: 'Dòng {line}: “{value}” phải bắt đầu bằng https:// hoặc http://.', en: 'Line {line}: “{value}” must start with https:// or http://.' },
  originHasPath: {
    vi: 'Dòng {line}: “{value}” có đường dẫn hoặc tham số; chỉ ghi phần https://ten-mien.',
    en: 'Line {line}: “{value}” has a path or query; keep only the https://domain part.',
  },
  originTooMany: { vi: 'Tối đa {max} địa chỉ cho một trang.', en: 'At most {max} origins per site.' },
  defaultUnit: { vi: 'Đơn vị mặc định', en: 'Default unit' },
  defaultUnitHint: {
    vi: 'Được chọn sẵn trong biểu mẫu trên trang này (người dân vẫn đổi được).',
    en: 'Preselected in the form on this site (citizens can change it).',
  },
  none: { vi: 'Chưa có', en: 'None' },
  snippet: { vi: 'Đoạn mã nhúng', en: 'Embed code' },
  snippetHint: { vi: 'Dán một dòng này vào mọi trang cần nút “Phản ánh, kiến nghị”.', en: 'Paste this one line into every page that needs the button.' },
  copy: { vi: 'Chép đoạn mã', en: 'Copy the code' },
  copied: { vi: 'Đã chép đoạn mã nhúng của {name}.', en: 'Embed code for {name} copied.' },
  copyFailed: {
    vi: 'Trình duyệt không cho chép tự động: đoạn mã đã được chọn, hãy nhấn Ctrl+C.',
    en: 'The browser refused to copy: the code is selected, press Ctrl+C.',
  },
  hostedPage: { vi: 'Trang riêng', en: 'Hosted page' },
  saved: { vi: 'Đã lưu trang web {name}.', en: 'Site {name} saved.' },
  empty: { vi: 'Chưa có trang web nào được đăng ký.', en: 'No site is registered yet.' },
} as const satisfies Record<string, Text>;
