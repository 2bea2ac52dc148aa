import { useState, type FormEvent } from 'react';
import { AGENCY_KINDS, orgApi, type AgencyKind, type ManagedAgency } from '../api/endpoints';
import { ConfirmButton } from '../components/confirm-button';
import { useAction } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { AdminListFrame, EditRow } from './admin-list-frame';
import { OrgCreateForm, useOrgTab } from './org-tab';

const editButtonId = (key: string) => `edit-agency-${key}`;
const EMPTY = { code: '', name: '', kind: 'police' as AgencyKind, jurisdictionCode: '' };

/**
 * Agencies of the admin's area: add, rename, change kind, move to another jurisdiction (its accounts
 * move with it), deactivate (every account disabled, with undo) and reactivate. Search and pages on the server.
 */
export function AgenciesTab() {
  const { t, paged, form, setForm, editing, setEditing, notice, setNotice, created } = useOrgTab(orgApi.agencies, EMPTY, editButtonId);
  const create = useAction(orgApi.createAgency);
  const update = useAction(orgApi.updateAgency);
  const deactivate = useAction(orgApi.deactivateAgency);
  const reactivate = useAction(orgApi.reactivateAgency);
  const kindLabel = (kind: string) => t(`org.kind.${kind}` as MessageKey);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create.execute({ ...form, code: form.code.trim(), name: form.name.trim(), jurisdictionCode: form.jurisdictionCode.trim() });
    if (!result.ok) return;
    created(result.value.name);
  }

  async function turnOff(agency: ManagedAgency) {
    const result = await deactivate.execute(agency.id);
    if (!result.ok) return;
    const ids = result.value.disabledUserIds;
    setNotice({ text: t('org.deactivated', { name: agency.name, n: ids.length }), undo: () => void turnOn(agency, ids) });
    paged.list.reload();
  }

  /** Enables the agency's accounts: those a deactivation disabled (undo), or all of them. */
  async function turnOn(agency: ManagedAgency, ids?: string[]) {
    const result = await reactivate.execute(agency.id, ids);
    if (!result.ok) return;
    setNotice({ text: t('org.reactivated', { name: agency.name, n: result.value.enabledUserIds.length }) });
    paged.list.reload();
  }

  return (
    <div>
      <OrgCreateForm label={t('org.agencyCreate')} form={form} setForm={setForm} busy={create.busy} onSubmit={submit}>
        <KindSelect value={form.kind} onChange={(kind) => setForm({ ...form, kind })} />
        <label>
          {t('admin.col.jurisdiction')}
          <input required value={form.jurisdictionCode} maxLength={40} onChange={(e) => setForm({ ...form, jurisdictionCode: e.target.value })} />
        </label>
      </OrgCreateForm>
      <AdminListFrame
        searchLabel={t('org.searchAgencies')}
        caption={t('admin.tab.agencies')}
        headers={[t('admin.col.code'), t('admin.col.name'), t('admin.col.kind'), t('admin.col.jurisdiction'), t('org.accounts')]}
        paged={paged}
        emptyTitle={t('org.noAgencies')}
        notice={notice}
        error={create.error ?? update.error ?? deactivate.error ?? reactivate.error}
      >
        {(items) =>
          items.map((a) =>
            editing === a.id ? (
              <AgencyEditRow
                key={a.id}
                agency={a}
                busy={update.busy}
                onCancel={() => setEditing(null)}
                onSave={(body) =>
                  void update.execute(a.id, body).then((r) => {
                    if (!r.ok) return;
                    setEditing(null);
                    setNotice({ text: t('org.saved', { name: r.value.name }) });
                    paged.list.reload();
                  })
                }
              />
            ) : (
              <tr key={a.id} className={a.users_total > 0 && a.users_active === 0 ? 'muted' : undefined}>
                <td data-label={t('admin.col.code')}>{a.code}</td>
                <td data-label={t('admin.col.name')}>{a.name}</td>
                <td data-label={t('admin.col.kind')}>{kindLabel(a.kind)}</td>
                <td data-label={t('admin.col.jurisdiction')}>
                  {a.jurisdiction_name} <span className="muted">({a.jurisdiction_code})</span>
                </td>
                <td data-label={t('org.accounts')}>
                  {a.users_active}/{a.users_total}
                  {a.users_total > 0 && a.users_active === 0 ? <span className="chip">{t('org.inactive')}</span> : null}
                </td>
                <td data-label={t('tasks.col.actions')}>
                  <button type="button" id={editButtonId(a.id)} onClick={() => setEditing(a.id)} aria-label={t('org.edit', { name: a.name })}>
                    {t('org.editShort')}
                  </button>{' '}
                  {a.users_active > 0 ? (
                    <ConfirmButton className="danger" label={t('org.deactivate', { name: a.name })} question={t('org.deactivateConfirm')} busy={deactivate.busy} onConfirm={() => void turnOff(a)}>
                      {t('org.deactivateShort')}
                    </ConfirmButton>
                  ) : a.users_total > 0 ? (
                    <button type="button" disabled={reactivate.busy} onClick={() => void turnOn(a)} aria-label={t('org.reactivate', { name: a.name })}>
                      {t('org.reactivateShort')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ),
    )
        }
      </AdminListFrame>
    </div>
  );
}

function KindSelect({ value, onChange }: { value: AgencyKind; onChange(kind: AgencyKind): void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('admin.col.kind')}
      <select value={value} onChange={(e) => onChange(e.target.value as AgencyKind)}>
        {AGENCY_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`org.kind.${k}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The row in edit mode: name, kind and jurisdiction (only what changed is sent). */
function AgencyEditRow({ agency, busy, onSave, onCancel }: { agency: ManagedAgency; busy: boolean; onSave(body: { name?: string; kind?: AgencyKind; jurisdictionCode?: string }): void; onCancel(): void }) {
  const { t } = useI18n();
  const original = { name: agency.name, kind: agency.kind, jurisdictionCode: agency.jurisdiction_code };
  const [draft, setDraft] = useState<Record<keyof typeof original, string>>(original);
  return (
    <EditRow columns={6} code={agency.code} draft={draft} original={original} setDraft={setDraft} busy={busy} onSave={(changes) => onSave(changes as { name?: string; kind?: AgencyKind; jurisdictionCode?: string })} onCancel={onCancel}>
      <KindSelect value={draft.kind as AgencyKind} onChange={(kind) => setDraft({ ...draft, kind })} />
      <label>
        {t('admin.col.jurisdiction')}
        <input required maxLength={40} value={draft.jurisdictionCode} onChange={(e) => setDraft({ ...draft, jurisdictionCode: e.target.value })} />
      </label>
    </EditRow>
  );
}
