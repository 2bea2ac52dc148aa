import { englishStringTranslator, replaceStringParameters, TranslatableString } from '@rjsf/utils';
import type { Locale } from '../form.types';

/** Vietnamese text of RJSF's own labels (buttons, error list title, yes/no …). */
const VI: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: 'Mục',
  [TranslatableString.MissingItems]: 'Thiếu định nghĩa các mục',
  [TranslatableString.EmptyArray]: 'Chưa có mục nào. Bấm nút bên dưới để thêm.',
  [TranslatableString.YesLabel]: 'Có',
  [TranslatableString.NoLabel]: 'Không',
  [TranslatableString.CloseLabel]: 'Đóng',
  [TranslatableString.ErrorsLabel]: 'Lỗi cần sửa',
  [TranslatableString.NewStringDefault]: 'Giá trị mới',
  [TranslatableString.AddButton]: 'Thêm',
  [TranslatableString.AddItemButton]: 'Thêm dòng',
  [TranslatableString.CopyButton]: 'Sao chép',
  [TranslatableString.ExpandButton]: 'Mở rộng',
  [TranslatableString.MoveDownButton]: 'Chuyển xuống',
  [TranslatableString.MoveUpButton]: 'Chuyển lên',
  [TranslatableString.RemoveButton]: 'Xóa',
  [TranslatableString.NowLabel]: 'Bây giờ',
  [TranslatableString.ClearLabel]: 'Xóa',
  [TranslatableString.AriaDateLabel]: 'Chọn ngày',
  [TranslatableString.PreviewLabel]: 'Xem trước',
  [TranslatableString.DecrementAriaLabel]: 'Giảm 1',
  [TranslatableString.IncrementAriaLabel]: 'Tăng 1',
  [TranslatableString.OptionalObjectAdd]: 'Thêm thông tin cho mục không bắt buộc',
  [TranslatableString.OptionalObjectRemove]: 'Bỏ thông tin của mục không bắt buộc',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Chưa có thông tin',
  [TranslatableString.Type]: 'Loại',
  [TranslatableString.Value]: 'Giá trị',
  [TranslatableString.ClearButton]: 'xóa nội dung',
  [TranslatableString.UnknownFieldType]: 'Không rõ loại trường %1',
  [TranslatableString.OptionPrefix]: 'Lựa chọn %1',
  [TranslatableString.TitleOptionPrefix]: '%1 lựa chọn %2',
  [TranslatableString.KeyLabel]: 'Khóa %1',
  [TranslatableString.DeprecatedLabel]: '%1 (không còn dùng)',
  [TranslatableString.UnsupportedField]: 'Trường không được hỗ trợ.',
  [TranslatableString.FilesInfo]: '**%1** (%2, %3 byte)',
};

/** RJSF `translateString` for the locale (English is RJSF's own). */
export function rjsfStringTranslator(locale: Locale): (key: TranslatableString, params?: string[]) => string {
  if (locale === 'en') return englishStringTranslator;
  return (key, params) => {
    const text = VI[key];
    return text === undefined ? englishStringTranslator(key, params) : replaceStringParameters(text, params);
  };
}
