import { deadlineTone, formatDate } from '../format/format';
import { useI18n } from '../i18n/i18n-context';
import { workingDaysLeft } from './working-days';

/** Legal due date + working days left, green / amber (≤ 1 day) / red (overdue), with text, not colour alone. */
export function DeadlineBadge({ due, daysLeft }: { due: string | null; daysLeft?: number | null }) {
  const { t } = useI18n();
  if (!due) return <span className="deadline deadline-none">{t('deadline.none')}</span>;
  const left = daysLeft ?? workingDaysLeft(due);
  const tone = deadlineTone(left);
  const text = left === null ? '' : left < 0 ? t('deadline.overdue', { n: -left }) : left === 0 ? t('deadline.today') : t('deadline.left', { n: left });
  return (
    <span className={`deadline deadline-${tone}`} data-tone={tone}>
      <span className="deadline-date">{formatDate(due)}</span>
      <span className="deadline-left">{text}</span>
    </span>
  );
}
