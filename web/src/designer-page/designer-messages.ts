import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** The designer page's own strings (Vietnamese first, English second); `{name}` marks a parameter. */
const entries = {
  'mode.definitions': ['Quy trình của tỉnh', 'Procedures'],
  'mode.variants': ['Biến thể địa phương', 'Local variants'],
  'mode.migration': ['Chuyển hồ sơ sang phiên bản khác', 'Move cases to another version'],
  'mode.local': ['Làm việc với tệp (không kết nối máy chủ)', 'Working with files (not connected to the server)'],
  'picker.title': ['Mở quy trình đã triển khai', 'Open a deployed procedure'],
  'picker.procedure': ['Thủ tục', 'Procedure'],
  'picker.version': ['Phiên bản', 'Version'],
  'picker.choose': ['— Chọn —', '— Choose —'],
  'picker.open': ['Mở để chỉnh sửa', 'Open for editing'],
  'picker.empty': ['Chưa có quy trình nào được triển khai.', 'No procedure has been deployed yet.'],
  'picker.loadingXml': ['Đang tải mô hình…', 'Loading the model…'],
  'picker.newProcess': ['Hoặc tạo quy trình mới / mở tệp ở thanh công cụ bên dưới.', 'Or start a new process / open a file from the toolbar below.'],
  'version.label': ['v{version}', 'v{version}'],
  'version.of': ['{name} — phiên bản {version}', '{name} — version {version}'],
  'jurisdiction.global': ['toàn quốc', 'national'],
  'jurisdiction.code': ['địa bàn {code}', 'jurisdiction {code}'],
  'editing.title': ['Đang sửa: {name} (phiên bản {version}, {where})', 'Editing: {name} (version {version}, {where})'],
  'editing.new': ['Đang sửa: mô hình chưa triển khai', 'Editing: a model not yet deployed'],
  'unsaved.badge': ['Có thay đổi chưa triển khai', 'Unsaved changes'],
  'unsaved.confirm': ['Các thay đổi chưa triển khai sẽ bị mất. Tiếp tục?', 'Changes not yet deployed will be lost. Continue?'],
  'deploy.validate': ['Kiểm tra trên máy chủ', 'Check on the server'],
  'deploy.validating': ['Đang kiểm tra…', 'Checking…'],
  'deploy.valid': ['Máy chủ chấp nhận mô hình: có thể triển khai.', 'The server accepts the model: it can be deployed.'],
  'deploy.invalid': ['Máy chủ từ chối mô hình: {count} vấn đề (xem danh sách và các phần tử tô đỏ trên sơ đồ).', 'The server rejects the model: {count} problems (see the list and the elements marked red).'],
  'deploy.versionTag': ['Ghi chú phiên bản (không bắt buộc)', 'Version note (optional)'],
  'deploy.deploy': ['Triển khai phiên bản mới', 'Deploy a new version'],
  'deploy.confirm': ['Hồ sơ mới sẽ chạy theo phiên bản này; hồ sơ đang chạy giữ phiên bản cũ. Triển khai?', 'New cases will run this version; running cases keep theirs. Deploy?'],
  'deploy.deploying': ['Đang triển khai…', 'Deploying…'],
  'deploy.done': ['Đã triển khai {key} phiên bản {version}.', 'Deployed {key} version {version}.'],
  'deploy.unchanged': ['Mô hình không đổi: vẫn là phiên bản {version}.', 'The model did not change: still version {version}.'],
  'deploy.lintErrors': ['Còn {count} lỗi kiểm tra mô hình; máy chủ sẽ kiểm tra lại khi triển khai.', '{count} model check errors remain; the server checks again on deploy.'],
  'problem.server': ['Máy chủ', 'Server'],
  'problem.unknownForm': ['Không có biểu mẫu "{form}" trên máy chủ', 'No form "{form}" on the server'],
  'problem.unsupported': ['Bộ máy không chạy được phần tử {type}', 'The engine cannot run element {type}'],
  'problem.noProcess': ['Mô hình không có quy trình nào có bước', 'The model has no process with flow elements'],
  'problem.noElement': ['Phiên bản đích không có phần tử {element}', 'No element {element} in the target version'],
  'problem.notActive': ['Hồ sơ không còn đang chạy', 'The instance is not active'],
  'variants.title': ['Biến thể quy trình của địa phương', 'Local variants of procedures'],
  'variants.empty': ['Chưa có biến thể nào. Tạo biến thể để địa phương áp dụng thời hạn, đơn vị xử lý, biểu mẫu hay bước riêng.', 'No variants yet. Create one to give your area its own deadlines, handling units, forms or steps.'],
  'variants.col.procedure': ['Thủ tục', 'Procedure'],
  'variants.col.jurisdiction': ['Địa bàn', 'Jurisdiction'],
  'variants.col.version': ['Phiên bản', 'Version'],
  'variants.col.parent': ['Theo bản gốc', 'From parent'],
  'variants.col.status': ['Trạng thái', 'Status'],
  'variants.active': ['Đang áp dụng', 'Active'],
  'variants.inactive': ['Ngừng áp dụng', 'Inactive'],
  'variants.parentNewer': ['Bản gốc đã có phiên bản mới (v{version})', 'The parent has a newer version (v{version})'],
  'variants.edit': ['Sửa', 'Edit'],
  'variants.rebase': ['Cập nhật theo bản gốc mới', 'Rebase on the new parent'],
  'variants.deactivate': ['Ngừng áp dụng', 'Deactivate'],
  'variants.deactivateConfirm': ['Hồ sơ mới của địa bàn sẽ chạy theo quy trình cấp trên. Ngừng áp dụng?', 'New cases here will run the procedure of the level above. Deactivate?'],
  'variants.activate': ['Áp dụng lại', 'Activate'],
  'variants.create': ['Tạo biến thể mới', 'Create a variant'],
  'variants.createTitle': ['Tạo biến thể từ quy trình của tỉnh', 'Create a variant of a provincial procedure'],
  'variants.parent': ['Quy trình gốc (phiên bản mới nhất)', 'Parent procedure (latest version)'],
  'variants.jurisdiction': ['Áp dụng cho địa bàn (mã)', 'For jurisdiction (code)'],
  'variants.name': ['Tên biến thể', 'Variant name'],
  'variants.start': ['Bắt đầu chỉnh sửa', 'Start editing'],
  'variants.back': ['← Danh sách biến thể', '← Variant list'],
  'editor.newVariant': ['Biến thể mới của {name} (gốc v{version}) cho địa bàn {code}', 'New variant of {name} (parent v{version}) for {code}'],
  'editor.variant': ['Biến thể "{name}" — phiên bản {version}, gốc v{parent}', 'Variant "{name}" — version {version}, parent v{parent}'],
  'editor.compare': ['So sánh với bản gốc', 'Compare with the parent'],
  'editor.rebasing': ['Xem trước khi áp dụng biến thể lên bản gốc v{version}', 'Preview of the variant on parent v{version}'],
  'editor.rebased': ['Đã áp dụng lại lên bản gốc v{version}: kiểm tra rồi triển khai để lưu.', 'Re-applied on parent v{version}: check it, then deploy to keep it.'],
  'editor.deployVariant': ['Triển khai biến thể', 'Deploy the variant'],
  'editor.deployConfirm': ['Hồ sơ mới của địa bàn sẽ chạy theo biến thể này; hồ sơ đang chạy giữ phiên bản cũ. Triển khai?', 'New cases in this area will run this variant; running cases keep their version. Deploy?'],
  'editor.deployed': ['Đã triển khai biến thể phiên bản {version} (gốc v{parent}).', 'Deployed variant version {version} (parent v{parent}).'],
  'editor.noChanges': ['Biến thể chưa khác bản gốc.', 'The variant does not differ from the parent yet.'],
  'migration.title': ['Chuyển hồ sơ đang chạy sang phiên bản khác', 'Move running cases to another version'],
  'migration.hint': ['Chạy thử trước: không thay đổi gì, chỉ cho biết hồ sơ nào chuyển được.', 'Dry run first: it changes nothing and tells which cases can move.'],
  'migration.source': ['Từ phiên bản', 'From version'],
  'migration.target': ['Sang phiên bản', 'To version'],
  'migration.mapping': ['Đổi mã bước (mỗi dòng: mã cũ=mã mới, không bắt buộc)', 'Renamed steps (one per line: old id=new id, optional)'],
  'migration.dryRun': ['Chạy thử', 'Dry run'],
  'migration.apply': ['Chuyển {count} hồ sơ', 'Move {count} cases'],
  'migration.applyConfirm': ['Chuyển các hồ sơ chuyển được sang phiên bản đích? Không hoàn tác được.', 'Move the movable cases to the target version? This cannot be undone.'],
  'migration.none': ['Không có hồ sơ nào đang chạy ở phiên bản nguồn.', 'No running case is on the source version.'],
  'migration.col.case': ['Hồ sơ', 'Case'],
  'migration.col.result': ['Chuyển được?', 'Can move?'],
  'migration.col.problems': ['Vấn đề', 'Problems'],
  'migration.can': ['Được', 'Yes'],
  'migration.cannot': ['Không', 'No'],
  'migration.result': ['Đã chuyển {migrated} hồ sơ; {failed} hồ sơ không chuyển được.', 'Moved {migrated} cases; {failed} could not be moved.'],
  'migration.sameVersion': ['Chọn hai phiên bản khác nhau.', 'Choose two different versions.'],
  'migration.badMapping': ['Dòng "{line}" không đúng dạng mã cũ=mã mới.', 'Line "{line}" is not old id=new id.'],
} as const satisfies Record<string, readonly [string, string]>;

export type DesignerTextKey = keyof typeof entries;
export type DesignerText = (key: DesignerTextKey, params?: Record<string, string | number>) => string;

export function designerText(locale: 'vi' | 'en', key: DesignerTextKey, params?: Record<string, string | number>): string {
  const text: string = entries[key][locale === 'vi' ? 0 : 1];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `dt(key, params)` in the current UI language. */
export function useDesignerText(): DesignerText {
  const { locale } = useI18n();
  return useCallback((key, params) => designerText(locale, key, params), [locale]);
}
