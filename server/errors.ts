/**
 * The one table from error code to HTTP status and bilingual message. Every module throws errors
 * with a stable `code`; the error handler looks it up here. Unknown errors become 500 INTERNAL
 * without internals.
 */
export interface ErrorEntry {
  status: number;
  vi: string;
  en: string;
}

export const errorTable = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.' },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is malformed.' },
  UNAUTHENTICATED: { status: 401, vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  LOGIN_FAILED: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  SESSION_EXPIRED: { status: 401, vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.', en: 'Your session has expired; please sign in again.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  CSRF_INVALID: { status: 403, vi: 'Mã chống giả mạo yêu cầu (CSRF) không hợp lệ.', en: 'The CSRF token is missing or invalid.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có địa chỉ này.', en: 'No such route.' },
  TASK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy công việc.', en: 'Task not found.' },
  INSTANCE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ quy trình.', en: 'Process instance not found.' },
  DEFINITION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy quy trình.', en: 'Process definition not found.' },
  FORM_NOT_FOUND: { status: 404, vi: 'Không tìm thấy biểu mẫu.', en: 'Form not found.' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã bị thay đổi bởi thao tác khác.', en: 'The data was changed by another action.' },
  IDEMPOTENCY_KEY_IN_USE: { status: 409, vi: 'Yêu cầu cùng khóa Idempotency-Key đang được xử lý; vui lòng thử lại sau giây lát.', en: 'A request with this Idempotency-Key is being processed; retry in a moment.' },
  TASK_ALREADY_COMPLETED: { status: 409, vi: 'Công việc này đã được hoàn thành.', en: 'This task has already been completed.' },
  TASK_ALREADY_CLAIMED: { status: 409, vi: 'Công việc đã được người khác nhận.', en: 'This task has been claimed by someone else.' },
  TASK_NOT_ASSIGNABLE: { status: 409, vi: 'Không thể giao công việc này.', en: 'This task cannot be assigned.' },
  INSTANCE_NOT_ACTIVE: { status: 409, vi: 'Hồ sơ quy trình không còn hoạt động.', en: 'The process instance is no longer active.' },
  BODY_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  ATTACHMENT_TOO_LARGE: { status: 413, vi: 'Tệp đính kèm quá lớn.', en: 'The attachment is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Định dạng dữ liệu không được hỗ trợ.', en: 'Unsupported media type.' },
  ATTACHMENT_TYPE_REFUSED: { status: 415, vi: 'Loại tệp không được chấp nhận.', en: 'This file type is not accepted.' },
  JOB_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tác vụ nền.', en: 'Job not found.' },
  JOB_NOT_LOCKED: { status: 409, vi: 'Tác vụ nền không còn được khóa bởi bộ xử lý này.', en: 'The job is not locked by this worker.' },
  INCIDENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy sự cố.', en: 'Incident not found.' },
  MESSAGE_NOT_CORRELATED: { status: 404, vi: 'Không có hồ sơ nào chờ thông điệp này.', en: 'No process is waiting for this message.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, vi: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.', en: 'This Idempotency-Key was already used for a different request.' },
  ELEMENT_NOT_FOUND: { status: 422, vi: 'Không tìm thấy bước trong quy trình.', en: 'No such element in the process.' },
  MIGRATION_INVALID: { status: 422, vi: 'Không thể chuyển hồ sơ sang phiên bản quy trình này.', en: 'The instance cannot be migrated to this version.' },
  EXPRESSION_FAILED: { status: 422, vi: 'Biểu thức trong quy trình không tính được.', en: 'A process expression failed.' },
  FORM_DEFINITION_INVALID: { status: 422, vi: 'Định nghĩa biểu mẫu không hợp lệ.', en: 'The form definition is invalid.' },
  FORM_VERSION_CONFLICT: { status: 409, vi: 'Phiên bản biểu mẫu đã tồn tại với nội dung khác.', en: 'This form version already exists with other content.' },
  DRAFT_MIGRATION_MISSING: { status: 409, vi: 'Bản nháp không chuyển được sang phiên bản biểu mẫu mới.', en: 'The draft cannot be moved to the new form version.' },
  FORM_COMPUTED_INVALID: { status: 422, vi: 'Trường tính toán của biểu mẫu bị lỗi.', en: 'A computed form field failed.' },
  INSTANCE_SCOPE_REQUIRED: { status: 422, vi: 'Cần xác định địa bàn (xã/phường) hoặc đối tượng để khởi tạo hồ sơ.', en: 'A commune, person or case is needed to start a process.' },
  DEPLOY_INVALID: { status: 422, vi: 'Quy trình không hợp lệ, không thể triển khai.', en: 'The process is invalid and cannot be deployed.' },
  FORM_INVALID: { status: 422, vi: 'Biểu mẫu có trường chưa hợp lệ.', en: 'Some form fields are invalid.' },
  ACCOUNT_LOCKED: { status: 423, vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần.', en: 'The account is temporarily locked after repeated failed sign-ins.' },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests; please try again later.' },
  TOTP_REQUIRED: { status: 401, vi: 'Cần nhập mã xác thực hai lớp (TOTP).', en: 'A two-factor (TOTP) code is required.' },
  TOTP_INVALID: { status: 401, vi: 'Mã xác thực hai lớp không đúng.', en: 'The two-factor code is wrong.' },
  PASSWORD_WRONG: { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  PASSWORD_TOO_WEAK: { status: 422, vi: 'Mật khẩu mới phải có ít nhất 10 ký tự, gồm chữ và số.', en: 'The new password needs at least 10 characters with letters and digits.' },
  ROLE_NOT_GRANTABLE: { status: 403, vi: 'Bạn không được cấp vai trò này.', en: 'You may not grant this role.' },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  AGENCY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' },
  JURISDICTION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đơn vị hành chính.', en: 'Jurisdiction not found.' },
  VARIANT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phương án quy trình của địa phương.', en: 'Process variant not found.' },
  VARIANT_EXISTS: { status: 409, vi: 'Địa bàn này đã có phương án cho quy trình này.', en: 'This jurisdiction already has a variant of this process.' },
  VARIANT_KEY_MISMATCH: { status: 422, vi: 'Mã quy trình (process id) trong tệp BPMN phải trùng với quy trình gốc.', en: 'The BPMN process id must equal the parent process key.' },
  VARIANT_PARENT_INVALID: { status: 422, vi: 'Quy trình gốc không hợp lệ: khác mã quy trình hoặc không thuộc cấp trên của địa bàn.', en: 'Invalid parent: another process key, or not above this jurisdiction.' },
  PERSON_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đối tượng.', en: 'Person not found.' },
  CASE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'Case not found.' },
  ATTACHMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' },
  MAIL_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thư.', en: 'Mail message not found.' },
  DUPLICATE: { status: 409, vi: 'Mã hoặc tên đã tồn tại.', en: 'This code or name already exists.' },
  COURT_AREA_INVALID: { status: 422, vi: 'Khu vực tòa án không tồn tại trong tỉnh của đơn vị hành chính này.', en: 'This court area does not exist in the jurisdiction\'s province.' },
  VALIDITY_INVALID: { status: 422, vi: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.', en: 'The end of validity must come after its start.' },
  JURISDICTION_INVALID: { status: 422, vi: 'Đơn vị hành chính cha hoặc cấp không hợp lệ.', en: 'The parent or level of the jurisdiction is invalid.' },
  INDICATOR_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chỉ tiêu.', en: 'Indicator not found.' },
  INDICATOR_INVALID: { status: 422, vi: 'Định nghĩa chỉ tiêu không hợp lệ.', en: 'The indicator definition is invalid.' },
  REPORT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy báo cáo.', en: 'Report not found.' },
  REPORT_NOT_READY: { status: 409, vi: 'Báo cáo đang được lập, vui lòng chờ.', en: 'The report is still being generated.' },
  IMPORT_INVALID: { status: 422, vi: 'Tệp nhập có dòng không hợp lệ, không dòng nào được nhập.', en: 'The import file has invalid rows; nothing was imported.' },
  IMPORT_FORMAT_UNSUPPORTED: { status: 415, vi: 'Định dạng tệp nhập không được hỗ trợ (CSV, XLSX, JSON).', en: 'Unsupported import format (CSV, XLSX, JSON).' },
  WEBHOOK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy webhook.', en: 'Webhook not found.' },
  ENGINE_UNAVAILABLE: { status: 503, vi: 'Bộ máy quy trình chưa sẵn sàng.', en: 'The workflow engine is not available.' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống, vui lòng thử lại sau.', en: 'Internal error; please try again later.' },
  DATABASE_UNAVAILABLE: { status: 503, vi: 'Cơ sở dữ liệu tạm thời không truy cập được.', en: 'The database is temporarily unavailable.' },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorTable;

/** An error the server raises on purpose; `details` is safe to show to the caller. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? errorTable[code].en);
    this.name = 'AppError';
  }
}

export function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(errorTable, code);
}

export interface ErrorBody {
  error: { code: string; message: { vi: string; en: string }; details?: unknown };
}

export function errorBody(code: ErrorCode, details?: unknown): ErrorBody {
  const entry = errorTable[code];
  return { error: { code, message: { vi: entry.vi, en: entry.en }, ...(details === undefined ? {} : { details }) } };
}

/** JSON schema of every error response (`$ref: 'errorBody#'` in route schemas). */
export const errorBodySchema = {
  $id: 'errorBody',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } }, required: ['vi', 'en'] },
        details: {},
      },
    },
  },
} as const;
