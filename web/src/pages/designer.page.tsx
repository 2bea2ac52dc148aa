import { Suspense, useState, type ChangeEvent } from 'react';
import { BpmnDesigner, emptyDiagram, emptyForm, FormEditor, missingFormIds, RebasePreview, uiText, VariantDiff, type FormFile } from '../../../designer';
import { useI18n } from '../i18n/i18n-context';

type Tab = 'process' | 'forms' | 'variant';

/**
 * /designer — the procedure designer: BPMN model, its forms, and the diff of this model (a
 * variant) against a parent loaded from file. Loaded lazily from app.tsx so bpmn-js and the
 * properties panel stay out of the task-list bundle. (Loading/saving through the server comes
 * with the deploy API.)
 */
export function DesignerPage() {
  const { t, locale } = useI18n();
  const [tab, setTab] = useState<Tab>('process');
  const [xml, setXml] = useState<string>(() => emptyDiagram());
  const [forms, setForms] = useState<FormFile[]>([]);
  const [selectedForm, setSelectedForm] = useState(0);
  const [parentXml, setParentXml] = useState<string | null>(null);
  const [newParentXml, setNewParentXml] = useState<string | null>(null);
  const missing = missingFormIds(xml, forms);

  const readFile = (set: (text: string) => void) => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) set(await file.text());
  };
  const addForm = (id = `form.${forms.length + 1}`) => {
    setForms([...forms, emptyForm(id)]);
    setSelectedForm(forms.length);
  };

  return (
    <section className="designer-page">
      <h1>{t('nav.designer')}</h1>
      <div className="qt-tabs" role="tablist">
        {(['process', 'forms', 'variant'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)} data-tab={name}>
            {uiText(locale, `tabs.${name}`)}
          </button>
        ))}
      </div>
      <Suspense fallback={<p role="status">…</p>}>
        <div hidden={tab !== 'process'}>
          <BpmnDesigner locale={locale} xml={xml} onChange={setXml} forms={forms} onFormsImported={setForms} />
        </div>
        {tab === 'forms' && (
          <div>
            <div className="qt-toolbar">
              {forms.map((form, index) => (
                <button key={form.id + index} type="button" aria-pressed={index === selectedForm} onClick={() => setSelectedForm(index)}>
                  {form.title.vi} <code>{form.id}</code>
                </button>
              ))}
              {missing.map((id) => (
                <button key={id} type="button" onClick={() => addForm(id)}>
                  + <code>{id}</code>
                </button>
              ))}
              <button type="button" onClick={() => addForm()}>
                +
              </button>
            </div>
            {forms[selectedForm] && (
              <FormEditor
                key={selectedForm}
                form={forms[selectedForm]}
                locale={locale}
                onChange={(form) => setForms(forms.map((f, i) => (i === selectedForm ? form : f)))}
              />
            )}
          </div>
        )}
        {tab === 'variant' && (
          <div>
            <label className="qt-file-button">
              {uiText(locale, 'diff.parent')} (.bpmn)
              <input type="file" accept=".bpmn,.xml" onChange={(event) => void readFile(setParentXml)(event)} data-testid="open-parent" />
            </label>{' '}
            {parentXml && (
              <label className="qt-file-button">
                {uiText(locale, 'diff.newParent')}
                <input type="file" accept=".bpmn,.xml" onChange={(event) => void readFile(setNewParentXml)(event)} data-testid="open-new-parent" />
              </label>
            )}
            {parentXml && !newParentXml && <VariantDiff parentXml={parentXml} variantXml={xml} locale={locale} />}
            {parentXml && newParentXml && (
              <RebasePreview
                baseXml={parentXml}
                variantXml={xml}
                newParentXml={newParentXml}
                locale={locale}
                onAccept={(rebased) => {
                  setXml(rebased);
                  setParentXml(newParentXml);
                  setNewParentXml(null);
                  setTab('process');
                }}
              />
            )}
          </div>
        )}
      </Suspense>
    </section>
  );
}

export default DesignerPage;
