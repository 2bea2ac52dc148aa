import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../components/error-banner';
import { useAction } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';
import { CommuneSelect } from './commune-select';
import { Field } from './field';
import { fieldErrors } from './field-errors';
import { publicApi, type PublicRegistration } from './public-api';
import { TrackingCode } from './tracking-code';

/** Online public service: register for voluntary rehabilitation (goes to the commune as a task). */
export function RegisterPage() {
  const { t, locale } = useI18n();
  const [values, setValues] = useState({ fullName: '', dob: '', idNumber: '', phone: '', communeCode: '', address: '', rehabForm: 'home', consent: false });
  const send = useAction(publicApi.register);
  const [code, setCode] = useState<string | null>(null);
  const errors = fieldErrors(send.error, locale);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: PublicRegistration = {
      fullName: values.fullName.trim(),
      phone: values.phone.replace(/\s/g, ''),
      communeCode: values.communeCode,
      rehabForm: values.rehabForm as 'home' | 'centre',
      ...(values.dob ? { dateOfBirth: isoFromVnDate(values.dob) } : {}),
      ...(values.idNumber ? { idNumber: values.idNumber.trim() } : {}),
      ...(values.address ? { address: values.address.trim() } : {}),
    };
    const result = await send.execute(body);
    if (result.ok) setCode(result.value.code);
  }

  if (code) return <TrackingCode code={code} />;
  return (
    <section>
      <h1>{t('public.register')}</h1>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorBanner error={send.error} />
        <Field label={t('public.fullName')} name="fullName" required autoComplete="name" value={values.fullName} onChange={set('fullName')} error={errors.fullName} />
        <Field label={t('public.dob')} name="dateOfBirth" inputMode="numeric" placeholder="dd/mm/yyyy" value={values.dob} onChange={set('dob')} error={errors.dateOfBirth} />
        <Field label={t('public.idNumber')} name="idNumber" inputMode="numeric" value={values.idNumber} onChange={set('idNumber')} error={errors.idNumber} />
        <Field label={t('public.phone')} name="phone" required type="tel" autoComplete="tel" value={values.phone} onChange={set('phone')} error={errors.phone} />
        <CommuneSelect value={values.communeCode} onChange={(communeCode) => setValues({ ...values, communeCode })} error={errors.communeCode} />
        <Field label={t('public.address')} name="address" autoComplete="street-address" value={values.address} onChange={set('address')} error={errors.address} />
        <fieldset>
          <legend>{t('public.form')}</legend>
          <label className="inline">
            <input type="radio" name="rehabForm" value="home" checked={values.rehabForm === 'home'} onChange={set('rehabForm')} /> {t('public.form.home')}
          </label>
          <label className="inline">
            <input type="radio" name="rehabForm" value="centre" checked={values.rehabForm === 'centre'} onChange={set('rehabForm')} /> {t('public.form.centre')}
          </label>
        </fieldset>
        <label className="inline">
          <input type="checkbox" checked={values.consent} onChange={(e) => setValues({ ...values, consent: e.target.checked })} /> {t('public.consent')}
        </label>
        <button type="submit" className="primary" disabled={!values.consent || send.busy} aria-busy={send.busy}>
          {t('public.submitRegister')}
        </button>
      </form>
    </section>
  );
}

/** dd/mm/yyyy → YYYY-MM-DD (anything else is sent as typed, so the server's date error shows). Kept local: the forms bundle is not needed here. */
function isoFromVnDate(text: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : text.trim();
}
