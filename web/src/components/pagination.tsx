import { useI18n } from '../i18n/i18n-context';
import { formatCount, formatNumber } from '../format/format';

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** `total` is a lower bound (the server stopped counting): shown with "+", Next stays enabled */
  capped?: boolean;
  onPage(page: number): void;
}

export function Pagination({ page, pageSize, total, capped = false, onPage }: PaginationProps) {
  const { locale } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={locale === 'vi' ? 'Phân trang' : 'Pagination'}>
      <span>
        {formatNumber(from, locale)}–{formatNumber(to, locale)} / {formatCount(total, capped, locale)}
      </span>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {locale === 'vi' ? '‹ Trước' : '‹ Previous'}
      </button>
      <span aria-current="page">
        {page} / {formatNumber(pages, locale)}{capped ? '+' : ''}
      </span>
      <button type="button" disabled={!capped && page >= pages} onClick={() => onPage(page + 1)}>
        {locale === 'vi' ? 'Sau ›' : 'Next ›'}
      </button>
    </nav>
  );
}
