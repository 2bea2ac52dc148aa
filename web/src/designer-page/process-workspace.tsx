import { Suspense, useState, type ChangeEvent, type ReactNode } from 'react';
import { BpmnDesigner, emptyForm, FormEditor, missingFormIds, RebasePreview, uiText, VariantDiff, type FormFile, type Problem } from '../../../designer';
import { Spinner } from '../components/spinner';
import { useI18n } from '../i18n/i18n-context';

export type WorkspaceTab = 'process' | 'forms' | 'variant';

export interface WorkspaceProps {
  xml: string;
  onXml(xml: string): void;
  forms: FormFile[];
  onForms(forms: FormFile[]): void;
  serverProblems?: Problem[];
  /** The parent the model is compared with (a variant's parent version); file inputs when absent. */
  parentXml?: string | null;
  /** A newer parent version to rebase onto: the compare tab shows the rebase preview instead. */
  rebase?: { newParentXml: string; onAccept(xml: string): void } | null;
  tab?: WorkspaceTab;
  onTab?(tab: WorkspaceTab): void;
  /** Shown above the compare tab's content (e.g. what is compared with what). */
  compareHeader?: ReactNode;
  /** Shown above the forms tab (which forms were loaded from the server). */
  formsHeader?: ReactNode;
  /** Buttons for the selected form (the versioned save); `replace` swaps in the stored version. */
  formActions?(form: FormFile, replace: (form: FormFile) => void): ReactNode;
}

/**
 * The editing area of the designer page: the BPMN model (palette, canvas, properties, problems),
 * its forms, and the diff against a parent (from the server in variant mode, else from files).
 */
export function ProcessWorkspace(props: WorkspaceProps) {
  const { locale } = useI18n();
  const { xml, onXml, forms, onForms } = props;
  const [ownTab, setOwnTab] = useState<WorkspaceTab>('process');
  const tab = props.tab ?? ownTab;
  const setTab = props.onTab ?? setOwnTab;
  const [selectedForm, setSelectedForm] = useState(0);
  const [fileParentXml, setFileParentXml] = useState<string | null>(null);
  const [fileNewParentXml, setFileNewParentXml] = useState<string | null>(null);
  const fromServer = props.parentXml !== undefined;
  const parentXml = fromServer ? props.parentXml : fileParentXml;
  const rebase =
    props.rebase ??
    (fileParentXml && fileNewParentXml
      ? {
          newParentXml: fileNewParentXml,
          onAccept: (rebased: string) => {
            onXml(rebased);
            setFileParentXml(fileNewParentXml);
            setFileNewParentXml(null);
            setTab('process');
          },
        }
      : null);
  const missing = missingFormIds(xml, forms);

  const readFile = (set: (text: string) => void) => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) set(await file.text());
  };
  const replaceSelected = (form: FormFile) => onForms(forms.map((f, i) => (i === selectedForm ? form : f)));
  const addForm = (id = `form.${forms.length + 1}`) => {
    onForms([...forms, emptyForm(id)]);
    setSelectedForm(forms.length);
  };

  return (
    <div className="designer-workspace">
      <div className="qt-tabs" role="tablist">
        {(['process', 'forms', 'variant'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)} data-tab={name}>
            {uiText(locale, `tabs.${name}`)}
          </button>
        ))}
      </div>
      <Suspense fallback={<Spinner />}>
        <div hidden={tab !== 'process'}>
          <BpmnDesigner locale={locale} xml={xml} onChange={onXml} forms={forms} onFormsImported={onForms} serverProblems={props.serverProblems} />
        </div>
        {tab === 'forms' && (
          <div>
            {props.formsHeader}
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
            {forms[selectedForm] && props.formActions?.(forms[selectedForm], replaceSelected)}
            {forms[selectedForm] && <FormEditor key={selectedForm} form={forms[selectedForm]} locale={locale} onChange={replaceSelected} />}
          </div>
        )}
        {tab === 'variant' && (
          <div>
            {props.compareHeader}
            {!fromServer && (
              <>
                <label className="qt-file-button">
                  {uiText(locale, 'diff.parent')} (.bpmn)
                  <input type="file" accept=".bpmn,.xml" onChange={(event) => void readFile(setFileParentXml)(event)} data-testid="open-parent" />
                </label>{' '}
                {fileParentXml && (
                  <label className="qt-file-button">
                    {uiText(locale, 'diff.newParent')}
                    <input type="file" accept=".bpmn,.xml" onChange={(event) => void readFile(setFileNewParentXml)(event)} data-testid="open-new-parent" />
                  </label>
                )}
              </>
            )}
            {parentXml && !rebase && <VariantDiff parentXml={parentXml} variantXml={xml} locale={locale} />}
            {parentXml && rebase && <RebasePreview baseXml={parentXml} variantXml={xml} newParentXml={rebase.newParentXml} locale={locale} onAccept={rebase.onAccept} />}
          </div>
        )}
      </Suspense>
    </div>
  );
}
