import type { CandidatePerson } from '../api/endpoints';
import { useI18n } from '../i18n/i18n-context';

/**
 * "Who else can act": the people the server says can take the task (candidate users and members of
 * the candidate agencies — only those the signed-in user may see), grouped by agency, then the raw groups.
 */
export function TaskPeople({ groups, people, more }: { groups: string[]; people: CandidatePerson[]; more: boolean }) {
  const { t } = useI18n();
  const byAgency = new Map<string, CandidatePerson[]>();
  for (const p of people) {
    const key = p.agencyName ?? '—';
    byAgency.set(key, [...(byAgency.get(key) ?? []), p]);
  }
  return (
    <div data-testid="task-people">
      <h4 className="small">{t('task.people')}</h4>
      {people.length ? (
        <ul className="people-by-agency">
          {[...byAgency.entries()].map(([agency, members]) => (
            <li key={agency}>
              <strong>{agency}</strong>
              <ul>
                {members.map((m) => (
                  <li key={m.id}>{m.displayName}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('task.peopleNone')}</p>
      )}
      {more ? <p className="muted">{t('task.peopleMore')}</p> : null}
      <p className="small">
        {t('task.groups')}:{' '}
        {groups.length ? groups.map((g) => <code key={g} className="chip">{g}</code>) : t('common.none')}
      </p>
    </div>
  );
}
