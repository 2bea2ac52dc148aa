import { Suspense, useState } from 'react';
import { BpmnDesigner } from '../../../designer';
import { useI18n } from '../i18n/i18n-context';

/**
 * /designer — the BPMN designer. Loaded lazily from app.tsx so bpmn-js and the properties
 * panel stay out of the task-list bundle.
 */
export function DesignerPage() {
  const { t, locale } = useI18n();
  const [, setXml] = useState<string | undefined>();
  return (
    <section className="designer-page">
      <h1>{t('nav.designer')}</h1>
      <Suspense fallback={<p role="status">…</p>}>
        <BpmnDesigner locale={locale} onChange={setXml} />
      </Suspense>
    </section>
  );
}

export default DesignerPage;
