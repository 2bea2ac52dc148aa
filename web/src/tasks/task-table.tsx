import { Link } from 'react-router-dom';
import type { TaskItem } from '../api/endpoints';
import { procedureName } from '../cases/procedures';
import { formatDate } from '../format/format';
import { useI18n } from '../i18n/i18n-context';
import { DeadlineBadge } from './deadline-badge';

export interface TaskTableProps {
  items: TaskItem[];
  selectedId?: string;
  userId: string;
  /** Search string of the list (kept on the links so the queue keeps its place). */
  search: string;
  busyId?: string | null;
  onClaim(task: TaskItem): void;
  onUnclaim(task: TaskItem): void;
}

/** The register (sổ theo dõi hồ sơ): one row per task, the row's step name opens it beside the list. */
export function TaskTable({ items, selectedId, userId, search, busyId, onClaim, onUnclaim }: TaskTableProps) {
  const { t, locale } = useI18n();
  return (
    <div className="table-scroll">
      <table className="register task-table">
        <caption className="visually-hidden">{t('tasks.title')}</caption>
        <TaskTableHead />
        <tbody>
          {items.map((task) => {
            const mine = task.assignee === userId;
            return (
              <tr key={task.id} className={task.id === selectedId ? 'selected' : undefined} aria-current={task.id === selectedId ? 'true' : undefined} data-testid={`task-row-${task.id}`}>
                <td data-label={t('tasks.col.code')}>{task.case_code ?? task.business_key ?? '—'}</td>
                <td data-label={t('tasks.col.person')}>{task.person_name ?? '—'}</td>
                <td data-label={t('tasks.col.step')}>
                  <Link to={`/tasks/${task.id}${search}`} className="task-open">
                    {task.name ?? task.element_id}
                  </Link>
                  <div className="muted small">{task.procedure_name ?? procedureName(task.definition_key, locale)}</div>
                </td>
                <td data-label={t('tasks.col.received')}>{formatDate(task.created_at)}</td>
                <td data-label={t('tasks.col.due')}>
                  <DeadlineBadge due={task.due_at} daysLeft={task.working_days_left} />
                </td>
                <td data-label={t('tasks.col.assignee')}>{mine ? t('tasks.me') : task.assignee ? (task.assignee_name ?? '✓') : <span className="muted">{t('tasks.unassigned')}</span>}</td>
                <td data-label={t('tasks.col.actions')}>
                  {!task.assignee && task.state === 'created' ? (
                    <button type="button" disabled={busyId === task.id} aria-busy={busyId === task.id} onClick={() => onClaim(task)} aria-label={`${t('tasks.claim')}: ${task.name ?? task.element_id}`}>
                      {t('tasks.claim')}
                    </button>
                  ) : null}
                  {mine && task.state === 'created' ? (
                    <button type="button" disabled={busyId === task.id} aria-busy={busyId === task.id} onClick={() => onUnclaim(task)} aria-label={`${t('tasks.unclaim')}: ${task.name ?? task.element_id}`}>
                      {t('tasks.unclaim')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The register's column headers: shared by the table and its loading skeleton (same widths, no jump). */
export function TaskTableHead() {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        <th scope="col">{t('tasks.col.code')}</th>
        <th scope="col">{t('tasks.col.person')}</th>
        <th scope="col">{t('tasks.col.step')}</th>
        <th scope="col">{t('tasks.col.received')}</th>
        <th scope="col">{t('tasks.col.due')}</th>
        <th scope="col">{t('tasks.col.assignee')}</th>
        <th scope="col">{t('tasks.col.actions')}</th>
      </tr>
    </thead>
  );
}
