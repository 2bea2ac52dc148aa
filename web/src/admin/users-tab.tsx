import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { useAction, useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  agency_name: string | null;
  roles: string[];
  disabled: boolean;
  locked_until: string | null;
}

const ROLES = ['staff', 'supervisor', 'leader', 'auditor', 'admin', 'provincial_admin'];

/** Users the admin manages: search, create in an agency with roles, disable/enable, lift a lockout. */
export function UsersTab() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [form, setForm] = useState({ username: '', displayName: '', agencyCode: '', password: '', roles: ['staff'] });
  const list = useQuery((signal) => api<{ items: UserRow[] }>('GET', '/api/admin/users', { query: { q, limit: 200 }, signal }), [q]);
  const create = useAction((body: typeof form) => api('POST', '/api/admin/users', { body: { ...body, agencyCode: body.agencyCode || undefined } }));
  const patch = useAction((id: string, body: Record<string, unknown>) => api('PATCH', `/api/admin/users/${id}`, { body }));
  const unlock = useAction((id: string) => api('POST', `/api/admin/users/${id}/unlock`));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create.execute(form);
    if (result.ok) {
      setForm({ username: '', displayName: '', agencyCode: '', password: '', roles: ['staff'] });
      list.reload();
    }
  }

  return (
    <div>
      <form className="filters" onSubmit={submit} aria-label={t('admin.userCreate')}>
        <label>
          {t('admin.col.username')}
          <input required value={form.username} pattern="[a-z0-9][a-z0-9._-]*" onChange={(e) => setForm({ ...form, username: e.target.value })} />
        </label>
        <label>
          {t('admin.col.name')}
          <input required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        </label>
        <label>
          {t('admin.agencyCode')}
          <input value={form.agencyCode} onChange={(e) => setForm({ ...form, agencyCode: e.target.value })} />
        </label>
        <label>
          {t('admin.col.roles')}
          <select multiple value={form.roles} onChange={(e) => setForm({ ...form, roles: [...e.target.selectedOptions].map((o) => o.value) })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.initialPassword')}
          <input type="password" autoComplete="new-password" required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        </label>
        <button type="submit" className="primary" disabled={create.busy} aria-busy={create.busy}>
          {t('admin.userCreate')}
        </button>
      </form>
      <div className="filters">
        <label className="grow">
          {t('common.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
      </div>
      <ErrorBanner error={create.error ?? patch.error ?? unlock.error ?? list.error} />
      {list.loading && !list.data ? <Spinner /> : null}
      <div className="table-scroll">
        <table className="register">
          <caption className="visually-hidden">{t('admin.tab.users')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.col.username')}</th>
              <th scope="col">{t('admin.col.name')}</th>
              <th scope="col">{t('admin.col.agency')}</th>
              <th scope="col">{t('admin.col.roles')}</th>
              <th scope="col">{t('tasks.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((u) => (
              <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
                <td data-label={t('admin.col.username')}>{u.username}</td>
                <td data-label={t('admin.col.name')}>{u.display_name}</td>
                <td data-label={t('admin.col.agency')}>{u.agency_name ?? '—'}</td>
                <td data-label={t('admin.col.roles')}>{u.roles.join(', ')}</td>
                <td data-label={t('tasks.col.actions')}>
                  <ConfirmButton
                    className={u.disabled ? undefined : 'danger'}
                    question={u.disabled ? undefined : t('admin.disableConfirm')}
                    busy={patch.busy}
                    onConfirm={() => void patch.execute(u.id, { disabled: !u.disabled }).then((r) => r.ok && list.reload())}
                  >
                    {u.disabled ? t('admin.enable') : t('admin.disable')}
                  </ConfirmButton>{' '}
                  {u.locked_until ? (
                    <button type="button" onClick={() => void unlock.execute(u.id).then((r) => r.ok && list.reload())}>
                      {t('admin.unlock')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
