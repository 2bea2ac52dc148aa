import type { TimelineEvent } from '../api/endpoints';
import { formatDateTime, formatDate } from '../format/format';
import { useI18n } from '../i18n/i18n-context';

/** One timeline of everything done about the person, newest first, with who and which agency. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t, locale } = useI18n();
  if (!events.length) return <p className="muted">{t('person.noEvents')}</p>;
  const sorted = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <ol className="timeline">
      {sorted.map((event, index) => {
        const title = typeof event.title === 'object' && event.title ? event.title[locale] : (event.title ?? event.type ?? '');
        const detail = (event.detail ?? {}) as Record<string, unknown>;
        return (
          <li key={index} className={`timeline-item kind-${event.kind ?? 'event'}`}>
            <time dateTime={event.at}>{/^\d{4}-\d{2}-\d{2}$/.test(event.at) ? formatDate(event.at) : formatDateTime(event.at)}</time>
            <div>
              <strong>{title}</strong>
              {typeof detail.code === 'string' ? <span className="muted"> · {detail.code}</span> : null}
              {event.agency || event.actor_name ? (
                <div className="muted small">{[event.actor_name, event.agency].filter(Boolean).join(' — ')}</div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
