import { useI18n } from '../i18n/i18n-context';
import { TaskTableHead } from './task-table';

const ROWS = 8;
/** Per column of the register, the placeholder bars it shows ('' = full width). */
const CELLS: string[][] = [[''], [''], ['', 'small'], ['short'], ['short'], ['short'], ['button']];

/**
 * Placeholder rows while the register's first page loads: the real header and rows of the real
 * height, so nothing moves when the tasks arrive. Screen readers hear one "loading" status; the
 * placeholder table itself is hidden from them (it has no content).
 */
export function TaskTableSkeleton() {
  const { t } = useI18n();
  return (
    <div className="task-skeleton" aria-busy="true" data-testid="task-skeleton">
      <p role="status" className="visually-hidden">
        {t('tasks.loading')}
      </p>
      <div className="table-scroll" aria-hidden="true">
        <table className="register">
          <TaskTableHead />
          <tbody>
            {Array.from({ length: ROWS }, (_, row) => (
              <tr key={row}>
                {CELLS.map((bars, cell) => (
                  <td key={cell}>
                    {bars.map((size, bar) => <span key={bar} className={size ? `skeleton-bar ${size}` : 'skeleton-bar'} />)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
