import { useState, type Dispatch, type FormEvent, type ReactNode, type SetStateAction } from 'react';
import type { ListPage } from '../api/endpoints';
import { useI18n } from '../i18n/i18n-context';
import { useEditFocus, usePagedAdminList, type Notice } from './admin-list-frame';

/** The create form of an organisation unit (agency, jurisdiction): a code, a name and its own fields. */
export interface OrgCreateDraft {
  code: string;
  name: string;
}

/**
 * The state the agencies and jurisdictions tabs share: the paged list, the create form (emptied by
 * `created`), the row being edited (its Edit button gets the focus back when it closes) and the notice.
 */
export function useOrgTab<T, F extends OrgCreateDraft>(
  load: (query: { q?: string; limit: number; offset: number }, signal: AbortSignal) => Promise<ListPage<T>>,
  empty: F,
  editButtonId: (key: string) => string,
) {
  const { t } = useI18n();
  const paged = usePagedAdminList(load);
  const [form, setForm] = useState(empty);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  useEditFocus(editing, editButtonId);
  /** After a create: the form emptied, "added <name>" said, the list reloaded. */
  function created(name: string) {
    setForm(empty);
    setNotice({ text: t('org.created', { name }) });
    paged.list.reload();
  }
  return { t, paged, form, setForm, editing, setEditing, notice, setNotice, created };
}

/** The create form above the list: code and name, the unit's own fields (children), the submit button. */
export function OrgCreateForm<F extends OrgCreateDraft>({
  label,
  form,
  setForm,
  busy,
  onSubmit,
  children,
}: {
  /** the form's accessible name and the submit button's text */
  label: string;
  form: F;
  setForm: Dispatch<SetStateAction<F>>;
  busy: boolean;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form className="filters" onSubmit={onSubmit} aria-label={label}>
      <label>
        {t('admin.col.code')}
        <input required value={form.code} pattern="[A-Za-z0-9][A-Za-z0-9_.:\-]*" maxLength={40} onChange={(e) => setForm({ ...form, code: e.target.value })} />
      </label>
      <label className="grow">
        {t('admin.col.name')}
        <input required value={form.name} maxLength={200} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </label>
      {children}
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {label}
      </button>
    </form>
  );
}
