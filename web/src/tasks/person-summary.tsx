import { Link } from 'react-router-dom';
import { personApi } from '../api/endpoints';
import { Spinner } from '../components/spinner';
import { formatDate } from '../format/format';
import { useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';

/** Who the task is about: name, birth date, ID number, commune, status. */
export function PersonSummary({ personId }: { personId: string }) {
  const { t } = useI18n();
  const person = useQuery((signal) => personApi.get(personId, signal), [personId]);
  return (
    <section className="person-summary" aria-labelledby="person-summary-title">
      <h3 id="person-summary-title">{t('task.person')}</h3>
      {person.loading ? <Spinner /> : null}
      {person.data ? (
        <dl className="facts">
          <dt>{t('persons.col.name')}</dt>
          <dd>{person.data.full_name}</dd>
          <dt>{t('persons.col.dob')}</dt>
          <dd>{formatDate(person.data.date_of_birth) || t('common.none')}</dd>
          <dt>{t('persons.col.id')}</dt>
          <dd>{person.data.id_number ?? t('common.none')}</dd>
          <dt>{t('persons.col.commune')}</dt>
          <dd>{person.data.commune_code}</dd>
          <dt>{t('persons.col.status')}</dt>
          <dd>{person.data.status ?? t('common.none')}</dd>
        </dl>
      ) : null}
      <Link to={`/cases/persons/${personId}`}>{t('task.openPerson')}</Link>
    </section>
  );
}
