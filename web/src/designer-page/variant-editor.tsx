import { useEffect, useState } from 'react';
import { extractOverrides, type Problem } from '../../../designer';
import { variantApi } from '../api/endpoints';
import { DeployPanel } from './deploy-panel';
import { useDesignerText } from './designer-messages';
import type { ModeProps } from './definitions-mode';
import { ProcessWorkspace, type WorkspaceTab } from './process-workspace';
import { useProcedureForms } from './use-procedure-forms';
import type { VariantSession } from './variant-session';

export interface VariantEditorProps extends ModeProps {
  session: VariantSession;
  onBack(): void;
}

/**
 * Edits one variant: the model (deadlines, candidate groups, forms, added/removed steps), its diff
 * against the parent version it derives from, the rebase onto a newer parent, and the deploy.
 */
export function VariantEditor({ session, onBack, onDirty, confirmDiscard }: VariantEditorProps) {
  const dt = useDesignerText();
  const [variant, setVariant] = useState(session.variant);
  const [parent, setParent] = useState({ definitionId: session.parentDefinitionId, version: session.parentVersion, xml: session.parentXml });
  const [rebaseTo, setRebaseTo] = useState(session.rebaseTo);
  const [xml, setXml] = useState(session.xml);
  const [baseline, setBaseline] = useState(session.variant ? session.xml : '');
  const procedureForms = useProcedureForms(session.xml);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [tab, setTab] = useState<WorkspaceTab>(session.rebaseTo ? 'variant' : 'process');
  const [notice, setNotice] = useState<string | null>(null);
  // a new variant is unsaved from the start; an existing one once it differs from its deployed XML
  const dirty = xml !== baseline || rebaseTo !== null;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);

  const deploy = async () => {
    const overrides = await extractOverrides(parent.xml, xml);
    const result = variant
      ? await variantApi.addVersion(variant.id, { xml, parentDefinitionId: parent.definitionId, overrides })
      : await variantApi.create({ parentDefinitionId: parent.definitionId, jurisdictionCode: session.jurisdictionCode, xml, name: session.name || undefined, overrides });
    setVariant(result.variant);
    setBaseline(xml);
    setNotice(null);
    return dt('editor.deployed', { version: result.definition.version, parent: parent.version });
  };

  const title = variant
    ? dt('editor.variant', { name: variant.name, version: variant.version ?? '—', parent: parent.version })
    : dt('editor.newVariant', { name: session.name || session.key, version: parent.version, code: session.jurisdictionCode });

  return (
    <div className="designer-mode" data-mode="variant-editor">
      <p>
        <button type="button" className="link-button" onClick={() => confirmDiscard() && onBack()} data-testid="variant-back">
          {dt('variants.back')}
        </button>
      </p>
      <p className="designer-editing" data-testid="editing-title">
        {title}
        {dirty && (
          <span className="badge warn" data-testid="unsaved">
            {dt('unsaved.badge')}
          </span>
        )}
      </p>
      {notice && (
        <p role="status" className="designer-result ok">
          {notice}
        </p>
      )}
      <DeployPanel xml={xml} onProblems={setServerProblems} deploy={deploy} deployLabel={dt('editor.deployVariant')} confirm={dt('editor.deployConfirm')}>
        <button type="button" onClick={() => setTab('variant')} data-testid="compare-parent">
          {dt('editor.compare')}
        </button>
      </DeployPanel>
      <ProcessWorkspace
        xml={xml}
        onXml={setXml}
        forms={procedureForms.forms}
        onForms={procedureForms.setForms}
        formsHeader={procedureForms.header}
        formActions={procedureForms.actions}
        serverProblems={serverProblems}
        parentXml={parent.xml}
        tab={tab}
        onTab={setTab}
        compareHeader={<h3>{rebaseTo ? dt('editor.rebasing', { version: rebaseTo.version }) : dt('version.of', { name: session.key, version: parent.version })}</h3>}
        rebase={
          rebaseTo && {
            newParentXml: rebaseTo.xml,
            onAccept: (rebased) => {
              setXml(rebased);
              setParent(rebaseTo);
              setRebaseTo(null);
              setTab('process');
              setNotice(dt('editor.rebased', { version: rebaseTo.version }));
            },
          }
        }
      />
    </div>
  );
}
