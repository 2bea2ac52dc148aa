import { publicApi } from './public-api';
import { useQuery } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';

export function CommuneSelect({ value, onChange, error }: { value: string; onChange(code: string): void; error?: string }) {
  const { t } = useI18n();
  const communes = useQuery((signal) => publicApi.communes(signal), []);
  return (
    <label>
      {t('public.commune')} <span className="required">*</span>
      <select name="communeCode" required value={value} aria-invalid={Boolean(error)} aria-describedby={error ? 'commune-error' : undefined} onChange={(e) => onChange(e.target.value)}>
        <option value="">{communes.loading ? t('common.loading') : '—'}</option>
        {(communes.data?.items ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {c.name} ({c.code})
          </option>
        ))}
      </select>
      {error ? (
        <span id="commune-error" className="field-error">
          {error}
        </span>
      ) : null}
    </label>
  );
}
