import { useState, type FormEvent } from 'react';
import { orgApi, type JurisdictionLevel, type ManagedJurisdiction } from '../api/endpoints';
import { ConfirmButton } from '../components/confirm-button';
import { formatDate } from '../format/format';
import { useAction } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { AdminListFrame, EditRow } from './admin-list-frame';
import { OrgCreateForm, useOrgTab } from './org-tab';

const LEVELS: JurisdictionLevel[] = ['province', 'district', 'commune'];
const editButtonId = (key: string) => `edit-jurisdiction-${key}`;
const EMPTY = { code: '', name: '', level: 'commune' as JurisdictionLevel, parentCode: '', structure: '2025' as '2022' | '2025', validFrom: '' };
/** Today as YYYY-MM-DD in the browser's time zone (the day a jurisdiction ends). */
const today = () => new Date().toLocaleDateString('sv-SE');

/**
 * Jurisdictions of the admin's area: add one under a parent (2022 or 2025 structure), rename, set
 * validity dates, end one today (with undo) and put it back in force. Search and pages on the server.
 */
export function JurisdictionsTab() {
  const { t, paged, form, setForm, editing, setEditing, notice, setNotice, created } = useOrgTab(orgApi.jurisdictions, EMPTY, editButtonId);
  const create = useAction(orgApi.createJurisdiction);
  const update = useAction(orgApi.updateJurisdiction);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { code: form.code.trim(), name: form.name.trim(), level: form.level, structure: form.structure, ...(form.parentCode.trim() ? { parentCode: form.parentCode.trim() } : {}), ...(form.validFrom ? { validFrom: form.validFrom } : {}) };
    const result = await create.execute(body);
    if (!result.ok) return;
    created(result.value.name);
  }

  async function change(j: ManagedJurisdiction, body: { name?: string; validFrom?: string | null; validTo?: string | null }, text: string, undo?: () => void) {
    const result = await update.execute(j.code, body);
    if (!result.ok) return false;
    setNotice({ text, undo });
    paged.list.reload();
    return true;
  }

  const end = (j: ManagedJurisdiction) => void change(j, { validTo: today() }, t('org.ended', { name: j.name }), () => void change(j, { validTo: j.valid_to }, t('org.saved', { name: j.name })));
  const restore = (j: ManagedJurisdiction) => void change(j, { validTo: null }, t('org.saved', { name: j.name }));

  return (
    <div>
      <OrgCreateForm label={t('org.jurisdictionCreate')} form={form} setForm={setForm} busy={create.busy} onSubmit={submit}>
        <label>
          {t('admin.col.level')}
          <select value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value as JurisdictionLevel })}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`org.level.${l}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('org.parent')}
          <input value={form.parentCode} maxLength={40} required={form.level !== 'province'} disabled={form.level === 'province'} onChange={(e) => setForm({ ...form, parentCode: e.target.value })} />
        </label>
        <label>
          {t('admin.col.structure')}
          <select value={form.structure} onChange={(e) => setForm({ ...form, structure: e.target.value as '2022' | '2025' })}>
            <option value="2025">2025</option>
            <option value="2022">2022</option>
          </select>
        </label>
        <label>
          {t('org.validFrom')}
          <input type="date" value={form.validFrom} onChange={(e) => setForm({ ...form, validFrom: e.target.value })} />
        </label>
      </OrgCreateForm>
      <AdminListFrame
        searchLabel={t('org.searchJurisdictions')}
        caption={t('admin.tab.jurisdictions')}
        headers={[t('admin.col.code'), t('admin.col.name'), t('admin.col.level'), t('org.parent'), t('org.validity'), t('org.agencies')]}
        paged={paged}
        emptyTitle={t('org.noJurisdictions')}
        notice={notice}
        error={create.error ?? update.error}
      >
        {(items) =>
          items.map((j) => {
            const ended = Boolean(j.valid_to && j.valid_to <= today());
            if (editing === j.code) {
              return (
                <JurisdictionEditRow
                  key={j.code}
                  jurisdiction={j}
                  busy={update.busy}
                  onCancel={() => setEditing(null)}
                  onSave={(body) => void change(j, body, t('org.saved', { name: body.name ?? j.name })).then((ok) => ok && setEditing(null))}
                />
              );
            }
            return (
              <tr key={j.code} className={ended ? 'muted' : undefined}>
                <td data-label={t('admin.col.code')}>{j.code}</td>
                <td data-label={t('admin.col.name')}>{j.name}</td>
                <td data-label={t('admin.col.level')}>
                  {t(`org.level.${j.level}` as MessageKey)} <span className="muted">({j.structure})</span>
                </td>
                <td data-label={t('org.parent')}>{j.parent_name ? `${j.parent_name} (${j.parent_code})` : '—'}</td>
                <td data-label={t('org.validity')}>
                  {j.valid_from ? `${formatDate(j.valid_from)} → ` : ''}
                  {j.valid_to ? (ended ? t('org.validEnded', { date: formatDate(j.valid_to) }) : formatDate(j.valid_to)) : t('org.validAlways')}
                </td>
                <td data-label={t('org.agencies')}>{j.agencies}</td>
                <td data-label={t('tasks.col.actions')}>
                  <button type="button" id={editButtonId(j.code)} onClick={() => setEditing(j.code)} aria-label={t('org.edit', { name: j.name })}>
                    {t('org.editShort')}
                  </button>{' '}
                  {ended ? (
                    <button type="button" disabled={update.busy} onClick={() => restore(j)} aria-label={t('org.restore', { name: j.name })}>
                      {t('org.restoreShort')}
                    </button>
                  ) : (
                    <ConfirmButton className="danger" label={t('org.end', { name: j.name })} question={t('org.endConfirm')} busy={update.busy} onConfirm={() => end(j)}>
                      {t('org.endShort')}
                    </ConfirmButton>
                  )}
                </td>
              </tr>
            );
          })
        }
      </AdminListFrame>
    </div>
  );
}

/** The row in edit mode: name and validity dates (only what changed is sent; an emptied date clears it). */
function JurisdictionEditRow({ jurisdiction: j, busy, onSave, onCancel }: { jurisdiction: ManagedJurisdiction; busy: boolean; onSave(body: { name?: string; validFrom?: string | null; validTo?: string | null }): void; onCancel(): void }) {
  const { t } = useI18n();
  const original = { name: j.name, validFrom: j.valid_from, validTo: j.valid_to };
  const [draft, setDraft] = useState({ name: j.name, validFrom: j.valid_from ?? '', validTo: j.valid_to ?? '' });
  return (
    <EditRow columns={7} code={j.code} draft={draft} original={original} setDraft={setDraft} busy={busy} onSave={(changes) => onSave({ ...changes, name: changes.name ?? undefined })} onCancel={onCancel}>
      <label>
        {t('org.validFrom')}
        <input type="date" value={draft.validFrom} onChange={(e) => setDraft({ ...draft, validFrom: e.target.value })} />
      </label>
      <label>
        {t('org.validTo')}
        <input type="date" value={draft.validTo} onChange={(e) => setDraft({ ...draft, validTo: e.target.value })} />
      </label>
    </EditRow>
  );
}
