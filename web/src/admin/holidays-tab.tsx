import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { formatDate } from '../format/format';
import { useAction, useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';

/** The business calendar's public holidays of a year: add, rename, remove (weekends are implicit). */
export function HolidaysTab() {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const list = useQuery((signal) => api<{ items: { date: string; name: string }[] }>('GET', '/api/calendar/holidays', { query: { year }, signal }), [year]);
  const save = useAction((d: string, n: string) => api('PUT', `/api/admin/holidays/${d}`, { body: { name: n } }));
  const remove = useAction((d: string) => api('DELETE', `/api/admin/holidays/${d}`));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await save.execute(date, name.trim());
    if (result.ok) {
      setDate('');
      setName('');
      list.reload();
    }
  }

  return (
    <div>
      <div className="filters">
        <label>
          {t('admin.year')}
          <input type="number" min={2020} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} />
        </label>
      </div>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('admin.holidayDate')}
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="grow">
          {t('admin.holidayName')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={save.busy} aria-busy={save.busy}>
          {t('admin.holidaySave')}
        </button>
      </form>
      <ErrorBanner error={save.error ?? remove.error ?? list.error} />
      {list.loading ? <Spinner /> : null}
      <div className="table-scroll">
        <table className="register">
          <caption className="visually-hidden">{t('admin.tab.holidays')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.holidayDate')}</th>
              <th scope="col">{t('admin.holidayName')}</th>
              <th scope="col">{t('tasks.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((h) => {
              const day = String(h.date).slice(0, 10);
              return (
                <tr key={day}>
                  <td>{formatDate(day)}</td>
                  <td>{h.name}</td>
                  <td>
                    <button type="button" disabled={remove.busy} onClick={() => void remove.execute(day).then((r) => r.ok && list.reload())} aria-label={`${t('admin.holidayRemove')} ${formatDate(day)}`}>
                      {t('admin.holidayRemove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
