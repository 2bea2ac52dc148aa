import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';

/** Sections not built yet say so instead of showing an empty page. */
export function PlaceholderPage({ titleKey }: { titleKey: MessageKey }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t(titleKey)}</h1>
      <p>{t('page.comingSoon')}</p>
    </section>
  );
}
