import { Component, useState, type ReactNode } from 'react';
import Form from '@rjsf/core';
import { quyTrinhFormProps, type FormDefinition, type JsonObject } from '../../forms';
import type { DesignerLocale } from '../i18n/translate.module';
import { uiText } from '../i18n/ui-messages';

export interface FormPreviewProps {
  form: FormDefinition;
  locale: DesignerLocale;
}

/** The form as staff will see it (our RJSF theme and validator), filled with sample data. */
export function FormPreview({ form, locale }: FormPreviewProps) {
  const [data, setData] = useState<JsonObject>(() => (form.examples?.valid?.[0] as JsonObject | undefined) ?? {});
  return (
    <section className="qt-form-preview" aria-label={uiText(locale, 'form.preview')}>
      <h3>{uiText(locale, 'form.preview')}</h3>
      <PreviewBoundary key={JSON.stringify(form)}>
        <Form {...quyTrinhFormProps(form, locale)} formData={data} liveValidate onChange={(event) => setData(event.formData as JsonObject)} />
      </PreviewBoundary>
      <details>
        <summary>{uiText(locale, 'form.sample')}</summary>
        <pre data-testid="sample-data">{JSON.stringify(data, null, 2)}</pre>
      </details>
    </section>
  );
}

/** A schema being edited may be momentarily invalid; show the error instead of unmounting the editor. */
class PreviewBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children;
  }
}
