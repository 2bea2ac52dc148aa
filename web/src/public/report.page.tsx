import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../components/error-banner';
import { useAction } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { CommuneSelect } from './commune-select';
import { Field } from './field';
import { fieldErrors } from './field-errors';
import { publicApi } from './public-api';
import { TrackingCode } from './tracking-code';

/** Hotline / report form: anyone may report (anonymously too); the commune police get a task. */
export function ReportPage() {
  const { t, locale } = useI18n();
  const [values, setValues] = useState({ anonymous: false, fullName: '', phone: '', communeCode: '', location: '', description: '' });
  const send = useAction(publicApi.report);
  const [code, setCode] = useState<string | null>(null);
  const errors = fieldErrors(send.error, locale);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send.execute({
      anonymous: values.anonymous,
      communeCode: values.communeCode,
      description: values.description.trim(),
      ...(values.location ? { location: values.location.trim() } : {}),
      ...(!values.anonymous && values.fullName ? { fullName: values.fullName.trim() } : {}),
      ...(!values.anonymous && values.phone ? { phone: values.phone.replace(/\s/g, '') } : {}),
    });
    if (result.ok) setCode(result.value.code);
  }

  if (code) return <TrackingCode code={code} />;
  return (
    <section>
      <h1>{t('public.report')}</h1>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorBanner error={send.error} />
        <label className="inline">
          <input type="checkbox" checked={values.anonymous} onChange={(e) => setValues({ ...values, anonymous: e.target.checked })} /> {t('public.anonymous')}
        </label>
        {!values.anonymous ? (
          <>
            <Field label={t('public.fullName')} name="fullName" autoComplete="name" value={values.fullName} onChange={(e) => setValues({ ...values, fullName: e.target.value })} error={errors.fullName} />
            <Field label={t('public.phone')} name="phone" type="tel" autoComplete="tel" value={values.phone} onChange={(e) => setValues({ ...values, phone: e.target.value })} error={errors.phone} />
          </>
        ) : null}
        <CommuneSelect value={values.communeCode} onChange={(communeCode) => setValues({ ...values, communeCode })} error={errors.communeCode} />
        <Field label={t('public.location')} name="location" value={values.location} onChange={(e) => setValues({ ...values, location: e.target.value })} error={errors.location} />
        <label>
          {t('public.description')} <span className="required">*</span>
          <textarea name="description" rows={5} required value={values.description} aria-invalid={Boolean(errors.description)} onChange={(e) => setValues({ ...values, description: e.target.value })} />
          {errors.description ? <span className="field-error">{errors.description}</span> : null}
        </label>
        <button type="submit" className="primary" disabled={send.busy} aria-busy={send.busy}>
          {t('public.submitReport')}
        </button>
      </form>
    </section>
  );
}
